import { env, exports } from 'cloudflare:workers'
import { ADMIN, callJson } from './factories'

export { icoFile, jpegHeader, pngFile, webpHeader } from '../support/image-files'

export const SVG_WITH_SCRIPT = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
)

// prettier-ignore
export const GIF_FILE = new Uint8Array([
  ...new TextEncoder().encode('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, 0x2c, 0,
  0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3b,
])

/** PUT an image as the page's logo or favicon. */
export function putImage(kind: 'logo' | 'favicon', bytes: Uint8Array, type: string) {
  return exports.default.fetch(
    new Request(`http://candor.test/api/v1/page/${kind}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': type },
      body: bytes,
    }),
  )
}

/** The keys in the BRAND bucket, sorted. */
export async function bucketKeys(): Promise<string[]> {
  const listed = await env.BRAND.list()
  return listed.objects.map((o) => o.key).sort()
}

/** A public GET, as a reader's browser sends it. */
export function publicGet(path: string, headers: Record<string, string> = {}) {
  return exports.default.fetch(new Request(`http://candor.test${path}`, { headers }))
}

/** Removes every part of the brand, so each test starts from none. */
export async function clearBrand(): Promise<void> {
  await callJson('PATCH', '/api/v1/page', {
    body: { accent_color: null, support_url: null, footer_links: [] },
  })
  await callJson('DELETE', '/api/v1/page/logo')
  await callJson('DELETE', '/api/v1/page/favicon')
}
