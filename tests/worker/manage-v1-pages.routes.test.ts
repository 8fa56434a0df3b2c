import { beforeAll, describe, expect, it } from 'vitest'
import { callJson } from './factories'
import { ENCODINGS, expectRefused, pageId, v1Json } from './manage-v1-helpers'

let page: string
beforeAll(async () => {
  page = await pageId()
})

describe('GET /v1/pages', () => {
  it('lists the one page, in the Page shape', async () => {
    const pages = await v1Json('GET', '/pages', '/pages', 200)
    expect(pages).toHaveLength(1)
    expect(pages[0].id).toBe(page)
  })
})

describe.each(ENCODINGS)('PATCH and PUT /v1/pages/{page_id} (%s)', (encoding) => {
  it('change the name and time zone through the same verb as /api/v1/page, keeping unused fields', async () => {
    for (const method of ['PATCH', 'PUT']) {
      const name = `Acme ${method} ${encoding}`
      const body = await v1Json(method, `/pages/${page}`, '/pages/{page_id}', 200, {
        encoding,
        body: { page: { name, time_zone: 'Europe/Berlin', domain: 'status.acme.test' } },
      })
      expect(body).toMatchObject({ id: page, name, time_zone: 'Europe/Berlin' })
      expect(body.domain).toBe('status.acme.test')
      const settings = await callJson('GET', '/api/v1/page')
      expect(settings).toMatchObject({ name, time_zone: 'Europe/Berlin' })
      const fetched = await v1Json('GET', `/pages/${page}.json`, '/pages/{page_id}', 200)
      expect(fetched.name).toBe(name)
      // Kept, not only echoed: a later read gives it back.
      expect(fetched.domain).toBe('status.acme.test')
    }
    // A key sent replaces that key; the others stay. Candor's own facts are not overridden.
    const changed = await v1Json('PATCH', `/pages/${page}`, '/pages/{page_id}', 200, {
      encoding,
      body: { page: { subdomain: 'acme', allow_sms_subscribers: 'true' } },
    })
    expect(changed).toMatchObject({
      domain: 'status.acme.test',
      subdomain: 'acme',
      allow_sms_subscribers: false,
      allow_incident_subscribers: true,
    })
    expect(await v1Json('GET', '/pages', '/pages', 200)).toMatchObject([{ subdomain: 'acme' }])
  })

  it('refuse more than 8 KB of unused settings with 422, nothing written', async () => {
    const before = await v1Json('GET', `/pages/${page}`, '/pages/{page_id}', 200)
    await expectRefused(422, 'PATCH', `/pages/${page}`, {
      encoding,
      body: { page: { name: 'Never', css_body_background_color: 'x'.repeat(9000) } },
    })
    expect(await v1Json('GET', `/pages/${page}`, '/pages/{page_id}', 200)).toEqual(before)
  })

  it('refuse an unknown time zone with 422, nothing written', async () => {
    const before = await callJson('GET', '/api/v1/page')
    await expectRefused(422, 'PATCH', `/pages/${page}`, {
      encoding,
      body: { page: { name: 'Never', time_zone: 'Mars/Olympus' } },
    })
    expect(await callJson('GET', '/api/v1/page')).toEqual(before)
  })
})
