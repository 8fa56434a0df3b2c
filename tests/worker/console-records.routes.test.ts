import { createExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { runClock } from '../../src/clock/run-clock'
import type { AppEnv } from '../../src/env'
import {
  browser,
  ORIGIN,
  SAME_ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import { callJson, inMinutes, makeIncident, makeToken, rows } from './factories'
import { hookUrl } from './harness'
import { hookName, waitFor } from './pipeline-helpers'

/** The record screens any member may read: ops alerts and the audit log. */

let editor: Member
let viewer: Member

/** A console page rendered by the app with other settings (OPS_WEBHOOK_URL, OPS_EMAIL). */
async function pageWith(settings: Partial<AppEnv>, path: string, cookie: string) {
  const res = await createApp().request(
    `${ORIGIN}${path}`,
    { headers: { cookie } },
    { ...(env as AppEnv), ...settings },
    createExecutionContext(),
  )
  return { status: res.status, html: await res.text() }
}

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

describe('the ops alerts screen', () => {
  it('shows where alerts go; a refused OPS_WEBHOOK_URL with its reason', async () => {
    const unset = await pageWith(
      { OPS_WEBHOOK_URL: '', OPS_EMAIL: '' },
      '/console/ops-alerts',
      viewer.cookie,
    )
    expect(unset.status).toBe(200)
    expect(unset.html).toContain('not set (OPS_WEBHOOK_URL)')
    expect(unset.html).toContain('not set (OPS_EMAIL)')

    const refused = await pageWith(
      { OPS_WEBHOOK_URL: 'ftp://hooks.example.com/ops', OPS_EMAIL: 'oncall@ops.example.net' },
      '/console/ops-alerts',
      viewer.cookie,
    )
    expect(refused.html).toContain(
      'refused, nothing is sent to it: The webhook URL must start with https:// or http://.',
    )
    expect(refused.html).toContain('oncall@ops.example.net')
    // The same as the API reports.
    const api = await callJson('GET', '/api/v1/ops-alerts/settings')
    expect(api.webhook).toMatchObject({ configured: false, usable: false })
  })

  it('a viewer sees a webhook URL by its origin only; an editor sees all of it', async () => {
    const url = 'https://hooks.example.com/services/T000/B000/very-secret'
    const asViewer = await pageWith({ OPS_WEBHOOK_URL: url }, '/console/ops-alerts', viewer.cookie)
    expect(asViewer.html).toContain('https://hooks.example.com/…')
    expect(asViewer.html).not.toContain('very-secret')
    const asEditor = await pageWith({ OPS_WEBHOOK_URL: url }, '/console/ops-alerts', editor.cookie)
    expect(asEditor.html).toContain(url)
  })

  it('lists the alerts raised, newest first, with how each send went', async () => {
    const name = hookName('console-ops')
    const ops = {
      ...(env as AppEnv),
      OPS_WEBHOOK_URL: hookUrl(name),
      OPS_EMAIL: `${name}@ops.candor.test`,
    }
    const incident = await makeIncident({ name: 'Lift outage', next_update_at: inMinutes(2) })
    await runClock(ops, new Date(Date.now() + 3 * 60_000))
    const alerts = await waitFor(
      () => callJson<any[]>('GET', `/api/v1/ops-alerts?incident_id=${incident.id}`),
      (list) => list.length === 1,
      15_000,
      'the ops alert',
    )
    const res = await browser('GET', '/console/ops-alerts', { cookie: viewer.cookie })
    expect(res.status).toBe(200)
    const html = await res.text()
    const row = new RegExp(
      `<td>Update overdue</td><td><a href="/console/incidents/${incident.id}">${incident.id}</a></td>`,
    )
    expect(html).toMatch(row)
    expect(html).toContain(`${name}@ops.candor.test`)
    // The webhook send's URL, by origin only for a viewer.
    expect(html).not.toContain(hookUrl(name))
    expect(alerts[0].sends.map((s: any) => s.channel).sort()).toEqual(['email', 'webhook'])
    // Newest first: this alert comes before any older one.
    const first =
      /<td>(Update overdue|ETA passed|Resolution disputed)<\/td><td><a href="\/console\/incidents\/([^"]+)"/.exec(
        html,
      )
    expect(first?.[2]).toBe(incident.id)
  })
})

describe('the audit log screen', () => {
  it('shows who did what, newest first: members by address, tokens by name', async () => {
    const token = await makeToken(['write'])
    const [{ name: tokenName }] = (await rows<{ name: string }>(
      'SELECT name FROM api_tokens WHERE id = ?',
      token.id,
    )) as [{ name: string }]
    await callJson('POST', '/api/v1/areas', {
      body: { name: `Area ${token.id}` },
      token: token.token,
    })
    const created = await browser('POST', '/console/webhooks', {
      cookie: editor.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: editor.csrf, url: hookUrl(hookName('audit')) },
    })
    expect(created.status).toBe(200)

    const res = await browser('GET', '/console/audit', { cookie: viewer.cookie })
    expect(res.status).toBe(200)
    const html = await res.text()
    const webhookLine = html.indexOf(`<td>${editor.email}</td><td>webhook.create</td>`)
    const tokenLine = html.indexOf(`<td>token “${tokenName}”</td><td>area.create</td>`)
    expect(webhookLine).toBeGreaterThan(0)
    expect(tokenLine).toBeGreaterThan(webhookLine)
    // A viewer is not shown the details (a webhook's URL is among them); an editor is.
    expect(html).not.toContain('audit-details')
    const asEditor = await (
      await browser('GET', '/console/audit', { cookie: editor.cookie })
    ).text()
    expect(asEditor).toContain('class="audit-details"')
  })

  it('filters by who, and goes back a page at a time', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await browser('POST', '/console/webhooks', {
        cookie: editor.cookie,
        headers: SAME_ORIGIN,
        form: { csrf: editor.csrf, url: hookUrl(hookName(`audit-page-${i}`)) },
      })
      expect(res.status).toBe(200)
    }
    const mine = await rows<{ id: number }>(
      'SELECT id FROM audit_log WHERE actor = ? ORDER BY id DESC',
      editor.email,
    )
    expect(mine.length).toBeGreaterThanOrEqual(4)
    const q = `actor=${encodeURIComponent(editor.email)}`
    const filtered = await (
      await browser('GET', `/console/audit?${q}`, { cookie: viewer.cookie })
    ).text()
    const actors = [...filtered.matchAll(/<td>([^<]+)<\/td><td>[a-z_]+\.[a-z_]+<\/td>/g)].map(
      (m) => m[1],
    )
    expect(actors.length).toBe(mine.length > 50 ? 50 : mine.length)
    expect(new Set(actors)).toEqual(new Set([editor.email]))
    expect(filtered).toMatch(new RegExp(`<option value="${editor.email}" selected="">`))

    // Older than the newest two of this member's lines: the rest, in order.
    const before = mine[1]!.id
    const older = await (
      await browser('GET', `/console/audit?${q}&before=${before}`, { cookie: viewer.cookie })
    ).text()
    const olderCount = [
      ...older.matchAll(new RegExp(`<td>${editor.email}</td><td>[a-z_]+\\.[a-z_]+</td>`, 'g')),
    ].length
    expect(olderCount).toBe(mine.filter((m) => m.id < before).length)
    expect(older).toContain(`href="/console/audit?${q}">Newest</a>`)
  })

  it('is open to every member, and has no form to forge', async () => {
    for (const path of ['/console/audit', '/console/ops-alerts']) {
      const res = await browser('GET', path, { cookie: viewer.cookie })
      expect([path, res.status]).toEqual([path, 200])
    }
    const nav = await (await browser('GET', '/console', { cookie: viewer.cookie })).text()
    expect(nav).toContain('href="/console/audit"')
    expect(nav).toContain('href="/console/ops-alerts"')
  })
})
