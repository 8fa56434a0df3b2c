/**
 * The accent colour's stylesheet, linked from public pages and the widget's embed page (the
 * Content-Security-Policy allows stylesheets from our origin, not inline styles). Its file name
 * holds the colour and this template's version, so it is cached for a year.
 *
 * It applies to the light scheme only: a colour with 4.5:1 against white cannot also have it
 * against the dark scheme's near-black, so dark mode keeps its own link colour. The embed's
 * `data-theme` (chosen by the host page) wins over the reader's preference.
 */
export function accentStylesheet(accent: string): string {
  const vars = `--link:${accent};--focus:${accent};--accent:${accent}`
  return [
    `@media not all and (prefers-color-scheme:dark){:root:not([data-theme=dark]){${vars}}}`,
    `:root[data-theme=light]{${vars}}`,
    '',
  ].join('\n')
}

/** The stylesheet's path for an accent `#rrggbb`. */
export function accentStylesheetPath(accent: string): string {
  return `/brand/accent-${accent.slice(1).toLowerCase()}.v1.css`
}

/** The accent a stylesheet path names (`#rrggbb`), or null. */
export function accentOfStylesheetFile(file: string): string | null {
  const match = /^accent-([0-9a-f]{6})\.v1\.css$/.exec(file)
  return match ? `#${match[1]}` : null
}
