import { beforeEach, describe, expect, it } from 'vitest'
import { PageSettingsSchema } from '../../src/schemas/statuspage'
import {
  bucketKeys,
  clearBrand,
  GIF_FILE,
  icoFile,
  jpegHeader,
  pngFile,
  publicGet,
  putImage,
  SVG_WITH_SCRIPT,
  webpHeader,
} from './brand-helpers'
import { call, callJson } from './factories'

const IMMUTABLE = 'public, max-age=31536000, immutable'

async function page() {
  return PageSettingsSchema.parse(await callJson('GET', '/api/v1/page'))
}

async function statusPage(): Promise<string> {
  const res = await publicGet('/')
  expect(res.status).toBe(200)
  return res.text()
}

/** The path part of an absolute URL the API gave. */
const pathOf = (url: string | null) => new URL(url!).pathname

beforeEach(async () => {
  await clearBrand()
  await callJson('PATCH', '/api/v1/page', { body: { name: 'Acme Broadband' } })
})

describe('accent colour', () => {
  it('is refused below 4.5:1 against the background, with the reason, and nothing changes', async () => {
    await callJson('PATCH', '/api/v1/page', { body: { accent_color: '#0550AE' } })
    const res = await call('PATCH', '/api/v1/page', { body: { accent_color: '#ffcc00' } })
    expect(res.status).toBe(400)
    const message =
      '#ffcc00 has contrast 1.5:1 against the background #ffffff; at least 4.5:1 is needed.'
    expect(await res.json()).toEqual({
      error: {
        code: 'validation_failed',
        message,
        details: [{ path: 'accent_color', message }],
      },
    })
    expect((await page()).accent_color).toBe('#0550ae')
    // Just under the threshold is refused too; a malformed colour names the field.
    const grey = await call('PATCH', '/api/v1/page', { body: { accent_color: '#777777' } })
    expect(((await grey.json()) as any).error.message).toContain('4.4:1')
    const bad = await call('PATCH', '/api/v1/page', { body: { accent_color: 'blue' } })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as any).error.details[0].path).toBe('accent_color')
  })

  it('is served as a content-addressed stylesheet that public pages link', async () => {
    const saved = await callJson('PATCH', '/api/v1/page', { body: { accent_color: '#0550AE' } })
    expect(saved.accent_color).toBe('#0550ae')
    const html = await statusPage()
    expect(html).toContain('<link rel="stylesheet" href="/brand/accent-0550ae.v1.css"/>')
    const css = await publicGet('/brand/accent-0550ae.v1.css')
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
    expect(css.headers.get('cache-control')).toBe(IMMUTABLE)
    expect(await css.text()).toContain('--link:#0550ae')
    // The widget's embed page links it too, and its policy allows it.
    const embed = await publicGet('/embed')
    expect(await embed.text()).toContain('href="/brand/accent-0550ae.v1.css"')
    expect(embed.headers.get('content-security-policy')).toMatch(/style-src [^;]*'self'/)

    await callJson('PATCH', '/api/v1/page', { body: { accent_color: null } })
    expect(await statusPage()).not.toContain('/brand/accent-')
    expect((await publicGet('/brand/accent-05ae.v1.css')).status).toBe(404)
  })
})

describe('logo', () => {
  it('is uploaded, stored in R2 and served with long cache headers, bytes equal', async () => {
    const before = await bucketKeys()
    const png = pngFile(240, 60, [5, 80, 174])
    const res = await putImage('logo', png, 'image/png')
    expect(res.status).toBe(200)
    const settings = PageSettingsSchema.parse(await res.json())
    expect(settings.logo_url).toMatch(/^http:\/\/candor\.test\/brand\/logo-[0-9a-f]{16}\.png$/)
    expect([settings.logo_width, settings.logo_height]).toEqual([240, 60])
    const key = pathOf(settings.logo_url).slice('/brand/'.length)
    expect(await bucketKeys()).toEqual([...before, key].sort())

    const served = await publicGet(pathOf(settings.logo_url))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('cache-control')).toBe(IMMUTABLE)
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png)
    const etag = served.headers.get('etag')!
    expect((await publicGet(pathOf(settings.logo_url), { 'if-none-match': etag })).status).toBe(304)

    // In the header, in place of the name, at most 200 × 40, the name as its alt text.
    const html = await statusPage()
    expect(html).toContain(
      `<a class="brand" href="/"><img src="/brand/${key}" alt="Acme Broadband" width="160" height="40"/></a>`,
    )
  })

  it('takes JPEG and WebP, read from their bytes', async () => {
    const jpeg = await putImage('logo', jpegHeader(300, 100), 'image/jpeg')
    expect(jpeg.status).toBe(200)
    const j = (await jpeg.json()) as any
    expect(j.logo_url).toMatch(/\.jpg$/)
    expect([j.logo_width, j.logo_height]).toEqual([300, 100])
    const webp = await putImage('logo', webpHeader(64, 32), 'image/webp')
    const w = (await webp.json()) as any
    expect(w.logo_url).toMatch(/\.webp$/)
    expect([w.logo_width, w.logo_height]).toEqual([64, 32])
    const served = await publicGet(pathOf(w.logo_url))
    expect(served.headers.get('content-type')).toBe('image/webp')
    // The JPEG it replaced is gone.
    expect(await bucketKeys()).toEqual([pathOf(w.logo_url).slice(7)])
  })

  it('a replaced logo is deleted from the bucket and no longer served', async () => {
    const first = (await (
      await putImage('logo', pngFile(10, 10, [0, 0, 0]), 'image/png')
    ).json()) as any
    const second = (await (
      await putImage('logo', pngFile(12, 10, [0, 0, 0]), 'image/png')
    ).json()) as any
    expect(second.logo_url).not.toBe(first.logo_url)
    expect(await bucketKeys()).toEqual([pathOf(second.logo_url).slice(7)])
    expect((await publicGet(pathOf(first.logo_url))).status).toBe(404)
    expect((await publicGet(pathOf(second.logo_url))).status).toBe(200)
    // The same file again keeps its key and its object.
    await putImage('logo', pngFile(12, 10, [0, 0, 0]), 'image/png')
    expect(await bucketKeys()).toEqual([pathOf(second.logo_url).slice(7)])
  })

  it('refuses a wrong type, an SVG, a lying Content-Type, an empty or too big file: nothing stored', async () => {
    const kept = (await (
      await putImage('logo', pngFile(20, 20, [9, 9, 9]), 'image/png')
    ).json()) as any
    const keys = await bucketKeys()
    const cases: [Uint8Array, string, number, RegExp][] = [
      [GIF_FILE, 'image/gif', 415, /must be PNG, JPEG or WebP; this file is not an image/],
      [SVG_WITH_SCRIPT, 'image/svg+xml', 415, /SVG is not accepted: an SVG file can carry scripts/],
      [
        pngFile(4, 4, [1, 2, 3]),
        'image/jpeg',
        415,
        /is a PNG image, but its type says image\/jpeg/,
      ],
      [new Uint8Array(0), 'image/png', 400, /empty/],
      [new Uint8Array(600 * 1024).fill(7), 'image/png', 413, /larger than 512 KB/],
      [icoFile(16), 'image/x-icon', 415, /this file is a ICO image/],
    ]
    for (const [bytes, type, status, message] of cases) {
      const res = await putImage('logo', bytes, type)
      const body = (await res.json()) as any
      expect([type, res.status]).toEqual([type, status])
      expect(body.error.message).toMatch(message)
    }
    expect(await bucketKeys()).toEqual(keys)
    expect((await page()).logo_url).toBe(kept.logo_url)
  })

  it('is removed with DELETE: its file goes and the page shows the name again', async () => {
    await putImage('logo', pngFile(20, 20, [9, 9, 9]), 'image/png')
    const removed = await callJson('DELETE', '/api/v1/page/logo')
    expect(removed.logo_url).toBeNull()
    expect(await bucketKeys()).toEqual([])
    expect(await statusPage()).toContain('<a class="brand" href="/">Acme Broadband</a>')
    // Removing nothing is fine.
    expect((await call('DELETE', '/api/v1/page/logo')).status).toBe(200)
  })

  it('needs a write token', async () => {
    const res = await call('PUT', '/api/v1/page/logo', { token: null, body: 'x' })
    expect(res.status).toBe(401)
    expect((await publicGet('/brand/logo-0000000000000000.png')).status).toBe(404)
  })
})

describe('favicon', () => {
  it('takes PNG or ICO and is linked from public pages', async () => {
    const html = await statusPage()
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>')
    const ico = icoFile(32)
    const res = await putImage('favicon', ico, 'image/vnd.microsoft.icon')
    expect(res.status).toBe(200)
    const settings = (await res.json()) as any
    expect(settings.favicon_url).toMatch(/\/brand\/favicon-[0-9a-f]{16}\.ico$/)
    const path = pathOf(settings.favicon_url)
    expect(await statusPage()).toContain(`<link rel="icon" href="${path}" type="image/x-icon"/>`)
    const served = await publicGet(path)
    expect(served.headers.get('content-type')).toBe('image/x-icon')
    expect(served.headers.get('cache-control')).toBe(IMMUTABLE)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(ico)

    const jpeg = await putImage('favicon', jpegHeader(16, 16), 'image/jpeg')
    expect(jpeg.status).toBe(415)
    expect(((await jpeg.json()) as any).error.message).toBe(
      'The favicon must be PNG or ICO; this file is a JPEG image.',
    )
    const png = await putImage('favicon', pngFile(32, 32, [5, 80, 174]), 'image/png')
    const next = (await png.json()) as any
    expect(await bucketKeys()).toEqual([pathOf(next.favicon_url).slice(7)])
    expect(await statusPage()).toContain(`href="${pathOf(next.favicon_url)}" type="image/png"`)
  })
})

describe('support and footer links', () => {
  it('refuses anything but http(s) (and mailto: for support), naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ support_url: 'javascript:alert(1)' }, 'support_url'],
      [{ support_url: 'data:text/html,hi' }, 'support_url'],
      [{ footer_links: [{ label: 'Terms', url: 'javascript:alert(1)' }] }, 'footer_links.0.url'],
      [{ footer_links: [{ label: '', url: 'https://example.com' }] }, 'footer_links.0.label'],
      [
        {
          footer_links: Array.from({ length: 6 }, (_, i) => ({
            label: `L${i}`,
            url: 'https://example.com',
          })),
        },
        'footer_links',
      ],
    ]
    for (const [body, path] of cases) {
      const res = await call('PATCH', '/api/v1/page', { body })
      expect([path, res.status]).toEqual([path, 400])
      expect(((await res.json()) as any).error.details[0].path).toBe(path)
    }
    const settings = await page()
    expect([settings.support_url, settings.footer_links]).toEqual([null, []])
  })

  it('are shown in the header and footer of public pages', async () => {
    await callJson('PATCH', '/api/v1/page', {
      body: {
        support_url: 'mailto:help@acme.example',
        footer_links: [
          { label: 'Terms', url: 'https://acme.example/terms' },
          { label: 'Privacy & cookies', url: 'https://acme.example/privacy' },
        ],
      },
    })
    const html = await statusPage()
    const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'))
    expect(header).toContain('<li><a href="mailto:help@acme.example">Contact support</a></li>')
    const footer = html.slice(html.indexOf('<footer'), html.indexOf('</footer>'))
    expect(footer).toContain('<a href="https://acme.example/terms">Terms</a>')
    expect(footer).toContain('<a href="https://acme.example/privacy">Privacy &amp; cookies</a>')
    expect(footer).toContain('<a href="mailto:help@acme.example">Contact support</a>')
    // The history page has the same frame; German readers read German.
    const history = await (await publicGet('/history?lang=de')).text()
    expect(history).toContain('>Support kontaktieren</a>')
    // So have the subscription pages and the public error pages.
    for (const path of ['/subscribe', '/incidents/nosuchincident']) {
      const other = await (await publicGet(path)).text()
      expect(other, path).toContain('<a href="mailto:help@acme.example">Contact support</a>')
      expect(other, path).toContain('<a href="https://acme.example/terms">Terms</a>')
    }
  })
})
