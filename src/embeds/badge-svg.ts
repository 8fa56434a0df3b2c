import { escapeXml } from '../feeds/markup'

/** Badge colours by tone: shields.io's palette, each with white text at a readable contrast. */
const TONES = {
  good: '#2e7d32',
  minor: '#a15c00',
  major: '#c62828',
  critical: '#8e0000',
  maintenance: '#1565c0',
  unknown: '#555',
} as const
export type BadgeTone = keyof typeof TONES

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60]/u

/**
 * Approximate advance widths (px) of Verdana 11px, the font shields-style badges use, for any
 * language's words: marks that sit on a letter (Arabic vowel signs) take no room, East Asian
 * characters a full square.
 */
export function textWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    if (/\p{M}/u.test(ch)) continue
    if ("ijlI.,:;|!'".includes(ch)) width += 3.5
    else if ('frt() -'.includes(ch)) width += 5
    else if ('mwMW'.includes(ch)) width += 10.5
    else if (WIDE.test(ch)) width += 11
    else if (/\p{Lu}/u.test(ch)) width += 8
    else width += 7
  }
  return Math.ceil(width)
}

/** Stretches or squeezes a text to the width its side was made for. */
const fit = (width: number) => `textLength="${width}" lengthAdjust="spacingAndGlyphs"`

/**
 * A shields-style badge: a grey label and a coloured message ("status | operational"), with a
 * title and an accessible name for screen readers in the badge's language. Each side is as wide
 * as its text is estimated to be, and the text is fitted to that width (`textLength`), so a
 * longer word in another language, or a font wider than Verdana, never spills over.
 */
export function badgeSvg(
  label: string,
  message: string,
  tone: BadgeTone,
  words: { lang: string; name: string } = { lang: 'en', name: `${label}: ${message}` },
): string {
  const labelWidth = textWidth(label)
  const messageWidth = textWidth(message)
  const left = labelWidth + 12
  const right = messageWidth + 12
  const width = left + right
  const name = escapeXml(words.name)
  const l = escapeXml(label)
  const m = escapeXml(message)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${name}" xml:lang="${escapeXml(words.lang)}">
  <title>${name}</title>
  <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
  <clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
  <g clip-path="url(#r)">
    <rect width="${left}" height="20" fill="#555"/>
    <rect x="${left}" width="${right}" height="20" fill="${TONES[tone]}"/>
    <rect width="${width}" height="20" fill="url(#s)"/>
  </g>
  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
    <text x="${left / 2}" y="15" fill="#010101" fill-opacity=".3" ${fit(labelWidth)}>${l}</text>
    <text x="${left / 2}" y="14" ${fit(labelWidth)}>${l}</text>
    <text x="${left + right / 2}" y="15" fill="#010101" fill-opacity=".3" ${fit(messageWidth)}>${m}</text>
    <text x="${left + right / 2}" y="14" ${fit(messageWidth)}>${m}</text>
  </g>
</svg>
`
}
