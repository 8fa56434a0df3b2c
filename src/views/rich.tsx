import type { HtmlEscapedString } from 'hono/utils/html'

/**
 * What `reader.rich` puts into a message: elements for its tags and placeholders. A message's
 * `<a>…</a>` is turned into markup by a function of its chunks, given as the tag's value.
 */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>

type Chunks = (string | Markup)[]

/** `<a>…</a>` in a message, as a link to `href`. */
export const linkTo = (href: string) => (chunks: Chunks) => <a href={href}>{chunks}</a>

/** `<strong>…</strong>` (or `<b>…</b>`) in a message. */
export const strong = (chunks: Chunks) => <strong>{chunks}</strong>

/** `<hidden>…</hidden>` in a message: words for screen readers only. */
export const visuallyHidden = (chunks: Chunks) => <span class="visually-hidden">{chunks}</span>
