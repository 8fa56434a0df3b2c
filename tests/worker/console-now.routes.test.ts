import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { upsertResolutionVote } from '../../src/db/resolution'
import { createIncident } from '../../src/domain/incidents'
import {
  browser,
  SAME_ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import {
  callJson,
  inMinutes,
  makeIncident,
  makeMaintenance,
  postMaintenanceUpdate,
  postUpdate,
  rows,
} from './factories'

/** The Now page: what each open incident owes, drafts to publish, disputes to reopen. */

let editor: Member
let viewer: Member

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

async function nowPage(member: Member = editor, path = '/console'): Promise<string> {
  const res = await browser('GET', path, { cookie: member.cookie })
  expect(res.status).toBe(200)
  return res.text()
}

/** Sets an incident's promise or ETA in the past, as time passing would. */
async function backdate(id: string, column: 'next_update_at' | 'eta', minutesAgo: number) {
  await env.DB.prepare(`UPDATE incidents SET ${column} = ? WHERE id = ?`)
    .bind(inMinutes(-minutesAgo), id)
    .run()
}

/** The row of an item in the Open table, as text without tags. */
function rowText(html: string, id: string): string {
  const match = new RegExp(`<tr data-incident="${id}">([\\s\\S]*?)</tr>`).exec(html)
  expect(match, `a row for ${id}`).not.toBeNull()
  return match![1]!
}

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim()

/** A draft, as the intake opens one. */
async function makeDraft(name: string) {
  return createIncident(
    { db: env.DB, actor: { id: 'intake-test', scopes: ['intake'] }, now: new Date() },
    { name, status: 'investigating', impact: 'major', body: 'Alert firing.' },
    { draft: true },
  )
}

/** A resolved incident with `stillBroken` "still broken" answers and one "fixed". */
async function disputedIncident(stillBroken: number) {
  const incident = await makeIncident()
  await postUpdate(incident.id, { status: 'resolved', body: 'Fixed.' })
  const at = new Date().toISOString()
  const choices = [...Array(stillBroken).fill('still_broken'), 'fixed'] as const
  await env.DB.batch(
    choices.map((choice) =>
      upsertResolutionVote(
        env.DB,
        {
          incidentId: incident.id,
          voterKey: `ip:${crypto.randomUUID()}`,
          subscriberId: null,
          choice: choice as 'fixed' | 'still_broken',
          areaId: null,
        },
        at,
      ),
    ),
  )
  return incident
}

describe('Now', () => {
  it('lists what is owed, the most overdue first, then the soonest due, then nothing promised', async () => {
    const none = await makeIncident()
    const soon = await makeIncident({ next_update_at: inMinutes(20) })
    const later = await makeIncident({ next_update_at: inMinutes(90) })
    const late15 = await makeIncident({ next_update_at: inMinutes(5) })
    const late45 = await makeIncident({ next_update_at: inMinutes(5) })
    const etaPassed = await makeIncident({ next_update_at: inMinutes(200), eta: inMinutes(30) })
    await backdate(late15.id, 'next_update_at', 15)
    await backdate(late45.id, 'next_update_at', 45)
    await backdate(etaPassed.id, 'eta', 10)

    const html = await nowPage()
    const order = [late45, late15, soon, later, etaPassed, none].map((i) =>
      html.indexOf(`<tr data-incident="${i.id}">`),
    )
    expect(order.every((at) => at > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)

    expect(rowText(html, late45.id)).toContain('class="owed-overdue"')
    expect(plain(rowText(html, late45.id))).toContain('Update overdue by 45 min')
    expect(plain(rowText(html, late15.id))).toContain('Update overdue by 15 min')
    expect(plain(rowText(html, soon.id))).toContain('Next update due in 20 min')
    expect(plain(rowText(html, none.id))).toContain('No update promised')
    expect(rowText(html, etaPassed.id)).toContain('class="owed-passed"')
    expect(plain(rowText(html, etaPassed.id))).toContain('ETA passed')
    // Each item links to its incident page.
    expect(rowText(html, late45.id)).toContain(`href="/console/incidents/${late45.id}"`)
  })

  it('shows running maintenance with what it owes, and upcoming maintenance and known faults', async () => {
    const running = await makeMaintenance()
    await postMaintenanceUpdate(running.id, {
      status: 'in_progress',
      next_update_at: inMinutes(30),
    })
    const planned = await makeMaintenance({
      scheduled_for: inMinutes(600),
      scheduled_until: inMinutes(660),
    })
    const fault = await makeIncident({ expected_start: inMinutes(120) })

    const html = await nowPage()
    expect(plain(rowText(html, running.id))).toContain('Next update due in 30 min')
    const upcoming = html.slice(html.indexOf('id="now-upcoming"'))
    expect(upcoming).toContain(`data-incident="${planned.id}"`)
    expect(upcoming).toContain(`data-incident="${fault.id}"`)
    expect(html).not.toContain(`<tr data-incident="${fault.id}">`)
    // It refreshes itself with its script, never with a meta refresh that would break forms.
    expect(html).toContain('src="/console-assets/now.js"')
    expect(html).not.toContain('http-equiv="refresh"')
  })

  it('publishes a draft with one click, as the API would, and lands back on Now', async () => {
    const draft = await makeDraft('Draft from monitoring')
    const html = await nowPage()
    const drafts = html.slice(html.indexOf('id="now-drafts"'))
    expect(drafts).toContain(`action="/console/incidents/${draft.id}/publish"`)
    expect(html).not.toContain(`<tr data-incident="${draft.id}">`)

    const res = await browser('POST', `/console/incidents/${draft.id}/publish`, {
      cookie: editor.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: editor.csrf, back: 'now' },
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/console?done=published')
    const published = await callJson('GET', `/api/v1/incidents/${draft.id}`)
    expect(published.draft).toBe(false)
    expect(
      await rows(
        "SELECT actor FROM audit_log WHERE action = 'incident.publish' AND target_id = ?",
        draft.id,
      ),
    ).toEqual([{ actor: editor.email }])

    const after = await nowPage(editor, res.headers.get('location')!)
    expect(after).toContain('Published: it is on the page')
    expect(after).toContain(`<tr data-incident="${draft.id}">`)
    expect(after).not.toContain(`action="/console/incidents/${draft.id}/publish"`)
  })

  it('shows a disputed resolution with its count and reopens it with one click', async () => {
    const incident = await disputedIncident(5)
    const html = await nowPage()
    const disputes = html.slice(html.indexOf('id="now-disputes"'))
    expect(plain(disputes)).toContain('5 say still broken')
    expect(disputes).toContain(`action="/console/incidents/${incident.id}/reopen"`)

    const res = await browser('POST', `/console/incidents/${incident.id}/reopen`, {
      cookie: editor.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: editor.csrf, back: 'now' },
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/console?done=reopened')
    const reopened = await callJson('GET', `/api/v1/incidents/${incident.id}`)
    expect(reopened.status).toBe('investigating')
    expect(reopened.incident_updates[0].body).toContain('still broken')
    const after = await nowPage()
    expect(after).not.toContain(`action="/console/incidents/${incident.id}/reopen"`)
    expect(after).toContain(`<tr data-incident="${incident.id}">`)
  })

  it('a viewer sees drafts and disputes without buttons; a forged publish is refused', async () => {
    const draft = await makeDraft('Draft a viewer sees')
    const disputed = await disputedIncident(4)
    const html = await nowPage(viewer)
    expect(html).toContain(`href="/console/incidents/${draft.id}"`)
    expect(plain(html)).toContain('4 say still broken')
    expect(html).not.toContain('action="/console/incidents/')

    const before = await rows('SELECT COUNT(*) AS n FROM audit_log')
    const res = await browser('POST', `/console/incidents/${draft.id}/publish`, {
      cookie: viewer.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: viewer.csrf, back: 'now' },
    })
    expect(res.status).toBe(403)
    const reopen = await browser('POST', `/console/incidents/${disputed.id}/reopen`, {
      cookie: viewer.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: viewer.csrf, back: 'now' },
    })
    expect(reopen.status).toBe(403)
    expect((await callJson('GET', `/api/v1/incidents/${draft.id}`)).draft).toBe(true)
    expect((await callJson('GET', `/api/v1/incidents/${disputed.id}`)).status).toBe('resolved')
    expect(await rows('SELECT COUNT(*) AS n FROM audit_log')).toEqual(before)
  })
})
