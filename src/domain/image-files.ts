/**
 * What an uploaded image file is, read from its bytes (never from its name or declared type):
 * PNG, JPEG, WebP or ICO with its size in pixels, SVG (recognised so it can be refused by name),
 * or unknown.
 */

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'ico'

export interface ImageFacts {
  format: ImageFormat
  /** 0 when the file's header does not say (a damaged file). */
  width: number
  height: number
}

/** The MIME type of each format, as served. */
export const IMAGE_TYPES: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  ico: 'image/x-icon',
}

/** The file name extension of each format. */
export const IMAGE_EXTENSIONS: Record<ImageFormat, string> = {
  png: 'png',
  jpeg: 'jpg',
  webp: 'webp',
  ico: 'ico',
}

/** What people call each format in a sentence. */
export const IMAGE_NAMES: Record<ImageFormat, string> = {
  png: 'PNG',
  jpeg: 'JPEG',
  webp: 'WebP',
  ico: 'ICO',
}

/** The format a declared Content-Type names (aliases included), or null. */
export function formatOfType(type: string): ImageFormat | null {
  const mime = type.split(';')[0]!.trim().toLowerCase()
  if (mime === 'image/png') return 'png'
  if (mime === 'image/jpeg' || mime === 'image/jpg' || mime === 'image/pjpeg') return 'jpeg'
  if (mime === 'image/webp') return 'webp'
  if (mime === 'image/x-icon' || mime === 'image/vnd.microsoft.icon' || mime === 'image/ico') {
    return 'ico'
  }
  return null
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8)
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16)
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 65536 + u16be(b, i + 2)
const ascii = (b: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...b.subarray(from, from + length))

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function pngFacts(b: Uint8Array): ImageFacts {
  const hasHeader = ascii(b, 12, 4) === 'IHDR'
  return {
    format: 'png',
    width: hasHeader ? u32be(b, 16) : 0,
    height: hasHeader ? u32be(b, 20) : 0,
  }
}

/** Walks the JPEG segments to the first start-of-frame, which holds the size. */
function jpegFacts(b: Uint8Array): ImageFacts {
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) break
    const marker = b[i + 1]!
    if (marker === 0xff) {
      i += 1
      continue
    }
    // Markers without a length: TEM, RSTn, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2
      continue
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)
    if (isFrame) return { format: 'jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) }
    if (marker === 0xda || marker === 0xd9) break
    i += 2 + u16be(b, i + 2)
  }
  return { format: 'jpeg', width: 0, height: 0 }
}

function webpFacts(b: Uint8Array): ImageFacts {
  const chunk = ascii(b, 12, 4)
  if (chunk === 'VP8X') {
    return { format: 'webp', width: 1 + u24le(b, 24), height: 1 + u24le(b, 27) }
  }
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const b1 = b[21] ?? 0
    const b2 = b[22] ?? 0
    const b3 = b[23] ?? 0
    const b4 = b[24] ?? 0
    return {
      format: 'webp',
      width: 1 + (((b2 & 0x3f) << 8) | b1),
      height: 1 + (((b4 & 0x0f) << 10) | (b3 << 2) | ((b2 & 0xc0) >> 6)),
    }
  }
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { format: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff }
  }
  return { format: 'webp', width: 0, height: 0 }
}

/** The first (usually largest listed) icon of an ICO file; 0 in its header means 256. */
function icoFacts(b: Uint8Array): ImageFacts {
  if (u16le(b, 4) === 0 || b.length < 22) return { format: 'ico', width: 0, height: 0 }
  return { format: 'ico', width: b[6] || 256, height: b[7] || 256 }
}

/** Whether the bytes look like an SVG document (XML text with an `<svg` element). */
function looksLikeSvg(b: Uint8Array): boolean {
  const head = new TextDecoder().decode(b.subarray(0, 1024)).trimStart().toLowerCase()
  return (head.startsWith('<') && head.includes('<svg')) || head.startsWith('<?xml')
}

/** The facts of an image file, `'svg'` for an SVG document, or null for anything else. */
export function readImageFacts(bytes: Uint8Array): ImageFacts | 'svg' | null {
  const b = bytes
  if (PNG_SIGNATURE.every((byte, i) => b[i] === byte)) return pngFacts(b)
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegFacts(b)
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webpFacts(b)
  if (b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0) return icoFacts(b)
  if (looksLikeSvg(b)) return 'svg'
  return null
}
