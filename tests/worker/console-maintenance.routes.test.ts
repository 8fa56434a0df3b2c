import { beforeAll, describe, expect, it } from 'vitest'
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
  makeArea,
  makeComponent,
  makeMaintenance,
  postMaintenanceUpdate,
  rows,
  tableCounts,
} from './factories'

let editor: Member
let viewer: Member

function post(member: Member, path: string, form: Record<string, string>) {
  return browser('POST', path, {
    cookie: member.cookie,
    headers: SAME_ORIGIN,
    form: { csrf: member.csrf, ...form },
  })
}

async function actorsOf(targetId: string): Promise<string[]> {
  const found = await rows<{ actor: string }>(
    'SELECT actor FROM audit_log WHERE target_id = ? ORDER BY id',
    targetId,
  )
  return found.map((r) => r.actor)
}

beforeAll(async () => {
  await callJson('PATCH', '/api/v1/page', { body: { time_zone: 'Europe/Paris' } })
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

describe('the maintenance screen', () => {
  it('lists maintenance under way, upcoming and recent, in the page time zone', async () => {
    const component = await makeComponent({ name: 'Billing API' })
    const upcoming = await makeMaintenance({
      name: 'Network swap',
      scheduled_for: '2031-03-01T08:00:00Z',
      scheduled_until: '2031-03-01T09:00:00Z',
      component_ids: [component.id],
    })
    const running = await makeMaintenance({ name: 'Disk resize' })
    await postMaintenanceUpdate(running.id, { status: 'in_progress' })
    const done = await makeMaintenance({ name: 'Kernel patch' })
    await postMaintenanceUpdate(done.id, { status: 'completed' })

    const html = await (
      await browser('GET', '/console/maintenance', { cookie: viewer.cookie })
    ).text()
    const inProgress = html.slice(
      html.indexOf('<h2>In progress</h2>'),
      html.indexOf('<h2>Upcoming</h2>'),
    )
    const coming = html.slice(html.indexOf('<h2>Upcoming</h2>'), html.indexOf('<h2>Recent</h2>'))
    const recent = html.slice(html.indexOf('<h2>Recent</h2>'))
    expect(inProgress).toContain(`href="/console/maintenance/${running.id}">Disk resize</a>`)
    expect(coming).toContain(`href="/console/maintenance/${upcoming.id}">Network swap</a>`)
    // 08:00 UTC on 1 March is 09:00 in Paris.
    expect(coming).toContain('2031-03-01 09:00 Europe/Paris')
    expect(coming).toContain('Billing API')
    expect(recent).toContain('Kernel patch')
    expect(coming).not.toContain('Disk resize')
    // A viewer reads; no form to schedule.
    expect(html).not.toContain('action="/console/maintenance"')
    expect(html).not.toContain('Starts (Europe/Paris)')
  })

  it('schedules maintenance from the form, times read in the page time zone', async () => {
    const component = await makeComponent()
    const area = await makeArea()
    const form = await (
      await browser('GET', '/console/maintenance', { cookie: editor.cookie })
    ).text()
    for (const label of [
      'Name',
      'Message',
      'Starts (Europe/Paris)',
      'Ends (Europe/Paris)',
      'Remind subscribers before',
      'Start automatically',
      'Complete automatically',
      'Notify subscribers',
    ]) {
      expect(form).toContain(`>${label}</label>`)
    }
    expect(form).toContain(`value="${component.id}"`)
    expect(form).toContain(`value="${area.id}"`)

    const res = await post(editor, '/console/maintenance', {
      name: 'Database upgrade',
      body: 'We upgrade the primary database.',
      scheduled_for: '2030-06-01T09:00',
      scheduled_until: '2030-06-01T11:30',
      component_ids: component.id,
      area_ids: area.id,
      remind_before: '30',
      auto_start: 'on',
      notify: 'on',
    })
    expect(res.status).toBe(303)
    const location = res.headers.get('location')!
    const id = /^\/console\/maintenance\/([^/?]+)\?done=scheduled$/.exec(location)?.[1]
    expect(id).toBeTruthy()
    const saved = await callJson('GET', `/api/v1/maintenances/${id}`)
    expect(saved).toMatchObject({
      name: 'Database upgrade',
      status: 'scheduled',
      // Paris is two hours ahead of UTC in June.
      scheduled_for: '2030-06-01T07:00:00.000Z',
      scheduled_until: '2030-06-01T09:30:00.000Z',
      remind_before_minutes: 30,
      scheduled_auto_in_progress: true,
      scheduled_auto_completed: false,
    })
    expect(saved.components.map((c: { id: string }) => c.id)).toEqual([component.id])
    expect(await actorsOf(id!)).toContain(editor.email)

    const page = await (await browser('GET', location, { cookie: editor.cookie })).text()
    expect(page).toContain('Maintenance scheduled.')
    expect(page).toContain('2030-06-01 09:00 Europe/Paris')
  })

  it('takes another number of reminder minutes', async () => {
    const res = await post(editor, '/console/maintenance', {
      name: 'Certificate rotation',
      body: 'Short work.',
      scheduled_for: '2030-07-01T10:00',
      scheduled_until: '2030-07-01T10:30',
      remind_before: 'exact',
      remind_before_exact: '45',
    })
    expect(res.status).toBe(303)
    const id = res.headers.get('location')!.split('/').pop()!.split('?')[0]!
    const saved = await callJson('GET', `/api/v1/maintenances/${id}`)
    expect(saved.remind_before_minutes).toBe(45)
  })

  it('refuses a bad form with errors beside the fields, keeps what was typed and writes nothing', async () => {
    const before = await tableCounts()
    const res = await post(editor, '/console/maintenance', {
      name: '  ',
      body: 'Typed message stays',
      scheduled_for: 'next tuesday',
      scheduled_until: '2030-06-01T11:00',
      remind_before: 'exact',
      remind_before_exact: '0',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toMatch(/id="schedule-name-error">[^<]+</)
    expect(html).toContain(
      'id="schedule-scheduled_for-error">Give a date and time (in Europe/Paris).',
    )
    expect(html).toMatch(/id="schedule-remind_before-error">Give a whole number of minutes/)
    expect(html).toContain('Typed message stays</textarea>')
    expect(html).toContain('value="next tuesday"')
    expect(html).toContain('value="2030-06-01T11:00"')
    expect(await tableCounts()).toEqual(before)
  })

  it("refuses an end before the start (the verb's own rule) beside Ends", async () => {
    const before = await tableCounts()
    const res = await post(editor, '/console/maintenance', {
      name: 'Backwards',
      body: 'Ends before it starts.',
      scheduled_for: '2030-06-01T11:00',
      scheduled_until: '2030-06-01T09:00',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('id="schedule-scheduled_until-error">scheduled_until must be after')
    expect(html).toContain('value="Backwards"')
    expect(await tableCounts()).toEqual(before)
  })
})

describe('one maintenance', () => {
  it('shows its facts and updates; a viewer gets no forms', async () => {
    const area = await makeArea()
    const m = await makeMaintenance({
      name: 'Storage move',
      body: 'We move storage.',
      scheduled_for: '2031-01-10T12:00:00Z',
      scheduled_until: '2031-01-10T14:00:00Z',
      area_ids: [area.id],
      remind_before_minutes: 60,
      auto_complete: true,
    })
    const html = await (
      await browser('GET', `/console/maintenance/${m.id}`, { cookie: viewer.cookie })
    ).text()
    expect(html).toContain('<h1>Storage move</h1>')
    expect(html).toContain('2031-01-10 13:00 Europe/Paris')
    expect(html).toContain('60 minutes before it starts')
    expect(html).toContain(area.name)
    expect(html).toContain('We move storage.')
    expect(html).not.toContain('Post an update')
    expect(html).not.toContain(`action="/console/maintenance/${m.id}/cancel"`)
  })

  it('posts an update that moves the status forward; offers no way back', async () => {
    const m = await makeMaintenance()
    const page = await (
      await browser('GET', `/console/maintenance/${m.id}`, { cookie: editor.cookie })
    ).text()
    expect(page).toContain('<option value="scheduled" selected="">Scheduled</option>')

    const res = await post(editor, `/console/maintenance/${m.id}/updates`, {
      status: 'in_progress',
      body: 'Work has begun.',
      notify: 'on',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/console/maintenance/${m.id}?done=updated`)
    const saved = await callJson('GET', `/api/v1/maintenances/${m.id}`)
    expect(saved.status).toBe('in_progress')
    expect(saved.incident_updates[0].body).toBe('Work has begun.')
    expect(await actorsOf(m.id)).toContain(editor.email)

    const after = await (
      await browser('GET', res.headers.get('location')!, { cookie: editor.cookie })
    ).text()
    expect(after).toContain('Update posted.')
    expect(after).not.toContain('<option value="scheduled"')
    expect(after).toContain('<option value="verifying">Verifying</option>')
    // No cancelling once under way.
    expect(after).not.toContain(`action="/console/maintenance/${m.id}/cancel"`)

    // A forged step back is refused beside Status, nothing written.
    const before = await tableCounts()
    const back = await post(editor, `/console/maintenance/${m.id}/updates`, {
      status: 'scheduled',
      body: 'Back we go.',
    })
    expect(back.status).toBe(409)
    const backHtml = await back.text()
    expect(backHtml).toContain(
      'id="update-status-error">A maintenance cannot go from in_progress back to scheduled.',
    )
    expect(backHtml).toContain('Back we go.</textarea>')
    expect(await tableCounts()).toEqual(before)
  })

  it('refuses an update without a message, writing nothing', async () => {
    const m = await makeMaintenance()
    const before = await tableCounts()
    const res = await post(editor, `/console/maintenance/${m.id}/updates`, {
      status: 'verifying',
      body: '',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toMatch(/id="update-body-error">[^<]+</)
    expect(html).toContain('<option value="verifying" selected="">Verifying</option>')
    expect(await tableCounts()).toEqual(before)
  })

  it('cancels a scheduled maintenance with the API cancel verb', async () => {
    const m = await makeMaintenance()
    const res = await post(editor, `/console/maintenance/${m.id}/cancel`, {
      body: '',
      notify: 'on',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/console/maintenance/${m.id}?done=cancelled`)
    const saved = await callJson('GET', `/api/v1/maintenances/${m.id}`)
    expect(saved.status).toBe('completed')
    expect(saved.cancelled_at).not.toBeNull()
    expect(saved.incident_updates[0].body).toBe(
      'This maintenance is cancelled; no work will take place.',
    )
    expect(await actorsOf(m.id)).toContain(editor.email)
    const page = await (
      await browser('GET', res.headers.get('location')!, { cookie: viewer.cookie })
    ).text()
    expect(page).toContain('Maintenance cancelled.')
    expect(page).toContain('Cancelled')

    // Cancelling again is refused with the verb's sentence, nothing written.
    const before = await tableCounts()
    const again = await post(editor, `/console/maintenance/${m.id}/cancel`, { body: 'Again' })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain(
      'Only a maintenance that is still scheduled can be cancelled.',
    )
    expect(await tableCounts()).toEqual(before)
  })

  it("refuses a viewer's forged update", async () => {
    const m = await makeMaintenance()
    const before = await tableCounts()
    const res = await post(viewer, `/console/maintenance/${m.id}/updates`, {
      status: 'in_progress',
      body: 'Sneaky.',
    })
    expect(res.status).toBe(403)
    expect(await tableCounts()).toEqual(before)
    expect(inMinutes(0)).toBeTruthy()
  })
})
