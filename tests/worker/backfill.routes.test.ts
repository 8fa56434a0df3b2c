import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { buildEtaRecord } from '../../src/domain/eta-record'
import { refreshSnapshot } from '../../src/domain/snapshot'
import { IncidentSchema } from '../../src/schemas/statuspage'
import { call, callJson, errorOf, makeComponent, makeIncident, publicJson, rows } from './factories'
import { mailTo } from './harness'
import { makeEmailSubscriber } from './pipeline-helpers'
import { waitForMail } from './subscriptions-helpers'

/**
 * Backfilled incidents: recorded after they happened, shown at their past times in the history,
 * the public API and the uptime bars, and announced to nobody.
 */

const DAY = 86_400_000
/** A past instant, to the second, unlikely to be any other incident's. */
const daysAgo = (days: number) =>
  new Date(
    Math.floor((Date.now() - days * DAY - Math.random() * 3_600_000) / 1000) * 1000,
  ).toISOString()

function backfill(fields: Record<string, unknown>) {
  return call('POST', '/api/v1/incidents', {
    body: {
      name: `Backfilled ${crypto.randomUUID().slice(0, 6)}`,
      status: 'resolved',
      impact: 'major',
      body: 'The database ran out of disk; we added space.',
      backfilled: true,
      ...fields,
    },
  })
}

describe('backfilled incidents', () => {
  it('appear in the history and the v2 API at their past times, and notify nobody', async () => {
    const address = `backfill-${crypto.randomUUID().slice(0, 8)}@example.net`
    const subscriberId = await makeEmailSubscriber(address)
    const component = await makeComponent()
    const began = daysAgo(20)
    const ended = new Date(Date.parse(began) + 2 * 3_600_000).toISOString()
    const res = await backfill({
      backfill_date: began,
      resolved_at: ended,
      components: { [component.id]: 'major_outage' },
    })
    expect(res.status).toBe(201)
    const created = IncidentSchema.parse(await res.json())
    expect(created).toMatchObject({
      backfilled: true,
      backfill_date: began,
      created_at: began,
      started_at: began,
      resolved_at: ended,
      status: 'resolved',
    })

    // Nothing to send: no outbox event, no delivery, and the component is as it was.
    expect(await rows('SELECT id FROM outbox WHERE incident_id = ?', created.id)).toEqual([])
    expect(await rows('SELECT id FROM deliveries WHERE subscriber_id = ?', subscriberId)).toEqual(
      [],
    )
    expect((await callJson('GET', `/api/v1/components/${component.id}`)).status).toBe('operational')
    // Its components' history holds it, so their uptime bars show the day.
    const history = await rows<{ status: string; changed_at: string }>(
      'SELECT status, changed_at FROM component_status_changes WHERE incident_id = ? ORDER BY changed_at',
      created.id,
    )
    expect(history).toEqual([
      { status: 'major_outage', changed_at: began },
      { status: 'operational', changed_at: ended },
    ])

    await refreshSnapshot(env)
    const listed = await publicJson<{ incidents: { id: string; created_at: string }[] }>(
      '/api/v2/incidents.json',
    )
    expect(listed.incidents.find((i) => i.id === created.id)?.created_at).toBe(began)
    const page = await call('GET', '/history', { token: null })
    expect(await page.text()).toContain(created.name)
    const incidentPage = await call('GET', `/incidents/${created.id}`, { token: null })
    expect(incidentPage.status).toBe(200)
    expect(await incidentPage.text()).toContain('The database ran out of disk')

    // A live incident after it reaches the same subscriber: the pipeline works, and the
    // backfilled one never arrived.
    const live = await makeIncident()
    const mail = await waitForMail(address, 1)
    await new Promise((r) => setTimeout(r, 300))
    const all = await mailTo(address)
    expect(mail[0]!.subject).toContain(live.name)
    expect(all.some((m) => m.subject.includes(created.name))).toBe(false)
    expect(all).toHaveLength(1)
  })

  it('is left out of the ETA record: it promised nothing', async () => {
    const began = daysAgo(10)
    const res = await backfill({ backfill_date: began })
    expect(res.status).toBe(201)
    const created = await res.json<{ created_at: string }>()
    expect(created.created_at).toBe(began)
    const record = await buildEtaRecord(env.DB, new Date())
    expect(record.entries.some((e) => e.createdAt === began)).toBe(false)
    // An ordinary incident is in it, so the check above can fail.
    const live = await makeIncident()
    const withLive = await buildEtaRecord(env.DB, new Date())
    expect(withLive.entries.some((e) => e.createdAt === live.created_at)).toBe(true)
  })

  it('refuses a future date, an open status, a promise, and backfill fields without backfilled', async () => {
    const before = await rows('SELECT id FROM incidents')
    const cases: [Record<string, unknown>, string][] = [
      [{ backfill_date: new Date(Date.now() + DAY).toISOString() }, 'backfill_date'],
      [{}, 'backfill_date'],
      [{ backfill_date: daysAgo(3), status: 'investigating' }, 'status'],
      [{ backfill_date: daysAgo(3), resolved_at: daysAgo(5) }, 'resolved_at'],
      [{ backfill_date: daysAgo(3), eta: new Date().toISOString() }, 'eta'],
    ]
    for (const [fields, path] of cases) {
      const res = await backfill(fields)
      expect(res.status, JSON.stringify(fields)).toBe(400)
      expect(JSON.stringify(await errorOf(res))).toContain(path)
    }
    const plain = await call('POST', '/api/v1/incidents', {
      body: {
        name: 'Not backfilled',
        status: 'investigating',
        impact: 'minor',
        body: 'x',
        backfill_date: daysAgo(2),
      },
    })
    expect(plain.status).toBe(400)
    expect(await rows('SELECT id FROM incidents')).toHaveLength(before.length)
  })
})
