/**
 * WCAG 2.x colour contrast: the relative luminance of an sRGB colour and the contrast ratio of
 * two colours, from 1:1 (the same) to 21:1 (black on white). AA asks 4.5:1 for normal text.
 */

/** The contrast WCAG 2.x level AA asks of normal-size text against its background. */
export const AA_TEXT_CONTRAST = 4.5

/** A `#rrggbb` colour (any case), or null when the text is not one. */
export function parseHexColour(text: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text)
  if (!match) return null
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)]
}

/** One sRGB channel (0–255) as linear light (0–1). */
function linearChannel(value: number): number {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** The relative luminance of a `#rrggbb` colour: 0 for black, 1 for white. */
export function relativeLuminance(hex: string): number {
  const rgb = parseHexColour(hex)
  if (!rgb) throw new RangeError(`Not a #rrggbb colour: ${hex}`)
  const [r, g, b] = rgb.map(linearChannel) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** The contrast ratio of two `#rrggbb` colours (the order does not matter), 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a)
  const lb = relativeLuminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/**
 * A ratio as people write it, cut (not rounded) to one decimal so that a refused colour never
 * reads as if it met the threshold: 4.47 is "4.4:1", 21 is "21:1".
 */
export function formatRatio(ratio: number): string {
  return `${Math.floor(ratio * 10 + 1e-9) / 10}:1`
}
