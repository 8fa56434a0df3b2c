import { createContext, useContext } from 'hono/jsx'
import { DEFAULT_READER, type Reader } from './reader'

/**
 * The reader a page is rendered for, so that any view can translate and print times without
 * every component passing it down: wrap the page in `<ReaderContext.Provider value={reader}>`
 * and call `useReader()` in a view.
 */
export const ReaderContext = createContext<Reader>(DEFAULT_READER)

export function useReader(): Reader {
  return useContext(ReaderContext)
}
