import { beforeAll, describe, expect, it } from 'vitest'
import type { FormObject } from '../../src/routes/manage-v1/bracket-form'
import { callJson, inMinutes, makeComponent, makeToken, publicJson, rows } from './factories'
import { INCIDENT_ENCODINGS, sent, v1Send } from './manage-v1-incident-calls'
import { expectRefused, pageId, v1, v1Json } from './manage-v1-helpers'

const LIST = '/pages/{page_id}/incidents'
const ONE = '/pages/{page_id}/incidents/{incident_id}'
const UPDATE = '/pages/{page_id}/incidents/{incident_id}/incident_updates/{incident_update_id}'
let page: string
let key: string
let tokenId: string
const unique = (name: string) => `${name} ${crypto.randomUUID().slice(0, 8)}`

beforeAll(async () => {
  page = await pageId()
  const token = await makeToken(['read', 'write'])
  key = token.token
  tokenId = token.id
})

describe.each(INCIDENT_ENCODINGS)('incidents through the Manage API v1 (%s)', (encoding) => {
  it('create lands in Candor with its audit entry, outbox row and public page', async () => {
    const api = await makeComponent({ status: 'operational' })
    const db = await makeComponent({ status: 'operational' })
    const name = unique('Checkout errors')
    const eta = inMinutes(90)
    const created = await v1Send(
      'POST',
      `/pages/${page}/incidents`,
      LIST,
      201,
      encoding,
      {
        incident: {
          name,
          status: 'investigating',
          body: 'Payments fail for some cards.',
          components: { [api.id]: 'partial_outage' },
          component_ids: [db.id],
          metadata: { jira: { issue_id: 'OPS-1' } },
          wants_twitter_update: 'false',
          reminder_intervals: '[1, 5]',
          deliver_notifications: 'true',
          eta,
          next_update_at: inMinutes(30),
          progress: '10',
        },
      },
      { key },
    )
    expect(created).toMatchObject({
      name,
      status: 'investigating',
      impact: 'major',
      metadata: { jira: { issue_id: 'OPS-1' } },
      wants_twitter_update: false,
      reminder_intervals: '[1, 5]',
      page_id: page,
      eta: new Date(eta).toISOString(),
      progress: 10,
      scheduled_for: null,
    })
    expect(created.incident_updates).toHaveLength(1)
    expect(created.incident_updates[0]).toMatchObject({
      body: 'Payments fail for some cards.',
      deliver_notifications: true,
      wants_twitter_update: false,
    })
    const statuses = Object.fromEntries(
      created.components.map((c: { id: string; status: string }) => [c.id, c.status]),
    )
    expect(statuses).toEqual({ [api.id]: 'partial_outage', [db.id]: 'operational' })

    const native = await callJson('GET', `/api/v1/incidents/${created.id}`)
    expect(native).toMatchObject({ name, impact: 'major', progress: 10 })
    expect(native.eta_history).toHaveLength(1)
    const audit = await rows<{ actor: string; action: string }>(
      'SELECT actor, action FROM audit_log WHERE target_id = ?',
      created.id,
    )
    expect(audit).toEqual([{ actor: `token:${tokenId}`, action: 'incident.create' }])
    const outbox = await rows<{ event_type: string; update_id: string }>(
      'SELECT event_type, update_id FROM outbox WHERE incident_id = ?',
      created.id,
    )
    expect(outbox).toEqual([
      { event_type: 'incident.created', update_id: created.incident_updates[0].id },
    ])
    const v2 = await publicJson<{ incidents: { id: string }[] }>('/api/v2/incidents.json')
    expect(v2.incidents.map((i) => i.id)).toContain(created.id)

    const fetched = await v1Json('GET', `/pages/${page}/incidents/${created.id}.json`, ONE, 200)
    expect(fetched).toMatchObject({ id: created.id, name, status: 'investigating' })
  })

  it('PATCH and PUT post updates; an update is corrected; DELETE removes it all', async () => {
    const component = await makeComponent({ status: 'operational' })
    const created = await v1Send('POST', `/pages/${page}/incidents`, LIST, 201, encoding, {
      incident: {
        name: unique('Slow search'),
        body: 'Looking.',
        component_ids: [component.id],
        impact_override: 'minor',
        eta: inMinutes(60),
      },
    })
    expect(created).toMatchObject({ impact: 'minor', impact_override: 'minor' })
    const path = `/pages/${page}/incidents/${created.id}`

    const patched = await v1Send('PATCH', path, ONE, 200, encoding, {
      incident: {
        status: 'identified',
        body: 'An index was dropped.',
        components: { [component.id]: 'degraded_performance' },
      },
    })
    expect(patched.status).toBe('identified')
    expect(patched.incident_updates.map((u: { body: string }) => u.body)).toEqual([
      'An index was dropped.',
      'Looking.',
    ])
    expect(patched.components[0].status).toBe('degraded_performance')
    const renamed = await v1Send('PUT', path, ONE, 200, encoding, {
      incident: { name: 'Slow search results' },
    })
    expect(renamed.name).toBe('Slow search results')
    expect(renamed.incident_updates[0].deliver_notifications).toBe(false)
    const unchanged = await v1Send('PATCH', path, ONE, 200, encoding, {
      incident: { metadata: { pager: { id: '7' } } },
    })
    expect(unchanged.incident_updates).toHaveLength(3)
    expect(unchanged.metadata).toEqual({ pager: { id: '7' } })
    const resolved = await v1Send('PUT', path, ONE, 200, encoding, {
      incident: {
        status: 'resolved',
        body: 'Fixed.',
        components: { [component.id]: 'operational' },
      },
    })
    expect(resolved).toMatchObject({ status: 'resolved' })
    expect(resolved.resolved_at).not.toBeNull()
    const outbox = await rows('SELECT event_type FROM outbox WHERE incident_id = ?', created.id)
    expect(outbox.map((r) => r.event_type)).toEqual([
      'incident.created',
      'incident.updated',
      'incident.resolved',
    ])

    const first = created.incident_updates[0]
    const etaBefore = await rows(
      'SELECT eta, set_at FROM eta_changes WHERE incident_id = ?',
      created.id,
    )
    const displayAt = new Date(Date.now() - 3_600_000).toISOString()
    const edited = await v1Send(
      'PATCH',
      `${path}/incident_updates/${first.id}`,
      UPDATE,
      200,
      encoding,
      {
        incident_update: {
          body: 'Looking into slow search.',
          display_at: displayAt,
          wants_twitter_update: 'true',
        },
      },
    )
    expect(edited).toMatchObject({
      id: first.id,
      body: 'Looking into slow search.',
      display_at: displayAt,
      wants_twitter_update: true,
    })
    const put = await v1Send('PUT', `${path}/incident_updates/${first.id}`, UPDATE, 200, encoding, {
      incident_update: {
        body: 'Looking into slow search results.',
        deliver_notifications: 'false',
      },
    })
    expect(put).toMatchObject({ body: 'Looking into slow search results.', display_at: displayAt })
    expect(
      await rows('SELECT eta, set_at FROM eta_changes WHERE incident_id = ?', created.id),
    ).toEqual(etaBefore)
    const native = await callJson('GET', `/api/v1/incidents/${created.id}`)
    expect(native.incident_updates.at(-1).body).toBe('Looking into slow search results.')
    const edits = await rows(
      'SELECT action FROM audit_log WHERE target_id = ? ORDER BY id',
      created.id,
    )
    expect(edits.map((r) => r.action).filter((a) => a === 'incident.update_edit')).toHaveLength(2)

    const gone = await v1Json('DELETE', path, ONE, 200)
    expect(gone).toMatchObject({ id: created.id, status: 'resolved' })
    await callJson('GET', `/api/v1/incidents/${created.id}`, { expect: 404 })
    for (const table of ['incident_updates', 'eta_changes', 'incident_components']) {
      expect(await rows(`SELECT * FROM ${table} WHERE incident_id = ?`, created.id)).toEqual([])
    }
    const deletion = await rows<{ action: string }>(
      "SELECT action FROM audit_log WHERE target_id = ? AND action = 'incident.delete'",
      created.id,
    )
    expect(deletion).toHaveLength(1)
    await expectRefused(404, 'GET', path)
  })

  it('lists with q, limit and page, and the unresolved list', async () => {
    const word = `zebra${crypto.randomUUID().slice(0, 6)}`
    const ids: string[] = []
    for (const n of [1, 2, 3]) {
      const made = await v1Send('POST', `/pages/${page}/incidents`, LIST, 201, encoding, {
        incident: { name: `${word} ${n}`, body: 'Hm.', deliver_notifications: 'false' },
      })
      ids.push(made.id)
    }
    const all = await v1Json<{ id: string }[]>(
      'GET',
      `/pages/${page}/incidents?q=${word}`,
      LIST,
      200,
    )
    expect(all.map((i) => i.id)).toEqual([...ids].reverse())
    const second = await v1Json<{ id: string }[]>(
      'GET',
      `/pages/${page}/incidents?q=${word.toUpperCase()}&limit=2&page=2`,
      LIST,
      200,
    )
    expect(second.map((i) => i.id)).toEqual([ids[0]])
    await v1Send('PATCH', `/pages/${page}/incidents/${ids[1]}`, ONE, 200, encoding, {
      incident: { status: 'resolved', body: 'Done.' },
    })
    const open = await v1Json<{ id: string }[]>(
      'GET',
      `/pages/${page}/incidents/unresolved`,
      '/pages/{page_id}/incidents/unresolved',
      200,
    )
    const openIds = open.map((i) => i.id)
    expect(openIds).toContain(ids[0])
    expect(openIds).not.toContain(ids[1])
  })

  it('a backfilled incident is resolved at its date and tells nobody', async () => {
    const created = await v1Send('POST', `/pages/${page}/incidents`, LIST, 201, encoding, {
      incident: {
        name: unique('Last week'),
        body: 'The API was down for ten minutes.',
        backfilled: 'true',
        backfill_date: '2026-01-05',
        impact_override: 'major',
        wants_twitter_update: 'maybe',
      },
    })
    expect(created).toMatchObject({ status: 'resolved', impact: 'major', backfilled: true })
    expect(created.started_at).toBe('2026-01-05T00:00:00.000Z')
    expect(await rows('SELECT * FROM outbox WHERE incident_id = ?', created.id)).toEqual([])
  })

  it('refuses bad bodies with 422 and unknown ids with 404, nothing written', async () => {
    const existing = await v1Send('POST', `/pages/${page}/incidents`, LIST, 201, encoding, {
      incident: { name: unique('Existing'), body: 'Here.' },
    })
    const path = `/pages/${page}/incidents/${existing.id}`
    const bad: FormObject[] = [
      { body: 'no name' },
      { name: 'Bad status', status: 'on_fire' },
      { name: 'Bad component', component_ids: ['nosuchcomp01'] },
      { name: 'Bad eta', eta: 'tomorrow' },
      { name: 'Half a window', scheduled_for: inMinutes(60) },
    ]
    for (const incident of bad) {
      await expectRefused(422, 'POST', `/pages/${page}/incidents`, sent(encoding, { incident }))
    }
    await expectRefused(
      422,
      'PATCH',
      path,
      sent(encoding, { incident: { status: 'in_progress', body: 'x' } }),
    )
    await expectRefused(422, 'PATCH', path, sent(encoding, { incident: { progress: '300' } }))
    await expectRefused(
      422,
      'PATCH',
      `${path}/incident_updates/${existing.incident_updates[0].id}`,
      sent(encoding, { incident_update: { display_at: inMinutes(60) } }),
    )
    await expectRefused(
      404,
      'PATCH',
      `/pages/${page}/incidents/nosuchinc001`,
      sent(encoding, { incident: { status: 'resolved' } }),
    )
    await expectRefused(
      404,
      'PUT',
      `${path}/incident_updates/nosuchupd001`,
      sent(encoding, { incident_update: { body: 'x' } }),
    )
    await expectRefused(404, 'DELETE', `/pages/${page}/incidents/nosuchinc001`)
    await expectRefused(404, 'GET', `/pages/${page}/incidents/nosuchinc001`)
    await expectRefused(
      404,
      'POST',
      '/pages/notthispage1/incidents',
      sent(encoding, { incident: { name: 'Elsewhere' } }),
    )
    await expectRefused(404, 'DELETE', `/pages/notthispage1/incidents/${existing.id}`)
    await expectRefused(
      401,
      'POST',
      `/pages/${page}/incidents`,
      sent(encoding, { incident: { name: 'No key' } }, { key: null }),
    )
    await expectRefused(401, 'DELETE', path, { key: 'not-a-key' })
    expect(
      (await callJson('GET', `/api/v1/incidents/${existing.id}`)).incident_updates,
    ).toHaveLength(1)
  })
})

describe('incident lists answer 401 without a key', () => {
  it('for every list', async () => {
    for (const list of ['', '/unresolved', '/scheduled', '/upcoming', '/active_maintenance']) {
      await expectRefused(401, 'GET', `/pages/${page}/incidents${list}`, { key: null })
    }
    const res = await v1('GET', `/pages/${page}/incidents?limit=0`)
    expect(res.status).toBe(422)
  })
})
