import { beforeAll, describe, expect, it } from 'vitest'
import { callJson, makeComponent } from './factories'
import { ENCODINGS, expectRefused, pageId, v1Json } from './manage-v1-helpers'

const LIST = '/pages/{page_id}/component-groups'
const ONE = '/pages/{page_id}/component-groups/{id}'
let page: string
const unique = (name: string) => `${name} ${crypto.randomUUID().slice(0, 8)}`

beforeAll(async () => {
  page = await pageId()
})

describe.each(ENCODINGS)('component groups through the Manage API v1 (%s)', (encoding) => {
  it('create with members, get, list, PATCH, PUT and DELETE (members become ungrouped)', async () => {
    const [a, b, c] = [await makeComponent(), await makeComponent(), await makeComponent()]
    const name = unique('Edge')
    const created = await v1Json('POST', `/pages/${page}/component-groups`, LIST, 201, {
      encoding,
      body: { description: 'At the edge', component_group: { name, components: [a.id, b.id] } },
    })
    expect(created).toMatchObject({
      name,
      description: 'At the edge',
      components: [a.id, b.id],
      page_id: page,
    })
    expect(await callJson('GET', `/api/v1/components/${a.id}`)).toMatchObject({
      group_id: created.id,
    })
    const got = await v1Json('GET', `/pages/${page}/component-groups/${created.id}.json`, ONE, 200)
    expect(got).toEqual(created)
    const list = await v1Json<{ id: string }[]>('GET', `/pages/${page}/component-groups`, LIST, 200)
    expect(list.map((g) => g.id)).toContain(created.id)

    const patched = await v1Json(
      'PATCH',
      `/pages/${page}/component-groups/${created.id}`,
      ONE,
      200,
      {
        encoding,
        body: { component_group: { name: `${name} 2`, components: [c.id] } },
      },
    )
    expect(patched).toMatchObject({ name: `${name} 2`, components: [c.id] })
    expect(await callJson('GET', `/api/v1/components/${a.id}`)).toMatchObject({ group_id: null })

    // A single id sent without [] in a form is still a list.
    const put = await v1Json('PUT', `/pages/${page}/component-groups/${created.id}`, ONE, 200, {
      encoding,
      body: { component_group: { components: encoding === 'form' ? b.id : [b.id] } },
    })
    expect(put).toMatchObject({ name: `${name} 2`, components: [b.id] })

    const deleted = await v1Json(
      'DELETE',
      `/pages/${page}/component-groups/${created.id}`,
      ONE,
      200,
    )
    expect(deleted.id).toBe(created.id)
    expect(await callJson('GET', `/api/v1/components/${b.id}`)).toMatchObject({ group_id: null })
    await callJson('GET', `/api/v1/component-groups/${created.id}`, { expect: 404 })
    const audit = await callJson<{ action: string; target_id: string }[]>(
      'GET',
      '/api/v1/audit?limit=20',
    )
    const actions = audit.filter((e) => e.target_id === created.id).map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'component_group.create',
        'component_group.update',
        'component_group.delete',
      ]),
    )
  })

  it('refuse bad bodies with 422, nothing written', async () => {
    const member = await makeComponent()
    await expectRefused(422, 'POST', `/pages/${page}/component-groups`, {
      encoding,
      body: { component_group: { components: [member.id] } },
    })
    await expectRefused(422, 'POST', `/pages/${page}/component-groups`, {
      encoding,
      body: { component_group: { name: unique('G'), components: ['nosuchid0001'] } },
    })
    expect(await callJson('GET', `/api/v1/components/${member.id}`)).toMatchObject({
      group_id: null,
    })
    await expectRefused(404, 'PATCH', `/pages/${page}/component-groups/${member.id}`, {
      encoding,
      body: { component_group: { name: 'Not a group' } },
    })
  })
})

describe('/api/v1/component-groups', () => {
  it('creates, renames, sets members and deletes, in the OpenAPI document', async () => {
    const [a, b] = [await makeComponent(), await makeComponent()]
    const group = await callJson('POST', '/api/v1/component-groups', {
      body: { name: unique('Core'), description: 'Core', component_ids: [a.id] },
    })
    expect(group.components).toEqual([a.id])
    const moved = await callJson('PATCH', `/api/v1/component-groups/${group.id}`, {
      body: { name: unique('Core 2'), component_ids: [a.id, b.id] },
    })
    expect(moved.components).toEqual([a.id, b.id])
    const list = await callJson<{ id: string }[]>('GET', '/api/v1/component-groups')
    expect(list.map((g) => g.id)).toContain(group.id)
    const conflict = await callJson('POST', '/api/v1/component-groups', {
      body: { name: moved.name, component_ids: [] },
      expect: 409,
    })
    expect(conflict.error.code).toBe('conflict')
    await callJson('DELETE', `/api/v1/component-groups/${group.id}`, { expect: 204 }).catch(
      () => {},
    )
    expect(await callJson('GET', `/api/v1/components/${a.id}`)).toMatchObject({ group_id: null })
    const doc = await callJson('GET', '/api/v1/openapi.json', { token: null })
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/component-groups', '/api/v1/component-groups/{id}']),
    )
  })
})
