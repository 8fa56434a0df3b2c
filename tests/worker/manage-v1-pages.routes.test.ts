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
  it('change the name and time zone through the same verb as /api/v1/page, echoing unused fields', async () => {
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
    }
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
