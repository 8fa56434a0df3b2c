import { describe, expect, it } from 'vitest'
import { WebhookEventJson } from '../../src/schemas/webhooks'
import {
  call,
  callJson,
  inMinutes,
  makeArea,
  makeComponent,
  makeIncident,
  postUpdate,
  rows,
} from './factories'
import { hookRequests, scriptHook } from './harness'
import { deliveriesOf, hookName, makeWebhook, verified, waitFor } from './pipeline-helpers'

/**
 * End to end through the real queues: an admin write records its event, the EVENTS consumer
 * fans it out, the DELIVERIES consumer sends it to the real receiver.
 */

/** Waits until every delivery of these events is finished, then a little longer. */
async function settled(eventIds: string[], timeoutMs = 20_000) {
  await waitFor(
    () =>
      rows<{ waiting: number; undispatched: number }>(
        `SELECT
           (SELECT COUNT(*) FROM deliveries WHERE event_id IN (SELECT value FROM json_each(?1))
              AND status NOT IN ('sent', 'skipped', 'dead')) AS waiting,
           (SELECT COUNT(*) FROM outbox WHERE id IN (SELECT value FROM json_each(?1))
              AND dispatched_at IS NULL) AS undispatched`,
        JSON.stringify(eventIds),
      ),
    ([r]) => r!.waiting === 0 && r!.undispatched === 0,
    timeoutMs,
    'deliveries to finish',
  )
  // Anything sent twice would arrive now.
  await new Promise((r) => setTimeout(r, 1500))
}

async function eventIdsOf(where: { incidentId?: string; componentId?: string }) {
  const list = await rows<{ id: string }>(
    'SELECT id FROM outbox WHERE incident_id = ? OR component_id = ? ORDER BY created_at, id',
    where.incidentId ?? null,
    where.componentId ?? null,
  )
  return list.map((r) => r.id)
}

describe('pipeline through the queues', () => {
  it('an incident’s life reaches a webhook once per event, signed, with the honest fields', async () => {
    const name = hookName('life')
    const component = await makeComponent()
    const area = await makeArea()
    const hook = await makeWebhook(name, { component_ids: [component.id] })
    const eta = inMinutes(90)
    const incident = await makeIncident({
      name: 'Broadband outage in M14',
      impact: 'major',
      components: { [component.id]: 'major_outage' },
      area_ids: [area.id],
      eta,
      next_update_at: inMinutes(30),
      workaround: 'Use mobile data.',
    })
    await waitFor(
      () => hookRequests(name),
      (r) => r.length === 1,
      15_000,
      'the first event',
    )
    // Two updates in quick succession: each event still says what it said when it happened.
    await postUpdate(incident.id, { status: 'identified', eta: inMinutes(120) })
    await postUpdate(incident.id, { status: 'resolved', body: 'Fixed.' })
    const events = await eventIdsOf({ incidentId: incident.id })
    expect(events).toHaveLength(3)
    await settled(events)

    const got = await hookRequests(name)
    expect(got).toHaveLength(3)
    const bodies = got.map((r) => verified(hook.secret, r))
    // The body is what the OpenAPI document says Candor sends.
    for (const body of bodies) WebhookEventJson.parse(body)
    expect(bodies.map((b) => b.meta.event_type)).toEqual([
      'incident.created',
      'incident.updated',
      'incident.resolved',
    ])
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(3)
    for (const r of got) {
      expect(r.method).toBe('POST')
      expect(r.headers['content-type']).toBe('application/json')
      expect(r.headers['user-agent']).toBe('Candor-Webhooks')
    }
    const [created, updated] = bodies
    expect(created.meta).toMatchObject({
      event_id: events[0],
      unsubscribe: expect.stringMatching(/^http:\/\/candor\.test\/subscriptions\/unsubscribe\//),
      documentation: expect.stringMatching(/openapi\.json$/),
    })
    expect(created.page).toMatchObject({
      status_indicator: 'critical',
      status_description: expect.any(String),
    })
    expect(created.incident).toMatchObject({
      id: incident.id,
      name: 'Broadband outage in M14',
      status: 'investigating',
      impact: 'major',
      eta,
      workaround: 'Use mobile data.',
      areas: [{ id: area.id, name: area.name }],
      shortlink: `http://candor.test/incidents/${incident.id}`,
    })
    expect(updated.incident).toMatchObject({
      status: 'identified',
      resolved_at: null,
      eta_moves: 1,
    })
    expect(updated.incident.eta_history).toHaveLength(2)
    expect(bodies[2].incident).toMatchObject({ status: 'resolved' })

    // The delivery log lists them with the same ids the receiver saw.
    const log = await callJson('GET', `/api/v1/webhooks/${hook.id}/deliveries`)
    expect(log.map((d: any) => d.status)).toEqual(['sent', 'sent', 'sent'])
    expect(log.map((d: any) => d.id).sort()).toEqual(got.map((r) => r.headers['webhook-id']).sort())
    const counts = await callJson('GET', `/api/v1/incidents/${incident.id}/deliveries`)
    expect(counts.events.map((e: any) => e.id)).toEqual(events)
    expect(counts.by_channel.webhook.sent).toBeGreaterThanOrEqual(3)
    expect(counts.by_status.dead + counts.by_status.failed + counts.by_status.pending).toBe(0)
  }, 40_000)

  it('who hears what: components, areas, area-less incidents and component changes', async () => {
    const [a, b, d] = [await makeComponent(), await makeComponent(), await makeComponent()]
    const [x, y] = [await makeArea(), await makeArea()]
    const names = {
      a: hookName('follows-a'),
      b: hookName('follows-b'),
      x: hookName('follows-x'),
      d: hookName('follows-d'),
      all: hookName('follows-all'),
    }
    const hooks = {
      a: await makeWebhook(names.a, { component_ids: [a.id] }),
      b: await makeWebhook(names.b, { component_ids: [b.id] }),
      x: await makeWebhook(names.x, { area_ids: [x.id] }),
      d: await makeWebhook(names.d, { component_ids: [d.id] }),
      all: await makeWebhook(names.all),
    }
    const inY = await makeIncident({ components: { [a.id]: 'partial_outage' }, area_ids: [y.id] })
    const everywhere = await makeIncident({ components: { [b.id]: 'major_outage' } })
    await callJson('PATCH', `/api/v1/components/${d.id}`, {
      body: { status: 'degraded_performance' },
      expect: 200,
    })
    const events = [
      ...(await eventIdsOf({ incidentId: inY.id })),
      ...(await eventIdsOf({ incidentId: everywhere.id })),
      ...(await eventIdsOf({ componentId: d.id })),
    ]
    expect(events).toHaveLength(3)
    await settled(events)

    const heard = async (name: string) =>
      (await hookRequests(name)).map((r) => {
        const body = JSON.parse(r.body)
        return body.incident?.id ?? `component:${body.component?.id}`
      })
    expect(await heard(names.a)).toEqual([inY.id])
    expect(await heard(names.b)).toEqual([everywhere.id])
    // An incident without areas concerns every area; one in area Y does not concern X.
    expect(await heard(names.x)).toEqual([everywhere.id])
    expect(await heard(names.d)).toEqual([`component:${d.id}`])
    // Events are independent: their order of arrival is not promised.
    expect((await heard(names.all)).sort()).toEqual(
      [inY.id, everywhere.id, `component:${d.id}`].sort(),
    )
    const componentEvent = JSON.parse((await hookRequests(names.d))[0]!.body)
    expect(componentEvent.meta.event_type).toBe('component.updated')
    expect(componentEvent.component_update).toMatchObject({
      component_id: d.id,
      old_status: 'operational',
      new_status: 'degraded_performance',
    })
    for (const hook of Object.values(hooks)) {
      expect((await call('DELETE', `/api/v1/webhooks/${hook.id}`)).status).toBe(204)
    }
  }, 40_000)

  it('429 with Retry-After: the queue retries after that delay, same webhook-id', async () => {
    const name = hookName('slow-down')
    const component = await makeComponent()
    const hook = await makeWebhook(name, { component_ids: [component.id] })
    await scriptHook(name, [{ status: 429, headers: { 'retry-after': '2' } }])
    const incident = await makeIncident({ components: { [component.id]: 'degraded_performance' } })
    await settled(await eventIdsOf({ incidentId: incident.id }))

    const got = await hookRequests(name)
    expect(got).toHaveLength(2)
    expect(got[0]!.headers['webhook-id']).toBe(got[1]!.headers['webhook-id'])
    expect(Date.parse(got[1]!.at) - Date.parse(got[0]!.at)).toBeGreaterThanOrEqual(1900)
    verified(hook.secret, got[1]!)
    const [log] = await callJson('GET', `/api/v1/webhooks/${hook.id}/deliveries`)
    expect(log.attempt_log.map((a: any) => a.status_code)).toEqual([200, 429])
  }, 40_000)

  it('a receiver down until the retries are spent: recorded dead, visible to ops, sent no more', async () => {
    const name = hookName('down')
    const component = await makeComponent()
    const hook = await makeWebhook(name, { component_ids: [component.id] })
    // Eight refusals (one try and seven retries), each asking to be retried at once.
    await scriptHook(
      name,
      Array.from({ length: 8 }, () => ({ status: 503, headers: { 'retry-after': '0' } })),
    )
    const incident = await makeIncident({ components: { [component.id]: 'major_outage' } })
    const [delivery] = await waitFor(
      () => deliveriesOf(hook.id),
      (list) => list[0]?.status === 'dead',
      40_000,
      'the delivery to be dead',
    )
    await new Promise((r) => setTimeout(r, 1500))
    const got = await hookRequests(name)
    expect(got).toHaveLength(8)
    expect(new Set(got.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery!.id]))

    const dead = await callJson('GET', '/api/v1/deliveries?status=dead&limit=500')
    const entry = dead.find((d: any) => d.id === delivery!.id)
    expect(entry).toMatchObject({
      status: 'dead',
      attempts: 8,
      last_status_code: 503,
      incident_id: incident.id,
      recipient: hook.url,
    })
    expect(entry.attempt_log).toHaveLength(8)
    const webhook = await callJson('GET', `/api/v1/webhooks/${hook.id}`)
    expect(webhook).toMatchObject({ status: 'active', consecutive_failures: 1 })
  }, 60_000)
})
