import { describe, expect, it } from 'vitest'
import { call, makeArea, makeComponent, makeIncident, postUpdate, rows } from './factories'
import { mailTo } from './harness'
import { makeEmailSubscriber, waitFor } from './pipeline-helpers'
import { answerPath, countsEverywhere, pageCountsText } from './resolution-check-helpers'
import { getPage, linkPath, postForm, uniqueEmail } from './subscriptions-helpers'

/** The resolution email's "fixed for me / still broken" links, end to end over real SMTP. */

async function resolvedWithMail(to: string, areaIds: string[] = []) {
  const component = await makeComponent()
  const subscriberId = await makeEmailSubscriber(to, { componentIds: [component.id], areaIds })
  const incident = await makeIncident({ components: { [component.id]: 'major_outage' } })
  await waitFor(
    () => mailTo(to),
    (m) => m.length === 1,
    15_000,
    'the first notice',
  )
  await postUpdate(incident.id, { status: 'resolved', body: 'Repaired.' })
  const mail = await waitFor(
    () => mailTo(to),
    (m) => m.length === 2,
    15_000,
    'the resolution',
  )
  return { incident, subscriberId, resolution: mail[1]!, first: mail[0]! }
}

describe('answer links in the resolution email', () => {
  it('a GET shows a button and records nothing; the POST counts on the API, v2 and the page; the other link changes the answer', async () => {
    const to = uniqueEmail('answers')
    const area = await makeArea()
    const { incident, subscriberId, resolution, first } = await resolvedWithMail(to, [area.id])

    // Only the resolution email asks.
    expect(first.text).not.toContain('Is it fixed for you?')
    expect(resolution.text).toContain('Is it fixed for you?')
    const fixed = answerPath(resolution, 'Fixed for me')
    const broken = answerPath(resolution, 'Still broken')
    expect(fixed).not.toBe(broken)
    expect(resolution.html).toContain(`${fixed}"`)
    expect(resolution.html).toContain(`${broken}"`)

    // A link scanner following the link records nothing.
    const view = await getPage(fixed)
    expect(view.status).toBe(200)
    expect(view.html).toContain('<form method="post">')
    expect(view.html).toContain('Yes, it is fixed for me')
    expect(view.headers.get('cache-control')).toBe('no-store')
    expect(await rows('SELECT * FROM resolution_votes WHERE incident_id = ?', incident.id)).toEqual(
      [],
    )
    expect((await countsEverywhere(incident.id)).native).toMatchObject({
      fixed: 0,
      still_broken: 0,
    })

    // The button's POST answers.
    const answered = await postForm(fixed, {})
    expect(answered.status).toBe(200)
    expect(await answered.text()).toContain('Your answer is counted')
    let seen = await countsEverywhere(incident.id)
    const one = { fixed: 1, still_broken: 0 }
    expect(seen.native).toMatchObject(one)
    expect(seen.v2).toMatchObject(one)
    // The subscriber's vote counts for their area.
    expect(seen.native.by_area).toEqual([
      { area_id: area.id, name: area.name, fixed: 1, still_broken: 0 },
    ])
    expect(seen.v2.by_area).toEqual(seen.native.by_area)
    expect(pageCountsText(seen.pageHtml)).toBe('Customers say: 1 fixed for me, 0 still broken.')

    // The same link twice is still one answer; the other link changes it.
    expect((await postForm(fixed, {})).status).toBe(200)
    expect((await postForm(broken, {})).status).toBe(200)
    seen = await countsEverywhere(incident.id)
    expect(seen.native).toMatchObject({ fixed: 0, still_broken: 1 })
    expect(seen.v2).toMatchObject({ fixed: 0, still_broken: 1 })
    expect(pageCountsText(seen.pageHtml)).toBe('Customers say: 0 fixed for me, 1 still broken.')
    const votes = await rows(
      'SELECT voter_key, choice FROM resolution_votes WHERE incident_id = ?',
      incident.id,
    )
    expect(votes).toEqual([{ voter_key: `subscriber:${subscriberId}`, choice: 'still_broken' }])
  }, 60_000)

  it('each link is single-purpose: an unsubscribe token cannot answer, an answer token cannot unsubscribe', async () => {
    const to = uniqueEmail('purpose')
    const { incident, subscriberId, resolution } = await resolvedWithMail(to)
    const unsubscribe = linkPath(resolution, 'unsubscribe')
    const unsubscribeToken = unsubscribe.split('/').pop()!
    const answerToken = answerPath(resolution, 'Still broken').split('/').pop()!

    expect((await postForm(`/resolution/${unsubscribeToken}`, {})).status).toBe(404)
    expect((await getPage(`/resolution/${unsubscribeToken}`)).status).toBe(404)
    expect(
      (
        await postForm(`/subscriptions/unsubscribe/${answerToken}`, {
          'List-Unsubscribe': 'One-Click',
        })
      ).status,
    ).toBe(404)
    expect(
      (await postForm(`/subscriptions/manage/${answerToken}`, { action: 'leave' })).status,
    ).toBe(404)
    // Neither answered nor unsubscribed.
    expect(await rows('SELECT * FROM resolution_votes WHERE incident_id = ?', incident.id)).toEqual(
      [],
    )
    const [subscriber] = await rows<{ status: string }>(
      'SELECT status FROM subscribers WHERE id = ?',
      subscriberId,
    )
    expect(subscriber!.status).toBe('active')
  }, 60_000)

  it('after a reopen the link records nothing and says the incident is open again', async () => {
    const to = uniqueEmail('reopened')
    const { incident, resolution } = await resolvedWithMail(to)
    const fixed = answerPath(resolution, 'Fixed for me')
    expect((await call('POST', `/api/v1/incidents/${incident.id}/reopen`)).status).toBe(201)
    const res = await postForm(fixed, {})
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('This incident is open again')
    expect(await rows('SELECT * FROM resolution_votes WHERE incident_id = ?', incident.id)).toEqual(
      [],
    )
  }, 60_000)
})
