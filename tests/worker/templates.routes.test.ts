import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { TemplateJson } from '../../src/schemas/templates'
import { call, callJson, makeArea, makeComponent } from './factories'

async function templateCount(): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM templates').first<{ n: number }>()
  return row!.n
}

async function auditActions(targetId: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    'SELECT action FROM audit_log WHERE target_type = ? AND target_id = ? ORDER BY id',
  )
    .bind('template', targetId)
    .all<{ action: string }>()
  return results.map((r) => r.action)
}

async function readToken(): Promise<string> {
  const minted = await callJson('POST', '/api/v1/tokens', {
    body: { name: `reader ${crypto.randomUUID()}`, scopes: ['read'] },
  })
  return minted.token as string
}

describe('templates API', () => {
  it('creates, lists, reads, changes and deletes a template, each change in the audit log', async () => {
    const component = await makeComponent()
    const area = await makeArea()
    const name = `Fibre cut ${crypto.randomUUID().slice(0, 6)}`
    const created = TemplateJson.parse(
      await callJson('POST', '/api/v1/templates', {
        body: {
          kind: 'incident',
          name,
          title: 'Broadband down in {{area}}',
          status: 'identified',
          impact: 'major',
          body: 'A cable was cut near {{area}}; fixed by {{eta}}.',
          components: { [component.id]: 'major_outage' },
          area_ids: [area.id],
          workaround: 'Use mobile data.',
        },
      }),
    )
    expect(created).toMatchObject({
      kind: 'incident',
      name,
      title: 'Broadband down in {{area}}',
      status: 'identified',
      impact: 'major',
      components: { [component.id]: 'major_outage' },
      area_ids: [area.id],
      workaround: 'Use mobile data.',
    })

    const list = (await callJson('GET', '/api/v1/templates')) as unknown[]
    expect(list.map((t) => TemplateJson.parse(t).id)).toContain(created.id)
    const one = TemplateJson.parse(await callJson('GET', `/api/v1/templates/${created.id}`))
    expect(one).toEqual(created)

    const changed = TemplateJson.parse(
      await callJson('PATCH', `/api/v1/templates/${created.id}`, {
        body: { status: 'investigating', workaround: null },
      }),
    )
    expect(changed).toMatchObject({ status: 'investigating', workaround: null, impact: 'major' })
    expect(changed.title).toBe('Broadband down in {{area}}')

    const deleted = await call('DELETE', `/api/v1/templates/${created.id}`)
    expect(deleted.status).toBe(204)
    expect((await call('GET', `/api/v1/templates/${created.id}`)).status).toBe(404)
    expect(await auditActions(created.id)).toEqual([
      'template.create',
      'template.update',
      'template.delete',
    ])
  })

  it('refuses unknown placeholders, a missing title, unknown components and duplicates; writes nothing', async () => {
    const before = await templateCount()
    const base = { kind: 'incident', name: `T ${crypto.randomUUID()}`, status: 'investigating' }

    const unknown = await call('POST', '/api/v1/templates', {
      body: { ...base, title: 'Down', body: 'Back by {{when}}.' },
    })
    expect(unknown.status).toBe(400)
    const unknownJson = (await unknown.json()) as any
    expect(unknownJson.error.code).toBe('validation_failed')
    expect(unknownJson.error.details[0]).toMatchObject({ path: 'body' })
    expect(unknownJson.error.message).toContain('{{when}}')

    const untitled = await call('POST', '/api/v1/templates', { body: { ...base, body: 'x' } })
    expect(untitled.status).toBe(400)
    expect(((await untitled.json()) as any).error.details[0].path).toBe('title')

    const ghost = await call('POST', '/api/v1/templates', {
      body: { ...base, title: 'Down', body: 'x', components: { nosuchid: 'major_outage' } },
    })
    expect(ghost.status).toBe(400)
    expect(((await ghost.json()) as any).error.details[0].path).toBe('components.nosuchid')

    const badKind = await call('POST', '/api/v1/templates', {
      body: { ...base, kind: 'maintenance', title: 'Down', body: 'x' },
    })
    expect(badKind.status).toBe(400)

    const extra = await call('POST', '/api/v1/templates', {
      body: { ...base, title: 'Down', body: 'x', colour: 'red' },
    })
    expect(extra.status).toBe(400)
    expect(await templateCount()).toBe(before)

    await callJson('POST', '/api/v1/templates', { body: { ...base, title: 'Down', body: 'x' } })
    const twice = await call('POST', '/api/v1/templates', {
      body: { ...base, name: base.name.toUpperCase(), title: 'Down', body: 'x' },
    })
    expect(twice.status).toBe(409)
    expect(await templateCount()).toBe(before + 1)
  })

  it('lets the read scope list but not change', async () => {
    const token = await readToken()
    expect((await call('GET', '/api/v1/templates', { token })).status).toBe(200)
    const before = await templateCount()
    const res = await call('POST', '/api/v1/templates', {
      token,
      body: { kind: 'update', name: `U ${crypto.randomUUID()}`, status: 'monitoring', body: 'x' },
    })
    expect(res.status).toBe(403)
    expect(await templateCount()).toBe(before)
  })

  it('is in the OpenAPI document with its access', async () => {
    const doc = (await callJson('GET', '/api/v1/openapi.json', { token: null })) as any
    expect(Object.keys(doc.paths['/api/v1/templates'])).toEqual(
      expect.arrayContaining(['get', 'post']),
    )
    const one = doc.paths['/api/v1/templates/{id}']
    expect(Object.keys(one)).toEqual(expect.arrayContaining(['get', 'patch', 'delete']))
    expect(doc.paths['/api/v1/templates'].get['x-candor-access']).toBe('read')
    expect(one.patch['x-candor-access']).toBe('write')
    expect(doc.components.schemas.TemplateInput.properties).toHaveProperty('title')
  })
})
