import type { Child } from 'hono/jsx'
import { ReaderContext } from '../i18n/reader-context'
import type { Reader } from '../i18n/reader'
import { PagePathContext } from './page-path'

/**
 * Renders `children` for `reader`: every view inside translates and prints times for them.
 * `path` is the page's own path and query without `lang` (for the language switcher).
 */
export function ForReader(props: { reader: Reader; path?: string; children?: Child }) {
  const page = (
    <ReaderContext.Provider value={props.reader}>{props.children}</ReaderContext.Provider>
  )
  return props.path === undefined ? (
    page
  ) : (
    <PagePathContext.Provider value={props.path}>{page}</PagePathContext.Provider>
  )
}
