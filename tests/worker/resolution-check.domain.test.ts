import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { upsertResolutionVote } from '../../src/db/resolution'
import { issueReopenLink } from '../../src/domain/reopen'
import { issueAnswerLinks } from '../../src/domain/resolution-votes'
import { isResolutionDisputed, listDisputedIncidents } from '../../src/domain/resolution-check'
import {
  call,
  callJson,
  errorOf,
  makeComponent,
  makeIncident,
  makeToken,
  postUpdate,
  rows,
} from './factories'
import { makeEmailSubscriber } from './pipeline-helpers'
import { getPage, postForm, uniqueEmail } from './subscriptions-helpers'

/** The threshold, the disputed-incidents query, and reopening through the API and a link. */

const DEFAULTS = { disputeMinVotes: 3, disputeMinShare: 30 }

/** Stores `fixed` and `stillBroken` answers from distinct readers, as the page would. */
async function answers(incidentId: string, fixed: number, stillBroken: number) {
  const at = new Date().toISOString()
  const votes = [
    ...Array.from({ length: fixed }, () => 'fixed' as const),
    ...Array.from({ length: stillBroken }, () => 'still_broken' as const),
  ]
  await env.DB.batch(
    votes.map((choice) =>
      upsertResolutionVote(
        env.DB,
        {
          incidentId,
          voterKey: `ip:${crypto.randomUUID()}`,
          subscriberId: null,
          choice,
          areaId: null,
        },
        at,
      ),
    ),
  )
}

async function resolved(fields: Record<string, unknown> = {}) {
  const incident = await makeIncident(fields)
  await postUpdate(incident.id, { status: 'resolved', body: 'Fixed.' })
  return incident
}

describe('isResolutionDisputed', () => {
  it('needs both enough "still broken" answers and a large enough share of them', () => {
    const cases: [number, number, boolean][] = [
      [0, 0, false],
      [0, 2, false], // 100 % but only 2
      [0, 3, true],
      [7, 3, true], // exactly 30 %
      [8, 3, false], // 27 %
      [100, 29, false],
      [60, 30, true],
    ]
    for (const [fixed, stillBroken, disputed] of cases) {
      expect(
        isResolutionDisputed({ fixed, stillBroken }, DEFAULTS),
        `${fixed}/${stillBroken}`,
      ).toBe(disputed)
    }
    expect(
      isResolutionDisputed(
        { fixed: 0, stillBroken: 1 },
        { disputeMinVotes: 1, disputeMinShare: 50 },
      ),
    ).toBe(true)
    expect(
      isResolutionDisputed(
        { fixed: 3, stillBroken: 1 },
        { disputeMinVotes: 1, disputeMinShare: 50 },
      ),
    ).toBe(false)
  })
})

describe('listDisputedIncidents', () => {
  it('lists resolved incidents over the page threshold with their counts, and follows PATCH /api/v1/page', async () => {
    const disputed = await resolved()
    const calm = await resolved()
    const open = await makeIncident()
    await answers(disputed.id, 2, 4)
    await answers(calm.id, 9, 2)
    await answers(open.id, 0, 5) // an open incident's answers do not count

    const ids = async () =>
      (await listDisputedIncidents(env.DB, new Date())).map((d) => d.incidentId)
    const listed = await listDisputedIncidents(env.DB, new Date())
    expect(listed.find((d) => d.incidentId === disputed.id)).toMatchObject({
      name: disputed.name,
      fixed: 2,
      stillBroken: 4,
    })
    expect(await ids()).not.toContain(calm.id)
    expect(await ids()).not.toContain(open.id)

    await callJson('PATCH', '/api/v1/page', {
      body: { dispute_min_votes: 2, dispute_min_share: 10 },
    })
    try {
      expect(await ids()).toEqual(expect.arrayContaining([disputed.id, calm.id]))
    } finally {
      await callJson('PATCH', '/api/v1/page', {
        body: { dispute_min_votes: 3, dispute_min_share: 30 },
      })
    }

    // Reopened, it leaves the list; resolved again, it starts a fresh check.
    await call('POST', `/api/v1/incidents/${disputed.id}/reopen`)
    expect(await ids()).not.toContain(disputed.id)
    await postUpdate(disputed.id, { status: 'resolved', body: 'Fixed for real.' })
    expect(await ids()).not.toContain(disputed.id)
    expect(
      (await callJson('GET', `/api/v1/incidents/${disputed.id}`)).resolution_check,
    ).toMatchObject({ fixed: 0, still_broken: 0 })
  })
})

describe('POST /api/v1/incidents/{id}/reopen', () => {
  it('posts an investigating update and puts the components back to their statuses in the incident', async () => {
    const down = await makeComponent()
    const slow = await makeComponent()
    const incident = await makeIncident({
      impact: 'major',
      components: { [down.id]: 'major_outage', [slow.id]: 'degraded_performance' },
    })
    // Resolving sets one explicitly to operational, the other returns by itself.
    await postUpdate(incident.id, {
      status: 'resolved',
      body: 'Fixed.',
      components: { [down.id]: 'operational' },
    })
    expect((await callJson('GET', `/api/v1/components/${down.id}`)).status).toBe('operational')

    const { update, incident: reopened } = await callJson(
      'POST',
      `/api/v1/incidents/${incident.id}/reopen`,
    )
    expect(update.status).toBe('investigating')
    expect(update.body).toMatch(/still broken/i)
    expect(reopened).toMatchObject({ status: 'investigating', resolved_at: null })
    expect((await callJson('GET', `/api/v1/components/${down.id}`)).status).toBe('major_outage')
    expect((await callJson('GET', `/api/v1/components/${slow.id}`)).status).toBe(
      'degraded_performance',
    )
    // Subscribers are told, as for any update.
    const events = await rows<{ event_type: string }>(
      'SELECT event_type FROM outbox WHERE update_id = ?',
      update.id,
    )
    expect(events).toEqual([{ event_type: 'incident.updated' }])
    // The public page shows it open again.
    const v2 = await callJson('GET', '/api/v2/incidents/unresolved.json', { token: null })
    expect(v2.incidents.map((i: { id: string }) => i.id)).toContain(incident.id)
  })

  it('takes an optional body, needs write, and refuses what cannot be reopened (409) without writing', async () => {
    const incident = await resolved()
    const reader = await makeToken(['read'])
    const forbidden = await call('POST', `/api/v1/incidents/${incident.id}/reopen`, {
      token: reader.token,
    })
    expect(forbidden.status).toBe(403)

    const { update } = await callJson('POST', `/api/v1/incidents/${incident.id}/reopen`, {
      body: { body: 'Several of you still have no service.' },
    })
    expect(update.body).toBe('Several of you still have no service.')

    const again = await errorOf(await call('POST', `/api/v1/incidents/${incident.id}/reopen`))
    expect(again).toMatchObject({ status: 409, code: 'conflict' })

    const final = await resolved()
    await postUpdate(final.id, { status: 'postmortem', body: 'What happened.' })
    const before = await rows('SELECT id FROM incident_updates WHERE incident_id = ?', final.id)
    expect((await errorOf(await call('POST', `/api/v1/incidents/${final.id}/reopen`))).status).toBe(
      409,
    )
    expect(await rows('SELECT id FROM incident_updates WHERE incident_id = ?', final.id)).toEqual(
      before,
    )

    const typo = await errorOf(
      await call('POST', `/api/v1/incidents/${final.id}/reopen`, { body: { text: 'x' } }),
    )
    expect(typo).toMatchObject({ status: 400, code: 'validation_failed' })
    expect((await errorOf(await call('POST', '/api/v1/incidents/nosuch/reopen'))).status).toBe(404)
  })
})

describe('the one-click reopen link', () => {
  it('GET shows a button and changes nothing; POST reopens once, recorded as the reopen link', async () => {
    const incident = await resolved()
    await answers(incident.id, 1, 4)
    const now = new Date()
    const link = await issueReopenLink(env.DB, incident.id, 'http://candor.test', now)
    await link.statement.run()
    const path = new URL(link.url).pathname
    expect(path).toMatch(/^\/reopen\/[A-Za-z0-9_-]{20,}$/)
    // Only the hash is stored.
    const token = path.split('/').pop()!
    expect(await rows('SELECT * FROM incident_link_tokens WHERE token_hash = ?', token)).toEqual([])

    const view = await getPage(path)
    expect(view.status).toBe(200)
    expect(view.html).toContain('Reopen the incident')
    expect(view.html).toContain('4 customers say it is still broken')
    expect((await callJson('GET', `/api/v1/incidents/${incident.id}`)).status).toBe('resolved')

    const foreign = await postForm(path, {}, { origin: 'https://elsewhere.example' })
    expect(foreign.status).toBe(403)
    expect((await callJson('GET', `/api/v1/incidents/${incident.id}`)).status).toBe('resolved')

    const done = await postForm(path, {})
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('is open again')
    expect((await callJson('GET', `/api/v1/incidents/${incident.id}`)).status).toBe('investigating')
    const [audit] = await rows<{ actor: string; action: string }>(
      'SELECT actor, action FROM audit_log WHERE target_id = ? ORDER BY id DESC LIMIT 1',
      incident.id,
    )
    expect(audit).toEqual({ actor: 'reopen-link', action: 'incident.update' })
    // The public page shows it at once.
    expect((await getPage(`/incidents/${incident.id}`)).html).toContain('Are you affected?')

    // Used up: resolved again, the same link reopens nothing.
    await postUpdate(incident.id, { status: 'resolved', body: 'Fixed again.' })
    expect((await postForm(path, {})).status).toBe(410)
    expect((await callJson('GET', `/api/v1/incidents/${incident.id}`)).status).toBe('resolved')
  })

  it('expires after 7 days, and is no answer link', async () => {
    const incident = await resolved()
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000)
    const old = await issueReopenLink(env.DB, incident.id, 'http://candor.test', eightDaysAgo)
    await old.statement.run()
    expect((await postForm(new URL(old.url).pathname, {})).status).toBe(410)

    const fresh = await issueReopenLink(env.DB, incident.id, 'http://candor.test', new Date())
    await fresh.statement.run()
    const token = new URL(fresh.url).pathname.split('/').pop()!
    expect((await postForm(`/resolution/${token}`, {})).status).toBe(404)
    expect((await callJson('GET', `/api/v1/incidents/${incident.id}`)).status).toBe('resolved')
  })
})

describe('the OpenAPI document', () => {
  it('describes reopen, the counts and the page settings', async () => {
    const doc = await callJson('GET', '/api/v1/openapi.json', { token: null })
    const reopen = doc.paths['/api/v1/incidents/{id}/reopen']?.post
    expect(reopen?.security).toEqual([{ Bearer: [] }])
    expect(Object.keys(reopen.responses)).toEqual(expect.arrayContaining(['201', '404', '409']))
    expect(reopen.requestBody.required).toBe(false)
    const schemas = doc.components.schemas
    expect(schemas.Incident.properties.resolution_check).toEqual({
      $ref: '#/components/schemas/ResolutionCheck',
    })
    expect(Object.keys(schemas.ResolutionCheck.properties)).toEqual([
      'fixed',
      'still_broken',
      'by_area',
    ])
    expect(schemas.Incident.properties).toHaveProperty(['affected_reports'])
    expect(schemas.PageInput.properties).toHaveProperty(['dispute_min_votes'])
    expect(schemas.PageInput.properties).toHaveProperty(['dispute_min_share'])
    expect(schemas.PageInput.properties).toHaveProperty(['show_affected_counts'])
    // PageSettings extends the Statuspage Page object with the settings.
    expect(JSON.stringify(schemas.PageSettings)).toContain('"show_affected_counts"')
  })
})

describe('answer links', () => {
  it('work for 14 days, then answer nothing (410)', async () => {
    const incident = await resolved()
    const subscriberId = await makeEmailSubscriber(uniqueEmail('expiry'))
    const day = 86_400_000
    const issue = async (ageDays: number) => {
      const { links, statement } = await issueAnswerLinks(
        env.DB,
        incident.id,
        [subscriberId],
        'http://candor.test',
        new Date(Date.now() - ageDays * day),
      )
      await statement!.run()
      return new URL(links.get(subscriberId)!.stillBroken).pathname
    }
    const stale = await issue(14.01)
    expect((await getPage(stale)).status).toBe(410)
    expect((await postForm(stale, {})).status).toBe(410)
    expect(await rows('SELECT * FROM resolution_votes WHERE incident_id = ?', incident.id)).toEqual(
      [],
    )
    const recent = await issue(13.9)
    expect((await postForm(recent, {})).status).toBe(200)
    expect(
      (await callJson('GET', `/api/v1/incidents/${incident.id}`)).resolution_check,
    ).toMatchObject({ fixed: 0, still_broken: 1 })
  })
})
