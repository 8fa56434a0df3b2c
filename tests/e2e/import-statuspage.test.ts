import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SummarySchema } from '../../src/schemas/statuspage'
import { callCandor, until } from './candor-http'
import { startStatuspage, statuspageDocuments } from './statuspage-stand-in'
import { startReceiver, type WebhookReceiver } from './webhook-receiver'
import { startCandor, type RunningCandor } from './wrangler-dev'

/**
 * `npm run import:statuspage` against real pages: a second Candor under `wrangler dev` as the
 * source, and a local server answering with a real Statuspage summary.json and Manage API v1
 * lists shaped as Atlassian's OpenAPI document describes. The target is a Candor with a
 * webhook subscriber, which must hear nothing of the import.
 */

const root = path.resolve(import.meta.dirname, '../..')
const fixtures = path.join(root, '..', 'shared', 'fixtures')
const run = promisify(execFile)

let source: RunningCandor
let target: RunningCandor
let receiver: WebhookReceiver

beforeAll(async () => {
  receiver = await startReceiver()
  // One at a time: two wrangler processes starting together contend for the same socket.
  source = await startCandor()
  target = await startCandor({ ALLOW_HTTP_WEBHOOKS: 'true' })
})

afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop(), receiver?.close()])
})

/** Runs the importer; answers its exit code and parsed JSON report. */
async function importer(args: string[]): Promise<{ code: number; report: any; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [
        'scripts/import-statuspage.mjs',
        '--json',
        '--to',
        target.url,
        '--token',
        target.token,
        ...args,
      ],
      { cwd: root },
    )
    return { code: 0, report: JSON.parse(stdout), stderr }
  } catch (error: any) {
    return {
      code: error.code,
      report: error.stdout ? JSON.parse(error.stdout) : null,
      stderr: error.stderr,
    }
  }
}

const counts = (report: any, section: string) => {
  const { created, updated, skipped, failed } = report.sections[section]
  return { created, updated, skipped, failed }
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()
const ahead = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()

describe('import from a second Candor', () => {
  it('copies components, a group, an incident with every update and its ETA, and a maintenance; again changes nothing; nobody is told', async () => {
    const api = (method: string, p: string, body?: unknown) => callCandor(source, method, p, body)
    const hook = await callCandor(target, 'POST', '/api/v1/webhooks', {
      url: `${receiver.url}/hook`,
    })
    expect(hook.status).toBe(201)

    const broadband = await api('POST', '/api/v1/components', {
      name: 'Broadband',
      group_name: 'Network',
    })
    const phone = await api('POST', '/api/v1/components', { name: 'Phone', group_name: 'Network' })
    const billing = await api('POST', '/api/v1/components', {
      name: 'Billing',
      description: 'Invoices',
    })
    expect([broadband.status, phone.status, billing.status]).toEqual([201, 201, 201])
    const eta = ahead(6)
    const opened = await api('POST', '/api/v1/incidents', {
      name: 'No broadband in M14',
      status: 'investigating',
      impact: 'major',
      body: 'Lines in M14 are down.',
      components: { [broadband.json.id]: 'major_outage' },
      started_at: ago(90),
      display_at: ago(80),
    })
    expect(opened.status).toBe(201)
    const id = opened.json.id
    expect(
      (
        await api('POST', `/api/v1/incidents/${id}/updates`, {
          status: 'identified',
          body: 'A cable was cut by roadworks.',
          eta,
          display_at: ago(50),
        })
      ).status,
    ).toBe(201)
    expect(
      (
        await api('POST', `/api/v1/incidents/${id}/updates`, {
          status: 'monitoring',
          body: 'Splice done; watching.',
          components: { [broadband.json.id]: 'degraded_performance' },
          display_at: ago(20),
        })
      ).status,
    ).toBe(201)
    const resolvedOld = await api('POST', '/api/v1/incidents', {
      name: 'Billing slow',
      status: 'investigating',
      impact: 'minor',
      body: 'Invoices load slowly.',
      components: { [billing.json.id]: 'degraded_performance' },
      started_at: ago(3000),
    })
    await api('POST', `/api/v1/incidents/${resolvedOld.json.id}/updates`, {
      status: 'resolved',
      body: 'Fixed.',
      display_at: ago(2900),
    })
    const maintenance = await api('POST', '/api/v1/maintenances', {
      name: 'Exchange upgrade',
      body: 'New switches in the M14 exchange.',
      scheduled_for: ahead(48),
      scheduled_until: ahead(50),
      component_ids: [phone.json.id],
    })
    expect(maintenance.status).toBe(201)

    const first = await importer(['--from', source.url])
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(counts(first.report, 'components')).toEqual({
      created: 3,
      updated: 0,
      skipped: 0,
      failed: 0,
    })
    expect(counts(first.report, 'incidents')).toEqual({
      created: 2,
      updated: 0,
      skipped: 0,
      failed: 0,
    })
    expect(counts(first.report, 'maintenances')).toEqual({
      created: 1,
      updated: 0,
      skipped: 0,
      failed: 0,
    })

    const pageOf = async (c: RunningCandor) => ({
      summary: SummarySchema.parse((await callCandor(c, 'GET', '/api/v2/summary.json')).json),
      incidents: (await callCandor(c, 'GET', '/api/v2/incidents.json')).json.incidents,
      maintenances: (await callCandor(c, 'GET', '/api/v2/scheduled-maintenances.json')).json
        .scheduled_maintenances,
    })
    const from = await pageOf(source)
    const to = await pageOf(target)
    const components = (s: typeof from.summary) =>
      s.components.map((c) => ({
        name: c.name,
        status: c.status,
        group: c.group,
        description: c.description,
      }))
    expect(components(to.summary)).toEqual(components(from.summary))
    expect(to.summary.status).toEqual(from.summary.status)
    const timeline = (list: any[]) =>
      list.map((i) => ({
        name: i.name,
        status: i.status,
        impact: i.impact,
        started_at: Date.parse(i.started_at),
        resolved_at: i.resolved_at && Date.parse(i.resolved_at),
        eta: i.eta,
        updates: i.incident_updates.map((u: any) => [
          u.status,
          u.body,
          Date.parse(u.display_at),
          u.eta,
        ]),
        components: i.components.map((c: any) => c.name),
      }))
    expect(timeline(to.incidents)).toEqual(timeline(from.incidents))
    expect(to.incidents[0].incident_updates).toHaveLength(3)
    expect(to.incidents[0].eta).toBe(new Date(eta).toISOString())
    expect(timeline(to.maintenances)).toEqual(timeline(from.maintenances))

    const again = await importer(['--from', source.url])
    expect(again.code).toBe(0)
    for (const section of ['components', 'incidents', 'maintenances']) {
      expect(again.report.sections[section].created + again.report.sections[section].updated).toBe(
        0,
      )
    }
    const after = (await callCandor(target, 'GET', '/api/v2/incidents.json')).json.incidents
    expect(timeline(after)).toEqual(timeline(to.incidents))
    expect((await callCandor(target, 'GET', '/api/v1/components')).json).toHaveLength(4)

    // The outbox is drained within seconds; an import that announced anything would show here.
    await new Promise((r) => setTimeout(r, 3000))
    expect(receiver.received).toEqual([])
  }, 90_000)
})

/** Every incident (or maintenance) a Candor holds, read a page at a time with `after`. */
async function everyOne(c: RunningCandor, list: 'incidents' | 'maintenances'): Promise<any[]> {
  const all: any[] = []
  for (;;) {
    const after = all.length ? `&after=${all[all.length - 1].id}` : ''
    const page = await callCandor(c, 'GET', `/api/v1/${list}?status=all&limit=100${after}`)
    expect(page.status).toBe(200)
    all.push(...page.json)
    if (page.json.length < 100) return all
  }
}

describe('import of a long history', () => {
  it('without --api-key sees the 50 most recent and says so; with it copies every one; again changes nothing', async () => {
    const OLD = 110
    // Bulk: backfilled incidents, a few requests at a time.
    const names = Array.from({ length: OLD }, (_, i) => `Old outage ${String(i).padStart(3, '0')}`)
    for (let i = 0; i < OLD; i += 10) {
      const answers = await Promise.all(
        names.slice(i, i + 10).map((name, j) =>
          callCandor(source, 'POST', '/api/v1/incidents', {
            name,
            status: 'resolved',
            impact: 'minor',
            body: `${name} is over.`,
            backfilled: true,
            backfill_date: ago(100_000 - (i + j) * 60),
            resolved_at: ago(100_000 - (i + j) * 60 - 30),
          }),
        ),
      )
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201))
    }
    // The oldest has a published postmortem, which only the Manage API carries.
    const oldest = (await everyOne(source, 'incidents')).find((i) => i.name === names[0])
    const postmortemPath = (id: string) => `/api/v1/incidents/${id}/postmortem`
    const postmortem = '## What happened\n\nA **fibre** was cut.'
    for (const [method, suffix, body] of [
      ['PUT', '', { body: postmortem }],
      ['POST', '/publish', { notify_subscribers: false }],
    ] as const) {
      const answer = await callCandor(source, method, postmortemPath(oldest.id) + suffix, body)
      expect(answer.status, JSON.stringify(answer.json)).toBe(200)
    }
    const sourceIncidents = await everyOne(source, 'incidents')
    expect(sourceIncidents.length).toBeGreaterThan(OLD)
    const before = (await everyOne(target, 'incidents')).length

    const recent = await importer(['--from', source.url])
    expect(recent.code).toBe(0)
    expect(recent.report.seen).toEqual({ from: 'public-v2', incidents: 50, maintenances: 1 })
    expect(recent.report.notes.join('\n')).toMatch(/50 most recent/)
    const afterRecent = (await everyOne(target, 'incidents')).length
    expect(afterRecent).toBe(before + recent.report.sections.incidents.created)

    const withKey = [
      '--from',
      source.url,
      '--api-key',
      source.token,
      '--manage-url',
      `${source.url}/v1`,
    ]
    const full = await importer(withKey)
    expect(full.stderr).toBe('')
    expect(full.code).toBe(0)
    expect(full.report.seen).toEqual({
      from: 'manage-v1',
      incidents: sourceIncidents.length,
      maintenances: 1,
    })
    expect(full.report.notes.join('\n')).not.toMatch(/50 most recent/)
    const history = (list: any[]) =>
      list
        .map((i) => ({
          name: i.name,
          status: i.status,
          started_at: Date.parse(i.started_at),
          updates: i.incident_updates.map((u: any) => [u.status, u.body, Date.parse(u.display_at)]),
        }))
        .sort((a, b) => a.started_at - b.started_at || a.name.localeCompare(b.name))
    const copied = await everyOne(target, 'incidents')
    expect(history(copied)).toEqual(history(sourceIncidents))
    expect(full.report.sections.incidents.created).toBe(copied.length - afterRecent)
    expect(counts(full.report, 'postmortems')).toMatchObject({ created: 1, failed: 0 })
    const copiedOldest = copied.find((i) => i.name === names[0])
    const copiedPostmortem = await callCandor(target, 'GET', postmortemPath(copiedOldest.id))
    expect(copiedPostmortem.json).toMatchObject({ body: postmortem, state: 'published' })
    expect(copiedPostmortem.json.notify_subscribers).toBe(false)

    const again = await importer(withKey)
    expect(again.code).toBe(0)
    for (const section of ['incidents', 'postmortems', 'maintenances']) {
      expect(counts(again.report, section)).toMatchObject({ created: 0, updated: 0, failed: 0 })
    }
    expect(counts(again.report, 'postmortems').skipped).toBe(1)
    expect((await everyOne(target, 'incidents')).length).toBe(copied.length)
    expect(await everyOne(target, 'maintenances')).toHaveLength(1)
    expect(receiver.received).toEqual([])
  }, 120_000)
})

describe("import from a real Statuspage page's payloads", () => {
  it('copies its component, and with --api-key its confirmed subscribers and incident templates', async () => {
    const summary = JSON.parse(
      await readFile(path.join(fixtures, 'statuspage-summary-example.json'), 'utf8'),
    )
    const spec = JSON.parse(
      await readFile(path.join(fixtures, 'statuspage-manage-api-v1.json'), 'utf8'),
    )
    const { pageId, active, unconfirmed, webhook, templates, history } =
      statuspageDocuments(summary)
    // The stand-ins carry only fields Atlassian's document gives these objects.
    const fields = (schema: string) => Object.keys(spec.components.schemas[schema].properties)
    for (const s of [...active, ...unconfirmed, webhook])
      expect(fields('Subscriber')).toEqual(expect.arrayContaining(Object.keys(s)))
    for (const t of templates)
      expect(fields('IncidentTemplate')).toEqual(expect.arrayContaining(Object.keys(t)))
    for (const i of history) {
      expect(fields('Incident')).toEqual(expect.arrayContaining(Object.keys(i)))
      for (const u of i.incident_updates)
        expect(fields('IncidentUpdate')).toEqual(expect.arrayContaining(Object.keys(u)))
    }

    const base = `/v1/pages/${pageId}`
    const statuspage = await startStatuspage({
      '/api/v2/summary.json': summary,
      [`${base}/subscribers?state=active`]: active,
      [`${base}/subscribers?state=unconfirmed`]: unconfirmed,
      [`${base}/subscribers?state=all`]: [...active, ...unconfirmed, webhook],
      [`${base}/incident_templates`]: templates,
      [`${base}/incidents`]: history,
    })
    try {
      const args = [
        '--from',
        statuspage.url,
        '--api-key',
        'sp-key',
        '--manage-url',
        `${statuspage.url}/v1`,
      ]
      const first = await importer(args)
      expect(first.stderr).toBe('')
      expect(first.code).toBe(0)
      expect(counts(first.report, 'components')).toEqual({
        created: 1,
        updated: 0,
        skipped: 0,
        failed: 0,
      })
      expect(first.report.sections.components.details[0].why).toContain('jk03xttfcz9b')
      expect(first.report.seen).toEqual({ from: 'manage-v1', incidents: 1, maintenances: 1 })
      expect(counts(first.report, 'incidents')).toMatchObject({ created: 1, failed: 0 })
      expect(counts(first.report, 'maintenances')).toMatchObject({ created: 1, failed: 0 })
      const seoul = (await everyOne(target, 'incidents')).find(
        (i: any) => i.name === 'Voice degraded in Seoul',
      )
      expect(Date.parse(seoul.started_at)).toBe(Date.parse('2024-02-10T09:00:00.000Z'))
      expect(seoul.incident_updates.map((u: any) => [u.status, Date.parse(u.display_at)])).toEqual([
        ['resolved', Date.parse('2024-02-10T10:30:00.000Z')],
        ['investigating', Date.parse('2024-02-10T09:00:00.000Z')],
      ])
      expect(counts(first.report, 'subscribers')).toEqual({
        created: 2,
        updated: 0,
        skipped: 2,
        failed: 0,
      })
      expect(counts(first.report, 'templates')).toEqual({
        created: 1,
        updated: 0,
        skipped: 1,
        failed: 0,
      })
      expect(
        statuspage.seen.filter((s) => s.includes('/v1/')).every((s) => s.endsWith('OAuth sp-key')),
      ).toBe(true)

      const korea = (await callCandor(target, 'GET', '/api/v1/components')).json.find(
        (c: any) => c.name === 'South Korea',
      )
      expect(korea).toMatchObject({ status: 'operational', position: expect.any(Number) })
      const subs = (await callCandor(target, 'GET', '/api/v1/subscribers?kind=email')).json
        .subscribers
      const byEmail = Object.fromEntries(subs.map((s: any) => [s.email, s]))
      // Ana chose every component the page has (its only one): she follows everything, as Bo does.
      expect(byEmail['ana@example.com']).toMatchObject({ status: 'active', everything: true })
      expect(byEmail['bo@example.com']).toMatchObject({ status: 'active', everything: true })
      expect(byEmail['cy@example.com']).toBeUndefined()
      const template = (await callCandor(target, 'GET', '/api/v1/templates')).json.find(
        (t: any) => t.name === 'Korea down',
      )
      expect(template).toMatchObject({
        kind: 'incident',
        title: 'Voice in South Korea is down',
        status: 'investigating',
        body: 'We are looking into it.',
        components: { [korea.id]: 'major_outage' },
      })

      const again = await importer(args)
      expect(again.code).toBe(0)
      for (const section of [
        'components',
        'incidents',
        'maintenances',
        'subscribers',
        'templates',
      ]) {
        expect(again.report.sections[section].created).toBe(0)
      }
      expect(receiver.received).toEqual([])
    } finally {
      await new Promise((r) => statuspage.server.close(r))
    }
  }, 60_000)

  it('exits non-zero and says why when the source is not a Statuspage page', async () => {
    const empty = await startStatuspage({})
    try {
      const result = await importer(['--from', empty.url])
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/The import stopped: GET .*summary\.json answered 404/)
    } finally {
      await new Promise((r) => empty.server.close(r))
    }
  })
})

describe("the target's webhook subscriber", () => {
  it('hears an ordinary incident, so its silence during the imports means nobody was told', async () => {
    const incident = await callCandor(target, 'POST', '/api/v1/incidents', {
      name: 'Announced as usual',
      status: 'investigating',
      impact: 'minor',
      body: 'Looking into it.',
    })
    expect(incident.status).toBe(201)
    await until(() => receiver.received.length > 0, 20_000, 'the webhook delivery', target.logs)
    expect(JSON.parse(receiver.received[0]!.body).incident.id).toBe(incident.json.id)
  })
})
