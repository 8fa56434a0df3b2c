import { exports } from 'cloudflare:workers'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { bucketKeys, clearBrand, pngFile, publicGet, SVG_WITH_SCRIPT } from './brand-helpers'
import {
  browser,
  ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import { callJson, makeComponent, tableCounts } from './factories'

let owner: Member
let editor: Member

/** The brand form as a browser posts it: multipart, with the files chosen. */
function postBrand(
  member: Member,
  fields: Record<string, string>,
  files: Record<string, File> = {},
) {
  const form = new FormData()
  form.set('csrf', member.csrf)
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  for (const [name, file] of Object.entries(files)) form.set(name, file)
  return exports.default.fetch(
    new Request(`${ORIGIN}/console/settings/brand`, {
      method: 'POST',
      headers: { cookie: member.cookie, origin: ORIGIN },
      body: form,
      redirect: 'manual',
    }),
  )
}

beforeAll(async () => {
  owner = await withCsrf(await signedInMember('owner'))
  editor = await withCsrf(await signedInMember('editor'))
})

beforeEach(clearBrand)

describe('the brand form on /console/settings', () => {
  it('is for owners only', async () => {
    const res = await postBrand(editor, { accent_color: '#0550ae' })
    expect(res.status).toBe(403)
    expect((await callJson('GET', '/api/v1/page')).accent_color).toBeNull()
  })

  it('uploads a logo and sets the accent and links, as the API does', async () => {
    const png = pngFile(120, 30, [180, 20, 40])
    const res = await postBrand(
      owner,
      {
        accent_color: '#B42318',
        support_url: 'https://acme.example/support',
        'footer_links.0.label': 'Terms',
        'footer_links.0.url': 'https://acme.example/terms',
        'footer_links.2.label': 'Privacy',
        'footer_links.2.url': 'https://acme.example/privacy',
      },
      { logo: new File([png], 'logo.png', { type: 'image/png' }) },
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/console/settings?done=brand#brand')
    const settings = await callJson('GET', '/api/v1/page')
    expect(settings).toMatchObject({
      accent_color: '#b42318',
      support_url: 'https://acme.example/support',
      footer_links: [
        { label: 'Terms', url: 'https://acme.example/terms' },
        { label: 'Privacy', url: 'https://acme.example/privacy' },
      ],
      logo_width: 120,
      logo_height: 30,
    })
    const served = await publicGet(new URL(settings.logo_url).pathname)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png)

    // The settings page shows what is in force, the logo beside its field.
    const page = await (
      await browser('GET', '/console/settings?done=brand', { cookie: owner.cookie })
    ).text()
    expect(page).toContain('Brand saved.')
    expect(page).toContain('name="accent_color" type="text" value="#b42318"')
    expect(page).toContain(
      'name="footer_links.1.url" type="url" value="https://acme.example/privacy"',
    )
    expect(page).toContain(`<img src="${new URL(settings.logo_url).pathname}" alt="Current logo"`)

    // Ticking "Remove the logo" removes it and its file.
    const removed = await postBrand(owner, { accent_color: '#b42318', remove_logo: 'on' })
    expect(removed.status).toBe(303)
    expect((await callJson('GET', '/api/v1/page')).logo_url).toBeNull()
    expect(await bucketKeys()).toEqual([])
  })

  it('refuses a low-contrast accent beside its field, keeping what was typed; nothing changes', async () => {
    const before = await tableCounts()
    const keys = await bucketKeys()
    const res = await postBrand(
      owner,
      { accent_color: '#FFCC00', support_url: 'https://acme.example/help' },
      { logo: new File([pngFile(8, 8, [0, 0, 0])], 'logo.png', { type: 'image/png' }) },
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain(
      'id="brand-accent_color-error">#ffcc00 has contrast 1.5:1 against the background #ffffff; at least 4.5:1 is needed.',
    )
    expect(html).toContain('name="accent_color" type="text" value="#FFCC00"')
    expect(html).toContain('value="https://acme.example/help"')
    expect(await tableCounts()).toEqual(before)
    expect(await bucketKeys()).toEqual(keys)
    expect((await callJson('GET', '/api/v1/page')).support_url).toBeNull()
  })

  it('refuses an SVG logo and a javascript: footer link on their own fields', async () => {
    const keys = await bucketKeys()
    const res = await postBrand(
      owner,
      {
        accent_color: '#0550ae',
        'footer_links.0.label': 'Fine',
        'footer_links.0.url': 'https://acme.example/',
        'footer_links.3.label': 'Sneaky',
        'footer_links.3.url': 'javascript:alert(1)',
      },
      { logo: new File([SVG_WITH_SCRIPT], 'logo.svg', { type: 'image/svg+xml' }) },
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain(
      'id="brand-footer_links.3.url-error">Give a link that starts with https:// or http://.',
    )
    expect(html).toContain('value="javascript:alert(1)"')
    expect(await bucketKeys()).toEqual(keys)

    const svg = await postBrand(
      owner,
      { accent_color: '#0550ae' },
      { logo: new File([SVG_WITH_SCRIPT], 'logo.svg', { type: 'image/svg+xml' }) },
    )
    expect(svg.status).toBe(400)
    expect(await svg.text()).toContain(
      'id="brand-logo-error">SVG is not accepted: an SVG file can carry scripts.',
    )
    expect(await bucketKeys()).toEqual(keys)
    expect((await callJson('GET', '/api/v1/page')).accent_color).toBeNull()
  })
})

describe("a component's help link", () => {
  it('is set on the component form and shown on the status page while it is not operational', async () => {
    const component = await makeComponent({ name: 'Broadband' })
    const edit = await browser('POST', `/console/components/${component.id}`, {
      cookie: editor.cookie,
      headers: { origin: ORIGIN },
      form: {
        csrf: editor.csrf,
        name: 'Broadband',
        status: 'major_outage',
        help_url: 'https://acme.example/help/broadband',
      },
    })
    expect(edit.status).toBe(303)
    expect((await callJson('GET', `/api/v1/components/${component.id}`)).help_url).toBe(
      'https://acme.example/help/broadband',
    )
    const down = await (await publicGet('/')).text()
    expect(down).toContain(
      '<a href="https://acme.example/help/broadband">What to do if Broadband is down</a>',
    )
    const german = await (await publicGet('/?lang=de')).text()
    expect(german).toContain('>Was tun, wenn Broadband ausfällt</a>')

    await callJson('PATCH', `/api/v1/components/${component.id}`, {
      body: { status: 'operational' },
    })
    const fine = await (await publicGet('/')).text()
    expect(fine).not.toContain('What to do if Broadband')
    expect(fine).toContain(
      '<a href="https://acme.example/help/broadband">Help<span class="visually-hidden"> for Broadband</span></a>',
    )
    // A javascript: help link is refused on the form.
    const bad = await browser('POST', `/console/components/${component.id}`, {
      cookie: editor.cookie,
      headers: { origin: ORIGIN },
      form: { csrf: editor.csrf, name: 'Broadband', help_url: 'javascript:alert(1)' },
    })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('value="javascript:alert(1)"')
  })
})
