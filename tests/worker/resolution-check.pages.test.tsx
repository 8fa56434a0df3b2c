import { env } from 'cloudflare:workers'
import { inOneRateWindow } from './rate-window'
import { describe, expect, it } from 'vitest'
import { pageAnswersOpen } from '../../src/domain/resolution-check'
import { IncidentPage } from '../../src/views/incident-page'
import { call, callJson, makeArea, makeIncident, postUpdate, rows } from './factories'
import { countsEverywhere, pageCountsText } from './resolution-check-helpers'
import { getPage, postForm, uniqueIp } from './subscriptions-helpers'

/** The incident page's buttons: "fixed for me / still broken" for 48 h, "I'm affected" while open. */

const HOUR = 3_600_000
const answerForm = (id: string) => `action="/incidents/${id}/resolution"`
const affectedForm = (id: string) => `action="/incidents/${id}/affected"`

/** An incident resolved `hoursAgo` hours ago (the resolving update is dated back). */
async function resolvedIncident(hoursAgo = 0, fields: Record<string, unknown> = {}) {
  const incident = await makeIncident({
    started_at: new Date(Date.now() - (hoursAgo + 2) * HOUR).toISOString(),
    ...fields,
  })
  await postUpdate(incident.id, {
    status: 'resolved',
    body: 'Fixed.',
    display_at: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
  })
  return incident
}

const answer = (id: string, choice: string, ip: string, extra: Record<string, string> = {}) =>
  postForm(`/incidents/${id}/resolution`, { choice, ...extra }, { 'cf-connecting-ip': ip })

describe('"fixed for me / still broken" on the incident page', () => {
  it('shows the buttons for 48 hours after resolution only, by the clock it is given', async () => {
    const incident = await resolvedIncident(0)
    expect((await getPage(`/incidents/${incident.id}`)).html).toContain(answerForm(incident.id))

    // The window, read with an injected clock.
    const resolvedAt = Date.parse(
      (await callJson('GET', `/api/v1/incidents/${incident.id}`)).resolved_at,
    )
    const at = (hours: number) => new Date(resolvedAt + hours * HOUR)
    const presented = await callJson('GET', `/api/v1/incidents/${incident.id}`)
    const render = (now: Date) =>
      String(<IncidentPage pageName="Candor" incident={presented} now={now} />)
    expect(render(at(47.9))).toContain(answerForm(incident.id))
    expect(render(at(48))).not.toContain(answerForm(incident.id))
    const rule = (now: Date) =>
      pageAnswersOpen({ status: 'resolved', resolvedAt: new Date(resolvedAt).toISOString() }, now)
    expect([rule(at(-1)), rule(at(0)), rule(at(47.9)), rule(at(48)), rule(at(100))]).toEqual([
      false,
      true,
      true,
      false,
      false,
    ])
  })

  it('after 48 hours the page has no buttons and a post records nothing (409)', async () => {
    const incident = await resolvedIncident(49)
    const { html } = await getPage(`/incidents/${incident.id}`)
    expect(html).not.toContain(answerForm(incident.id))
    const res = await answer(incident.id, 'still_broken', uniqueIp())
    expect(res.status).toBe(409)
    expect(await rows('SELECT * FROM resolution_votes WHERE incident_id = ?', incident.id)).toEqual(
      [],
    )
  })

  it('counts once per IP: answering again changes the answer; another IP adds one; the page and v2 show it at once', async () => {
    const incident = await resolvedIncident(1)
    const ip = uniqueIp()
    expect((await answer(incident.id, 'still_broken', ip)).status).toBe(200)
    expect((await answer(incident.id, 'still_broken', ip)).status).toBe(200)
    let seen = await countsEverywhere(incident.id)
    expect(seen.native).toMatchObject({ fixed: 0, still_broken: 1 })
    expect(seen.v2).toMatchObject({ fixed: 0, still_broken: 1 })
    expect(pageCountsText(seen.pageHtml)).toBe('Customers say: 0 fixed for me, 1 still broken.')

    expect((await answer(incident.id, 'fixed', ip)).status).toBe(200)
    expect((await answer(incident.id, 'fixed', uniqueIp())).status).toBe(200)
    seen = await countsEverywhere(incident.id)
    expect(seen.native).toMatchObject({ fixed: 2, still_broken: 0 })
    expect(seen.v2).toMatchObject({ fixed: 2, still_broken: 0 })
    expect(pageCountsText(seen.pageHtml)).toBe('Customers say: 2 fixed for me, 0 still broken.')

    // Three changes, three audit lines; the repeated answer left none.
    const audit = await rows(
      "SELECT actor FROM audit_log WHERE action = 'resolution.answer' AND target_id = ?",
      incident.id,
    )
    expect(audit).toEqual([{ actor: 'reader' }, { actor: 'reader' }, { actor: 'reader' }])

    // The address itself is never stored.
    const stored = await rows<{ voter_key: string }>(
      'SELECT voter_key FROM resolution_votes WHERE incident_id = ?',
      incident.id,
    )
    expect(stored).toHaveLength(2)
    for (const row of stored) {
      expect(row.voter_key).toMatch(/^ip:[0-9a-f]{64}$/)
      expect(row.voter_key).not.toContain(ip)
    }
  })

  it('after a reopen and a new resolution, the same reader giving the same answer is counted again', async () => {
    const incident = await resolvedIncident(0)
    const ip = uniqueIp()
    await answer(incident.id, 'still_broken', ip)
    expect((await call('POST', `/api/v1/incidents/${incident.id}/reopen`)).status).toBe(201)
    await postUpdate(incident.id, { status: 'resolved', body: 'Fixed, really.' })
    expect((await countsEverywhere(incident.id)).native).toMatchObject({
      fixed: 0,
      still_broken: 0,
    })
    expect((await answer(incident.id, 'still_broken', ip)).status).toBe(200)
    const seen = await countsEverywhere(incident.id)
    expect(seen.native).toMatchObject({ fixed: 0, still_broken: 1 })
    expect(seen.v2).toMatchObject({ fixed: 0, still_broken: 1 })
  })

  it('an answer may name an area: counts per area, and the page offers the areas', async () => {
    const north = await makeArea()
    const south = await makeArea()
    const incident = await resolvedIncident(1, { area_ids: [north.id, south.id] })
    const { html } = await getPage(`/incidents/${incident.id}`)
    expect(html).toContain(`<option value="${north.id}">${north.name}</option>`)
    await answer(incident.id, 'still_broken', uniqueIp(), { area: north.id })
    await answer(incident.id, 'still_broken', uniqueIp(), { area: north.id })
    await answer(incident.id, 'fixed', uniqueIp(), { area: south.id })
    await answer(incident.id, 'fixed', uniqueIp())
    const seen = await countsEverywhere(incident.id)
    expect(seen.native).toEqual({
      fixed: 2,
      still_broken: 2,
      by_area: [
        { area_id: north.id, name: north.name, fixed: 0, still_broken: 2 },
        { area_id: south.id, name: south.name, fixed: 1, still_broken: 0 },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    })
    expect(seen.v2).toEqual(seen.native)
    expect(seen.pageHtml).toContain(`${north.name}: 0 fixed, 2 still broken`)

    // An unknown area or choice is refused and records nothing.
    const before = await rows('SELECT * FROM resolution_votes WHERE incident_id = ?', incident.id)
    expect((await answer(incident.id, 'fixed', uniqueIp(), { area: 'nosuch' })).status).toBe(400)
    expect((await answer(incident.id, 'maybe', uniqueIp())).status).toBe(400)
    expect(await rows('SELECT * FROM resolution_votes WHERE incident_id = ?', incident.id)).toEqual(
      before,
    )
  })

  it("refuses another site's form (403) and more than 10 answers a minute from one IP (429)", async () => {
    await inOneRateWindow()
    const incident = await resolvedIncident(1)
    const foreign = await postForm(
      `/incidents/${incident.id}/resolution`,
      { choice: 'fixed' },
      { origin: 'https://elsewhere.example' },
    )
    expect(foreign.status).toBe(403)
    expect(await rows('SELECT * FROM resolution_votes WHERE incident_id = ?', incident.id)).toEqual(
      [],
    )

    const ip = uniqueIp()
    for (let i = 0; i < 10; i++) {
      expect((await answer(incident.id, i % 2 ? 'fixed' : 'still_broken', ip)).status).toBe(200)
    }
    const limited = await answer(incident.id, 'still_broken', ip)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    // The tenth answer (fixed) stands; the refused one changed nothing.
    const [vote] = await rows<{ choice: string }>(
      'SELECT choice FROM resolution_votes WHERE incident_id = ?',
      incident.id,
    )
    expect(vote!.choice).toBe('fixed')
    // Another reader is not held back.
    expect((await answer(incident.id, 'fixed', uniqueIp())).status).toBe(200)
  })
})

describe('"I\'m affected" while an incident is open', () => {
  it('counts once per IP, per area; ops see it; the public only when the page setting allows', async () => {
    const area = await makeArea()
    const incident = await makeIncident({ area_ids: [area.id] })
    const { html } = await getPage(`/incidents/${incident.id}`)
    expect(html).toContain(affectedForm(incident.id))
    expect(html).not.toContain(answerForm(incident.id))

    const ip = uniqueIp()
    const report = (from: string, fields: Record<string, string> = {}) =>
      postForm(`/incidents/${incident.id}/affected`, fields, { 'cf-connecting-ip': from })
    const first = await report(ip, { area: area.id })
    expect(first.status).toBe(200)
    expect(await first.text()).toContain('You are counted as affected')
    const again = await report(ip)
    expect(await again.text()).toContain('You were already counted')
    await report(uniqueIp())

    let seen = await countsEverywhere(incident.id)
    expect(seen.nativeAffected).toEqual({
      total: 2,
      by_area: [{ area_id: area.id, name: area.name, count: 1 }],
    })
    expect(seen.v2Affected).toBeUndefined()
    expect(seen.pageHtml).not.toContain('data-testid="affected-counts"')

    await callJson('PATCH', '/api/v1/page', { body: { show_affected_counts: true } })
    try {
      seen = await countsEverywhere(incident.id)
      expect(seen.v2Affected).toEqual(seen.nativeAffected)
      expect(seen.pageHtml).toContain('<strong>2</strong> readers report')
    } finally {
      await callJson('PATCH', '/api/v1/page', { body: { show_affected_counts: false } })
    }
    // Each new report left one audit line; the repeat none.
    const audit = await rows(
      "SELECT * FROM audit_log WHERE action = 'incident.affected_report' AND target_id = ?",
      incident.id,
    )
    expect(audit).toHaveLength(2)
  })

  it('a resolved incident takes no reports (409), and the page offers none', async () => {
    const incident = await resolvedIncident(1)
    expect((await getPage(`/incidents/${incident.id}`)).html).not.toContain(
      affectedForm(incident.id),
    )
    const res = await postForm(`/incidents/${incident.id}/affected`, {})
    expect(res.status).toBe(409)
    expect(await rows('SELECT * FROM affected_reports WHERE incident_id = ?', incident.id)).toEqual(
      [],
    )
  })

  it('the page settings hold the threshold and the switch, with defaults 3, 30 % and off', async () => {
    const page = await callJson('GET', '/api/v1/page')
    expect(page).toMatchObject({
      dispute_min_votes: 3,
      dispute_min_share: 30,
      show_affected_counts: false,
    })
    const bad = await call('PATCH', '/api/v1/page', { body: { dispute_min_share: 101 } })
    expect(bad.status).toBe(400)
    expect((await callJson('GET', '/api/v1/page')).dispute_min_share).toBe(30)
    expect(env.RESOLUTION_BY_IP).toBeDefined()
  })
})
