import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { runClock } from '../../src/clock/run-clock'
import type { AppEnv } from '../../src/env'
import { call, callJson, inMinutes, makeIncident, postUpdate, rows } from './factories'
import { hookRequests, hookUrl, mailTo, scriptHook } from './harness'
import { hookName, verified, waitFor } from './pipeline-helpers'
import { postForm, uniqueIp } from './subscriptions-helpers'

/**
 * The clock's ops alerts, through the real OPS_ALERTS queue to the real receiver and SMTP
 * server. The clock is called with a chosen time, as the Cron Trigger would at that minute.
 */

const OPS_SECRET = env.OPS_WEBHOOK_SECRET!
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000)

/** The Worker's env with ops alerts going to this test's receiver and address. */
function opsEnv(name: string): AppEnv & { opsEmail: string } {
  const opsEmail = `${name}@ops.candor.test`
  return {
    ...(env as AppEnv),
    OPS_WEBHOOK_URL: hookUrl(name),
    OPS_EMAIL: opsEmail,
    PUBLIC_URL: 'https://status.candor.test',
    opsEmail,
  }
}

/** The ops alerts the receiver got for one incident, verified against the ops secret. */
async function alertsFor(name: string, incidentId: string) {
  const requests = await hookRequests(name)
  return requests
    .map((r) => ({ request: r, body: verified(OPS_SECRET, r) }))
    .filter((a) => a.body.incident.id === incidentId)
}

async function waitForAlerts(name: string, incidentId: string, count: number) {
  const got = await waitFor(
    () => alertsFor(name, incidentId),
    (a) => a.length >= count,
    15_000,
    `${count} ops alert(s)`,
  )
  // Anything sent twice would arrive now.
  await new Promise((r) => setTimeout(r, 1000))
  return got
}

describe('ops alerts from the clock', () => {
  it('a late update alerts ops once, signed, and once more at escalation; by webhook and email', async () => {
    const name = hookName('overdue')
    const ops = opsEnv(name)
    const incident = await makeIncident({
      name: 'Fibre down in M16',
      next_update_at: inMinutes(2),
    })

    // Not yet due: nothing.
    await runClock(ops, later(1))
    // Due: every run that sees it, but one alert.
    await runClock(ops, later(3))
    await runClock(ops, later(3.5))
    await runClock(ops, later(4))
    const first = await waitForAlerts(name, incident.id, 1)
    expect(first).toHaveLength(1)
    const [{ request, body }] = first as [(typeof first)[number]]
    expect(request.headers['content-type']).toBe('application/json')
    expect(body.meta).toMatchObject({ event_type: 'ops.update_overdue' })
    expect(request.headers['webhook-id']).toBe(`${body.meta.event_id}w`)
    expect(body.incident).toMatchObject({ id: incident.id, update_overdue: true })
    expect(body.alert).toMatchObject({
      level: 'overdue',
      overdue_minutes: 1,
      promised_interval_minutes: 2,
      incident_url: `https://status.candor.test/incidents/${incident.id}`,
      admin_url: `https://status.candor.test/api/v1/incidents/${incident.id}`,
      summary: expect.stringMatching(/^\[Update overdue\] Fibre down in M16 — .* is 1 min late$/),
    })

    const mail = await waitFor(
      () => mailTo(ops.opsEmail),
      (m) => m.length >= 1,
      15_000,
      'the ops email',
    )
    expect(mail).toHaveLength(1)
    expect(mail[0]!.subject).toBe(body.alert.summary)
    expect(mail[0]!.text).toContain(`https://status.candor.test/incidents/${incident.id}`)
    expect(mail[0]!.html).toContain('Post an update')

    // Late by twice the promised 2 minutes: escalated, once.
    await runClock(ops, later(6.5))
    await runClock(ops, later(7))
    const both = await waitForAlerts(name, incident.id, 2)
    expect(both.map((a) => a.body.alert.level)).toEqual(['overdue', 'escalated'])
    expect(both[1]!.body.alert.summary).toMatch(/^\[Update overdue, escalated\]/)

    // Ops can read what was raised and how it went.
    const listed = await callJson('GET', `/api/v1/ops-alerts?incident_id=${incident.id}`)
    expect(listed).toHaveLength(2)
    for (const alert of listed) {
      expect(alert.event_type).toBe('ops.update_overdue')
      expect(alert.sends.map((s: any) => [s.channel, s.status]).sort()).toEqual([
        ['email', 'sent'],
        ['webhook', 'sent'],
      ])
    }
  })

  it('an answered promise ends the episode; the next missed promise alerts again', async () => {
    const name = hookName('answered')
    const ops = opsEnv(name)
    const incident = await makeIncident({ next_update_at: inMinutes(2) })
    await postUpdate(incident.id, { status: 'identified', next_update_at: inMinutes(10) })
    await runClock(ops, later(3))
    await runClock(ops, later(11))
    const alerts = await waitForAlerts(name, incident.id, 1)
    expect(alerts).toHaveLength(1)
    expect(alerts[0]!.body.alert.promised_interval_minutes).toBe(10)
  })

  it('a passed ETA alerts once; a new ETA is a new episode', async () => {
    const name = hookName('eta')
    const ops = opsEnv(name)
    const incident = await makeIncident({ eta: inMinutes(5) })
    await runClock(ops, later(6))
    await runClock(ops, later(7))
    const once = await waitForAlerts(name, incident.id, 1)
    expect(once).toHaveLength(1)
    expect(once[0]!.body.meta.event_type).toBe('ops.eta_passed')
    expect(once[0]!.body.alert).toMatchObject({ eta_moves: 0, passed_minutes: 1 })
    expect(once[0]!.body.alert.summary).toMatch(/ETA .* passed, no new estimate yet$/)

    await postUpdate(incident.id, { status: 'identified', eta: inMinutes(30) })
    await runClock(ops, later(31))
    await runClock(ops, later(32))
    const twice = await waitForAlerts(name, incident.id, 2)
    expect(twice).toHaveLength(2)
    expect(twice[1]!.body.alert).toMatchObject({ eta_moves: 1 })
  })

  it('a receiver that fails is retried with the same webhook-id, and nothing is sent twice', async () => {
    const name = hookName('retry')
    const ops = { ...opsEnv(name), OPS_EMAIL: undefined }
    await scriptHook(name, [{ status: 500 }])
    const incident = await makeIncident({ eta: inMinutes(5) })
    await runClock(ops, later(6))
    const got = await waitFor(
      () => hookRequests(name),
      (r) => r.length >= 2,
      20_000,
      'the retry',
    )
    await new Promise((r) => setTimeout(r, 1000))
    expect(got.map((r) => r.headers['webhook-id'])).toEqual([
      got[0]!.headers['webhook-id'],
      got[0]!.headers['webhook-id'],
    ])
    const [send] = await rows<{ status: string; attempts: number; last_status_code: number }>(
      `SELECT s.status, s.attempts, s.last_status_code FROM ops_alert_sends s
       JOIN ops_alerts a ON a.id = s.alert_id WHERE a.incident_id = ?`,
      incident.id,
    )
    expect(send).toEqual({ status: 'sent', attempts: 2, last_status_code: 200 })
  }, 30_000)

  it('with no ops settings the alert is still recorded, once, for the API', async () => {
    const incident = await makeIncident({ eta: inMinutes(5) })
    const bare = { ...(env as AppEnv), OPS_WEBHOOK_URL: undefined, OPS_EMAIL: undefined }
    await runClock(bare, later(6))
    await runClock(bare, later(8))
    const listed = await callJson('GET', `/api/v1/ops-alerts?incident_id=${incident.id}`)
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ event_type: 'ops.eta_passed', sends: [] })
  })

  it('a disputed resolution alerts ops once per resolution, with a one-click reopen link', async () => {
    const name = hookName('disputed')
    const ops = opsEnv(name)
    const incident = await makeIncident({ name: 'Fibre down in M20' })
    await postUpdate(incident.id, { status: 'resolved', body: 'Fixed.' })
    const answer = (choice: string) =>
      postForm(
        `/incidents/${incident.id}/resolution`,
        { choice },
        { 'cf-connecting-ip': uniqueIp() },
      )
    // Two "still broken" of three: under the default threshold of three.
    for (const choice of ['still_broken', 'still_broken', 'fixed']) {
      expect((await answer(choice)).status).toBeLessThan(400)
    }
    await runClock(ops, later(1))
    expect(await callJson('GET', `/api/v1/ops-alerts?incident_id=${incident.id}`)).toEqual([])

    await answer('still_broken')
    await runClock(ops, later(2))
    await runClock(ops, later(3))
    const [alert] = await waitForAlerts(name, incident.id, 1)
    expect(await alertsFor(name, incident.id)).toHaveLength(1)
    expect(alert!.body.meta.event_type).toBe('ops.resolution_disputed')
    expect(alert!.body.alert).toMatchObject({
      fixed: 1,
      still_broken: 3,
      summary: '[Still broken] Fibre down in M20 — 3 of 4 say the fix did not work',
      reopen_url: expect.stringMatching(/^https:\/\/status\.candor\.test\/reopen\//),
    })

    // The link's token is stored only as its hash: the kept message has no link in it.
    const [stored] = await rows<{ message: string }>(
      "SELECT message FROM ops_alerts WHERE incident_id = ? AND event_type = 'ops.resolution_disputed'",
      incident.id,
    )
    expect(stored!.message).not.toContain('/reopen/')

    // The link reopens the incident: GET shows a button, its POST reopens.
    const path = new URL(alert!.body.alert.reopen_url).pathname
    expect((await call('GET', path, { token: null })).status).toBe(200)
    expect((await callJson('GET', `/api/v1/incidents/${incident.id}`)).status).toBe('resolved')
    expect((await postForm(path, {})).status).toBeLessThan(400)
    expect((await callJson('GET', `/api/v1/incidents/${incident.id}`)).status).toBe('investigating')

    // Resolved again and disputed again: a new episode, a new alert.
    await postUpdate(incident.id, { status: 'resolved', body: 'Fixed, really.' })
    for (let i = 0; i < 3; i++) await answer('still_broken')
    await runClock(ops, later(4))
    expect(await waitForAlerts(name, incident.id, 2)).toHaveLength(2)
  })

  it('nothing for a resolved incident', async () => {
    const name = hookName('resolved')
    const ops = opsEnv(name)
    const incident = await makeIncident({ eta: inMinutes(5), next_update_at: inMinutes(2) })
    await postUpdate(incident.id, { status: 'resolved', body: 'Fixed.' })
    await runClock(ops, later(60))
    const listed = await callJson('GET', `/api/v1/ops-alerts?incident_id=${incident.id}`)
    expect(listed).toEqual([])
  })
})
