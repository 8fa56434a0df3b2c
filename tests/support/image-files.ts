/** Image files made in the test: real PNG and ICO files, JPEG and WebP headers. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]

function chunk(type: string, data: number[] | Uint8Array): number[] {
  const body = new Uint8Array([...new TextEncoder().encode(type), ...data])
  return [...u32(data.length), ...body, ...u32(crc32(body))]
}

/** A real PNG of one colour (RGB), stored without compression: any viewer shows it. */
export function pngFile(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const row = [0, ...Array.from({ length: width }, () => rgb).flat()]
  const raw = new Uint8Array(Array.from({ length: height }, () => row).flat())
  const blocks: number[] = [0x78, 0x01]
  for (let at = 0; at < raw.length || at === 0; at += 65535) {
    const part = raw.subarray(at, at + 65535)
    const last = at + 65535 >= raw.length ? 1 : 0
    blocks.push(
      last,
      part.length & 255,
      part.length >> 8,
      ~part.length & 255,
      (~part.length >> 8) & 255,
    )
    blocks.push(...part)
  }
  blocks.push(...u32(adler32(raw)))
  // prettier-ignore
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk('IHDR', [...u32(width), ...u32(height), 8, 2, 0, 0, 0]),
    ...chunk('IDAT', blocks),
    ...chunk('IEND', []),
  ])
}

/** The start of a baseline JPEG: enough for its size to be read (not a picture). */
export function jpegHeader(width: number, height: number): Uint8Array {
  // prettier-ignore
  return new Uint8Array([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
    0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8,
    width & 255, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
  ])
}

/** The start of a lossless WebP: its RIFF header and the VP8L size fields. */
export function webpHeader(width: number, height: number): Uint8Array {
  const w = width - 1
  const h = height - 1
  const text = (t: string) => [...new TextEncoder().encode(t)]
  // prettier-ignore
  return new Uint8Array([
    ...text('RIFF'), 30, 0, 0, 0, ...text('WEBPVP8L'), 10, 0, 0, 0,
    0x2f, w & 255, ((w >> 8) & 0x3f) | ((h & 3) << 6), (h >> 2) & 255, (h >> 10) & 15,
    0, 0, 0, 0, 0, 0,
  ])
}

/** A real ICO file holding one PNG icon. */
export function icoFile(size: number): Uint8Array {
  const png = pngFile(size, size, [5, 80, 174])
  const le32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255]
  // prettier-ignore
  return new Uint8Array([
    0, 0, 1, 0, 1, 0, size & 255, size & 255, 0, 0, 1, 0, 32, 0, ...le32(png.length), ...le32(22),
    ...png,
  ])
}
