import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, callJson, errorOf, makeIncident, rows } from './factories'
import { makeEmailSubscriber, preparedDelivery, runDeadLetters } from './pipeline-helpers'

/**
 * Subscriber states in Statuspage's sense: an address whose deliveries keep failing is
 * quarantined (kept, sent nothing), reactivate brings it back, and the counts by kind and state.
 */

const address = () => `states-${crypto.randomUUID().slice(0, 8)}@example.net`

/** Five failed events in a row for this subscriber, through the dead-letter consumer. */
async function failFiveTimes(subscriberId: string) {
  const incident = await makeIncident()
  for (let i = 0; i < 5; i++) {
    const deliveryId = await preparedDelivery(incident.id, subscriberId)
    await env.DB.prepare(
      `UPDATE deliveries SET status = 'failed', last_error = 'SMTP 550' WHERE id = ?`,
    )
      .bind(deliveryId)
      .run()
    await runDeadLetters([deliveryId])
  }
}

describe('subscriber states', () => {
  it('an email address that keeps failing is quarantined: kept, and shown as such', async () => {
    const id = await makeEmailSubscriber(address())
    const before = await callJson('GET', `/api/v1/subscribers/${id}`)
    expect(before).toMatchObject({ status: 'active', state: 'active', quarantined_at: null })

    await failFiveTimes(id)
    const after = await callJson('GET', `/api/v1/subscribers/${id}`)
    // Candor's own status stays as it was; the state is Statuspage's word for it.
    expect(after.status).toBe('disabled')
    expect(after.state).toBe('quarantined')
    expect(after.quarantined_at).toBe(after.disabled_at)
    expect(after.disabled_reason).toMatch(/5 events in a row.*SMTP 550/)

    const listed = await callJson('GET', '/api/v1/subscribers?state=quarantined&limit=1000')
    expect(listed.subscribers.map((s: { id: string }) => s.id)).toContain(id)
    const active = await callJson('GET', '/api/v1/subscribers?state=active&limit=1000')
    expect(active.subscribers.map((s: { id: string }) => s.id)).not.toContain(id)
  })

  it('reactivate brings a quarantined subscriber back, audited; anything else is a 409', async () => {
    const id = await makeEmailSubscriber(address())
    await failFiveTimes(id)

    const back = await callJson('POST', `/api/v1/subscribers/${id}/reactivate`, { expect: 200 })
    expect(back).toMatchObject({
      status: 'active',
      state: 'active',
      consecutive_failures: 0,
      disabled_at: null,
      disabled_reason: null,
      quarantined_at: null,
    })
    const audit = await rows<{ action: string; actor: string }>(
      "SELECT action, actor FROM audit_log WHERE target_id = ? AND action = 'subscriber.reactivate'",
      id,
    )
    expect(audit).toHaveLength(1)

    const again = await call('POST', `/api/v1/subscribers/${id}/reactivate`)
    expect(again.status).toBe(409)
    expect((await errorOf(again)).message).toMatch(/only a quarantined subscriber/i)
    // The refused call wrote no second audit line.
    const audited = await rows(
      "SELECT 1 FROM audit_log WHERE target_id = ? AND action = 'subscriber.reactivate'",
      id,
    )
    expect(audited).toHaveLength(1)
    expect((await call('POST', '/api/v1/subscribers/nope/reactivate')).status).toBe(404)
  })

  it('a webhook whose receiver never verified is not reactivated', async () => {
    const id = await makeEmailSubscriber(address())
    await env.DB.prepare(
      `UPDATE subscribers SET kind = 'webhook', format = 'standard', url = 'https://hooks.example.net/x',
         status = 'disabled', verification = 'pending', disabled_at = ?, disabled_reason = 'never verified'
       WHERE id = ?`,
    )
      .bind(new Date().toISOString(), id)
      .run()
    const res = await call('POST', `/api/v1/subscribers/${id}/reactivate`)
    expect(res.status).toBe(409)
    expect((await errorOf(res)).message).toMatch(/subscribe it again/)
    expect((await callJson('GET', `/api/v1/subscribers/${id}`)).status).toBe('disabled')
  })

  it('reactivates many at once: the ids given, skipping any not quarantined', async () => {
    const [a, b, c] = [
      await makeEmailSubscriber(address()),
      await makeEmailSubscriber(address()),
      await makeEmailSubscriber(address()),
    ]
    await failFiveTimes(a)
    await failFiveTimes(b)
    const report = await callJson('POST', '/api/v1/subscribers/reactivate', {
      body: { subscribers: [a, b, c] },
      expect: 200,
    })
    expect(report.reactivated.sort()).toEqual([a, b].sort())
    const bad = await call('POST', '/api/v1/subscribers/reactivate', { body: { subscribers: [] } })
    expect(bad.status).toBe(400)
  })

  it('counts subscribers by kind and state, as Statuspage histogram_by_state and count do', async () => {
    const expected = await rows<{ kind: string; status: string; n: number }>(
      'SELECT kind, status, COUNT(*) AS n FROM subscribers GROUP BY kind, status',
    )
    const n = (kind: string, ...statuses: string[]) =>
      expected
        .filter((r) => r.kind === kind && statuses.includes(r.status))
        .reduce((sum, r) => sum + r.n, 0)
    const counts = await callJson('GET', '/api/v1/subscribers/counts')
    for (const kind of ['email', 'webhook']) {
      expect(counts.by_kind_and_state[kind]).toEqual({
        unconfirmed: n(kind, 'pending'),
        active: n(kind, 'active'),
        quarantined: n(kind, 'disabled'),
        unsubscribed: n(kind, 'unsubscribed'),
        total: n(kind, 'pending', 'active', 'disabled'),
      })
    }
    expect(counts.by_kind).toEqual({ email: n('email', 'active'), webhook: n('webhook', 'active') })

    // One more quarantined address moves the counts by one.
    const id = await makeEmailSubscriber(address())
    await failFiveTimes(id)
    const after = await callJson('GET', '/api/v1/subscribers/counts?state=quarantined&kind=email')
    expect(after.by_kind).toEqual({ email: n('email', 'disabled') + 1, webhook: 0 })
    expect(after.by_kind_and_state.email.quarantined).toBe(n('email', 'disabled') + 1)
    expect((await call('GET', '/api/v1/subscribers/counts?state=bogus')).status).toBe(400)
  })
})
