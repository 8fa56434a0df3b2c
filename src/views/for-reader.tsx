import type { Child } from 'hono/jsx'
import { ReaderContext } from '../i18n/reader-context'
import type { Reader } from '../i18n/reader'

/** Renders `children` for `reader`: every view inside translates and prints times for them. */
export function ForReader(props: { reader: Reader; children?: Child }) {
  return <ReaderContext.Provider value={props.reader}>{props.children}</ReaderContext.Provider>
}
