import { beforeAll, describe, expect, it } from 'vitest'
import { browser, csrfOf, SAME_ORIGIN, signedInMember } from './console-helpers'
import { callJson, makeComponent, makeIncident, postUpdate, rows } from './factories'
import { mailTo } from './harness'
import { v1Json, pageId } from './manage-v1-helpers'
import { waitFor } from './pipeline-helpers'

/** A subscriber following one incident, through the real queues and SMTP server. */

const address = (label: string) => `inc-${label}-${crypto.randomUUID().slice(0, 8)}@example.net`

async function followIncident(incidentId: string, email: string) {
  return callJson('POST', `/api/v1/incidents/${incidentId}/subscribers`, {
    body: { email, skip_confirmation: true },
    expect: 201,
  })
}

describe('fan-out to a subscriber following one incident', () => {
  it('mails it an update of its incident, and nothing for another incident', async () => {
    const mine = await makeIncident({
      notify: false,
      name: `Mine ${crypto.randomUUID().slice(0, 6)}`,
    })
    const other = await makeIncident({
      notify: false,
      name: `Other ${crypto.randomUUID().slice(0, 6)}`,
    })
    const to = address('follower')
    const subscriber = await followIncident(mine.id, to)
    expect(subscriber).toMatchObject({
      everything: false,
      component_ids: [],
      incident_ids: [mine.id],
    })

    await postUpdate(other.id, { body: 'Elsewhere.' })
    await postUpdate(mine.id, { body: 'Found the cause.' })
    const mail = await waitFor(
      () => mailTo(to),
      (m) => m.length >= 1,
      15_000,
      'the notice',
    )
    expect(mail).toHaveLength(1)
    expect(mail[0]!.subject).toContain(mine.name)
    expect(mail[0]!.text).toContain('Found the cause.')

    // The other incident's event was fanned out too, and reached it not.
    await waitFor(
      () =>
        rows<{ n: number }>(
          'SELECT COUNT(*) AS n FROM outbox WHERE incident_id = ? AND dispatched_at IS NULL',
          other.id,
        ),
      (r) => r[0]!.n === 0,
      15_000,
      "the other incident's fan-out",
    )
    const reached = await rows<{ incident_id: string }>(
      `SELECT o.incident_id FROM deliveries d JOIN outbox o ON o.id = d.event_id
       WHERE d.subscriber_id = ?`,
      subscriber.id,
    )
    expect(reached.map((r) => r.incident_id)).toEqual([mine.id])
    expect(await mailTo(to)).toHaveLength(1)
  })
})

describe('the console preview count', () => {
  let member: Awaited<ReturnType<typeof signedInMember>> & { csrf: string }
  beforeAll(async () => {
    const signed = await signedInMember('editor')
    const page = await browser('GET', '/console/account', { cookie: signed.cookie })
    member = { ...signed, csrf: csrfOf(await page.text()) }
  })

  async function reach(incidentId: string): Promise<number> {
    const res = await browser('POST', `/console/incidents/${incidentId}/preview`, {
      cookie: member.cookie,
      headers: SAME_ORIGIN,
      form: {
        csrf: member.csrf,
        status: 'monitoring',
        body: 'A fix is out.',
        eta: 'keep',
        next_update_at: 'exact',
        next_update_at_exact: '2031-05-06T10:30',
        notify: 'on',
      },
    })
    expect(res.status).toBe(200)
    const match = /class="preview-reach">(\d+) subscribers?</.exec(await res.text())
    expect(match).not.toBeNull()
    return Number(match![1])
  }

  it('counts the subscribers of that incident, not of another', async () => {
    const mine = await makeIncident({ notify: false })
    const other = await makeIncident({ notify: false })
    const [mineBefore, otherBefore] = [await reach(mine.id), await reach(other.id)]
    await followIncident(mine.id, address('counted'))
    expect(await reach(mine.id)).toBe(mineBefore + 1)
    expect(await reach(other.id)).toBe(otherBefore)
  })
})

describe('choices of a subscriber following only incidents', () => {
  it('stay incident-only when its components are set to none (v1 PATCH)', async () => {
    const incident = await makeIncident({ notify: false })
    const api = await makeComponent()
    const s = await followIncident(incident.id, address('patched'))
    const page = await pageId()
    const path = `/pages/${page}/subscribers/${s.id}`
    const ONE = '/pages/{page_id}/subscribers/{subscriber_id}'
    await v1Json('PATCH', path, ONE, 200, { body: { component_ids: [api.id] } })
    const none = await v1Json('PATCH', path, ONE, 200, { body: {} })
    expect(none.components).toEqual([])
    const [row] = await rows('SELECT everything FROM subscribers WHERE id = ?', s.id)
    expect(row).toEqual({ everything: 0 })
    const got = await callJson('GET', `/api/v1/subscribers/${s.id}`)
    expect(got).toMatchObject({ everything: false, component_ids: [], incident_ids: [incident.id] })
  })
})
