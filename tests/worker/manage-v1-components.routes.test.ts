import { beforeAll, describe, expect, it } from 'vitest'
import { callJson, makeComponent } from './factories'
import { ENCODINGS, expectRefused, pageId, v1, v1Json } from './manage-v1-helpers'

const LIST = '/pages/{page_id}/components'
const ONE = '/pages/{page_id}/components/{component_id}'
let page: string
const unique = (name: string) => `${name} ${crypto.randomUUID().slice(0, 8)}`

beforeAll(async () => {
  page = await pageId()
})

describe.each(ENCODINGS)('components through the Manage API v1 (%s)', (encoding) => {
  it('create, get, list, PATCH, PUT and DELETE, landing in /api/v1', async () => {
    const group = await callJson('POST', '/api/v1/component-groups', {
      body: { name: unique('Group'), component_ids: [] },
    })
    const name = unique('API')
    const created = await v1Json('POST', `/pages/${page}/components`, LIST, 201, {
      encoding,
      body: {
        component: {
          name,
          description: 'The public API',
          status: 'degraded_performance',
          showcase: 'false',
          group_id: group.id,
          automation_email: 'ignored@example.test',
        },
      },
    })
    expect(created).toMatchObject({
      name,
      description: 'The public API',
      status: 'degraded_performance',
      showcase: false,
      group_id: group.id,
      page_id: page,
      group: false,
    })
    const native = await callJson('GET', `/api/v1/components/${created.id}`)
    expect(native).toMatchObject({ name, status: 'degraded_performance', group_id: group.id })

    const fetched = await v1Json('GET', `/pages/${page}/components/${created.id}.json`, ONE, 200)
    expect(fetched).toEqual(native)
    const list = await v1Json<{ id: string }[]>('GET', `/pages/${page}/components`, LIST, 200)
    expect(list.map((c) => c.id)).toContain(created.id)

    const patched = await v1Json('PATCH', `/pages/${page}/components/${created.id}`, ONE, 200, {
      encoding,
      body: { component: { status: 'major_outage', name: `${name} v2` } },
    })
    expect(patched).toMatchObject({
      status: 'major_outage',
      name: `${name} v2`,
      group_id: group.id,
    })
    const put = await v1Json('PUT', `/pages/${page}/components/${created.id}`, ONE, 200, {
      encoding,
      body: { component: { status: 'operational', group_id: '', description: '' } },
    })
    expect(put).toMatchObject({ status: 'operational', group_id: null, description: null })
    const events = await callJson<{ event_type: string }[]>('GET', '/api/v1/events?limit=50')
    expect(JSON.stringify(events)).toContain(created.id)

    const gone = await v1('DELETE', `/pages/${page}/components/${created.id}`)
    expect(gone.status).toBe(204)
    const after = await callJson('GET', `/api/v1/components/${created.id}`, { expect: 404 })
    expect(after.error.code).toBe('not_found')
  })

  it('refuse bad bodies with 422, nothing written', async () => {
    await expectRefused(422, 'POST', `/pages/${page}/components`, {
      encoding,
      body: { component: { description: 'no name' } },
    })
    await expectRefused(422, 'POST', `/pages/${page}/components`, {
      encoding,
      body: { component: { name: unique('Bad'), status: 'on_fire' } },
    })
    await expectRefused(422, 'POST', `/pages/${page}/components`, {
      encoding,
      body: { component: { name: unique('Bad'), group_id: 'nosuchgroup1' } },
    })
    const existing = await makeComponent({ status: 'operational' })
    await expectRefused(422, 'POST', `/pages/${page}/components`, {
      encoding,
      body: { component: { name: existing.name } },
    })
    await expectRefused(422, 'PATCH', `/pages/${page}/components/${existing.id}`, {
      encoding,
      body: { component: { status: 'melted', name: 'Changed' } },
    })
    expect(await callJson('GET', `/api/v1/components/${existing.id}`)).toMatchObject({
      name: existing.name,
      status: 'operational',
    })
    await expectRefused(404, 'PATCH', `/pages/${page}/components/nosuchid0001`, {
      encoding,
      body: { component: { status: 'major_outage' } },
    })
    await expectRefused(404, 'DELETE', `/pages/${page}/components/nosuchid0001`)
    await expectRefused(404, 'GET', `/pages/${page}/components/nosuchid0001`)
  })
})
