import MarkdownIt from 'markdown-it'
import xss, { type IFilterXSSOptions } from 'xss'

/**
 * Markdown → HTML for text written by the page's editors and shown to the public (postmortems).
 * Two layers, each enough alone: markdown-it with `html: false` escapes any raw HTML in the
 * source and refuses `javascript:`/`vbscript:`/`file:`/`data:` links; then the xss filter
 * (pure JavaScript, no DOM, so it runs in a Worker) keeps only the tags and attributes listed
 * below and vets every URL again. Images are not rendered (no third-party requests from the
 * page): `![alt](url)` stays text. No `style` attribute survives (the pages' CSP forbids them).
 */
const parser = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false })
parser.disable(['image'])

const defaultLinkOpen =
  parser.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
parser.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'nofollow noopener noreferrer')
  return defaultLinkOpen(tokens, idx, options, env, self)
}

const BLOCKS = ['p', 'blockquote', 'pre', 'hr', 'ul', 'ol', 'li', 'br']
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']
const INLINE = ['strong', 'em', 's', 'code']
const TABLES = ['table', 'thead', 'tbody', 'tr', 'th', 'td']

const allowList: Record<string, string[]> = {
  a: ['href', 'title', 'rel'],
  ol: ['start'],
}
for (const tag of [...BLOCKS, ...HEADINGS, ...INLINE, ...TABLES]) allowList[tag] = []

const sanitiserOptions: IFilterXSSOptions = {
  allowList,
  // Anything else is dropped with its contents (a <script> body never becomes text either).
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math'],
  allowCommentTag: false,
}

/** The markdown rendered to HTML that is safe to place in a page, a feed or an email. */
export function renderMarkdown(markdown: string): string {
  return xss(parser.render(markdown), sanitiserOptions)
}

/** The markdown reduced to its text, for plain-text email parts and summaries. */
export function markdownText(markdown: string): string {
  return markdown.replace(/\r\n?/g, '\n').trim()
}
