import { beforeAll, describe, expect, it } from 'vitest'
import {
  browser,
  SAME_ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import { callJson, rows, tableCounts } from './factories'

let owner: Member
let editor: Member

function post(member: Member, path: string, form: Record<string, string>) {
  return browser('POST', path, {
    cookie: member.cookie,
    headers: SAME_ORIGIN,
    form: { csrf: member.csrf, ...form },
  })
}

async function lastAudit(action: string) {
  const [row] = await rows<{ actor: string; details: string }>(
    'SELECT actor, details FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1',
    action,
  )
  return row
}

/** The intake form as the page shows it: every field with its value (the selected option). */
function intakeFormOf(html: string): Record<string, string> {
  const form = html.slice(html.indexOf('action="/console/settings/intake"'))
  const fields: Record<string, string> = {}
  for (const m of form.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
    const tag = m[0]
    if (m[1] === 'csrf') continue
    if (tag.includes('type="checkbox"')) {
      if (tag.includes('checked')) fields[m[1]!] = 'on'
      continue
    }
    fields[m[1]!] = /value="([^"]*)"/.exec(tag)?.[1] ?? ''
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    fields[m[1]!] = /<option value="([^"]*)" selected=""/.exec(m[2]!)?.[1] ?? ''
  }
  return fields
}

beforeAll(async () => {
  owner = await withCsrf(await signedInMember('owner'))
  editor = await withCsrf(await signedInMember('editor'))
})

describe('page settings', () => {
  it('is for owners only: an editor is refused reading and writing', async () => {
    const read = await browser('GET', '/console/settings', { cookie: editor.cookie })
    expect(read.status).toBe(403)
    const before = await tableCounts()
    for (const path of ['/console/settings', '/console/settings/intake']) {
      const res = await post(editor, path, { name: 'Hijacked', time_zone: 'Asia/Tokyo' })
      expect([path, res.status]).toEqual([path, 403])
    }
    expect(await tableCounts()).toEqual(before)
    expect((await callJson('GET', '/api/v1/page')).name).not.toBe('Hijacked')
    // Other screens are untouched by the owner rule.
    expect((await browser('GET', '/console/components', { cookie: editor.cookie })).status).toBe(
      200,
    )
  })

  it('shows the settings in force', async () => {
    await callJson('PATCH', '/api/v1/page', {
      body: { name: 'Acme status', dispute_min_votes: 7, show_affected_counts: true },
    })
    const html = await (await browser('GET', '/console/settings', { cookie: owner.cookie })).text()
    expect(html).toContain('id="page-name" name="name" type="text" value="Acme status"')
    expect(html).toMatch(/name="dispute_min_votes" type="number" value="7"/)
    expect(html).toMatch(
      /id="page-show_affected_counts" type="checkbox" name="show_affected_counts" value="on" checked/,
    )
    expect(html).toContain('<option value="Europe/Paris">Europe/Paris</option>')
    expect(html).toContain('>Time zone</label>')
    // The intake mapping, defaults shown.
    expect(html).toContain('Severity “critical”')
    expect(html).toContain('name="component_label" type="text" value="component"')
    expect(html).toMatch(/name="notify_interval_minutes" type="number" value="15"/)
  })

  it('saves the page settings as PATCH /api/v1/page does', async () => {
    const res = await post(owner, '/console/settings', {
      name: 'Renamed page',
      time_zone: 'America/New_York',
      language: 'de',
      dispute_min_votes: '5',
      dispute_min_share: '40',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/console/settings?done=page')
    expect(await callJson('GET', '/api/v1/page')).toMatchObject({
      name: 'Renamed page',
      time_zone: 'America/New_York',
      language: 'de',
      dispute_min_votes: 5,
      dispute_min_share: 40,
      show_affected_counts: false,
    })
    expect((await lastAudit('page.update'))!.actor).toBe(owner.email)
    const page = await (
      await browser('GET', '/console/settings?done=page', { cookie: owner.cookie })
    ).text()
    expect(page).toContain('Page settings saved.')
    expect(page).toContain('<option value="America/New_York" selected="">')
    expect(page).toContain('<option value="de" selected="">Deutsch</option>')
  })

  it('refuses bad page settings beside the fields, keeping what was typed', async () => {
    const before = await tableCounts()
    const saved = await callJson('GET', '/api/v1/page')
    const res = await post(owner, '/console/settings', {
      name: 'Typed name',
      time_zone: 'Mars/Olympus',
      language: 'klingon',
      dispute_min_votes: 'many',
      dispute_min_share: '250',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('id="page-dispute_min_votes-error">Give a whole number.')
    expect(html).toMatch(/id="page-dispute_min_share-error">[^<]+</)
    expect(html).toMatch(/id="page-language-error">[^<]+</)
    expect(html).toContain('value="Typed name"')
    expect(html).toContain('value="many"')
    expect(await tableCounts()).toEqual(before)
    expect(await callJson('GET', '/api/v1/page')).toEqual(saved)

    // An unknown zone is the verb's own refusal.
    const zone = await post(owner, '/console/settings', {
      name: 'Typed name',
      time_zone: 'Mars/Olympus',
      dispute_min_votes: '3',
      dispute_min_share: '30',
    })
    expect(zone.status).toBe(400)
    expect(await zone.text()).toContain(
      'id="page-time_zone-error">Unknown time zone &quot;Mars/Olympus&quot;.',
    )
    expect(await tableCounts()).toEqual(before)
  })
})

describe('intake settings', () => {
  it('saves the mapping as PATCH /api/v1/intake/settings does', async () => {
    const html = await (await browser('GET', '/console/settings', { cookie: owner.cookie })).text()
    const form = intakeFormOf(html)
    const critical = Object.keys(form).find((k) => form[k] === 'critical' && k.endsWith('.name'))!
    const info = Object.keys(form).find((k) => form[k] === 'info' && k.endsWith('.name'))!
    const res = await post(owner, '/console/settings/intake', {
      ...form,
      component_label: 'service',
      [critical.replace('.name', '.component_status')]: 'partial_outage',
      [info.replace('.name', '.remove')]: 'on',
      'new_severity.name': 'Page',
      'new_severity.impact': 'critical',
      'new_severity.component_status': 'major_outage',
      default_severity: 'critical',
      open_as_draft: 'on',
      notify_interval_minutes: '30',
    })
    expect(res.status).toBe(303)
    const saved = await callJson('GET', '/api/v1/intake/settings')
    expect(saved).toMatchObject({
      component_label: 'service',
      area_label: 'area',
      default_severity: 'critical',
      open_as_draft: true,
      resolve_when_resolved: false,
      notify_interval_minutes: 30,
    })
    expect(saved.severities.critical).toEqual({
      impact: 'critical',
      component_status: 'partial_outage',
    })
    expect(saved.severities.page).toEqual({ impact: 'critical', component_status: 'major_outage' })
    expect(saved.severities.info).toBeUndefined()
    expect(saved.severities.warning).toEqual({
      impact: 'minor',
      component_status: 'degraded_performance',
    })
    expect((await lastAudit('intake.settings'))!.actor).toBe(owner.email)
  })

  it('refuses a bad mapping beside the fields, writing nothing', async () => {
    const html = await (await browser('GET', '/console/settings', { cookie: owner.cookie })).text()
    const form = intakeFormOf(html)
    const before = await tableCounts()
    const saved = await callJson('GET', '/api/v1/intake/settings')
    const res = await post(owner, '/console/settings/intake', {
      ...form,
      severity_label: 'has spaces',
      notify_interval_minutes: '5000',
    })
    expect(res.status).toBe(400)
    const page = await res.text()
    expect(page).toContain(
      'id="intake-severity_label-error">A label name is letters, digits and underscores.',
    )
    expect(page).toMatch(/id="intake-notify_interval_minutes-error">[^<]+</)
    expect(page).toContain('value="has spaces"')
    expect(page).toContain('value="5000"')
    expect(await tableCounts()).toEqual(before)
    expect(await callJson('GET', '/api/v1/intake/settings')).toEqual(saved)

    // Removing the default severity: the verb refuses it beside Default severity.
    const defaultRow = Object.keys(form).find(
      (k) => k.endsWith('.name') && form[k] === form.default_severity,
    )!
    const orphan = await post(owner, '/console/settings/intake', {
      ...form,
      [defaultRow.replace('.name', '.remove')]: 'on',
    })
    expect(orphan.status).toBe(400)
    expect(await orphan.text()).toMatch(/id="intake-default_severity-error">The default severity/)
    expect(await tableCounts()).toEqual(before)
  })
})
