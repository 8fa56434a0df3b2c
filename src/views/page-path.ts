import { createContext, useContext } from 'hono/jsx'

/**
 * The path (and query) of the page being rendered, without `?lang=`: where the language
 * switcher returns the reader to, and what each language's alternate link points at.
 */
export const PagePathContext = createContext<string>('/')

export function usePagePath(): string {
  return useContext(PagePathContext)
}

/** `/history?page=2` for `https://…/history?page=2&lang=de`: the path and query without `lang`. */
export function pathWithoutLang(url: string | URL): string {
  const u = new URL(url, 'http://candor.invalid')
  u.searchParams.delete('lang')
  return `${u.pathname}${u.search}`
}

/** The page at `path` in `lang` (`/history?page=2&lang=de`). */
export function pathInLanguage(path: string, lang: string): string {
  const u = new URL(path, 'http://candor.invalid')
  u.searchParams.set('lang', lang)
  return `${u.pathname}${u.search}`
}
