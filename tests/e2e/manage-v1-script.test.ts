import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mailWatcher } from '../../scripts/lib/owner-sign-in.mjs'
import { startMailSink } from '../../scripts/mail-sink.mjs'
import { callCandor } from './candor-http'
import { freePort, startCandor, type RunningCandor } from './wrangler-dev'

/**
 * A Statuspage script, as Atlassian's examples write it with curl (`-H "Authorization: OAuth
 * KEY" -X POST -d "incident[name]=…"`), pointed at a `wrangler dev` Candor: only the base URL
 * and the key are Candor's. The incident it opens is on the public page, in the v2 API and in a
 * subscriber's mailbox.
 */

const SUBSCRIBER = 'reader@example.test'
const root = path.resolve(import.meta.dirname, '../..')
let candor: RunningCandor
let sink: Awaited<ReturnType<typeof startMailSink>>
let mailDir: string
const watcher = mailWatcher()

beforeAll(async () => {
  mailDir = await mkdtemp(path.join(tmpdir(), 'candor-mail-'))
  sink = await startMailSink({ port: await freePort(), dir: mailDir, onMessage: watcher.onMessage })
  candor = await startCandor({ SMTP_URL: sink.url, EMAIL_FROM: 'status@candor.localhost' })
})

afterAll(async () => {
  await candor?.stop()
  await sink?.stop()
  await rm(mailDir, { recursive: true, force: true })
})

/** `curl $BASE/v1/… -H "Authorization: OAuth $KEY" -X METHOD -d "field=value" …` */
async function curl(key: string, method: string, path: string, fields: [string, string][] = []) {
  const init: RequestInit = { method, headers: { authorization: `OAuth ${key}` } }
  if (fields.length) {
    init.body = new URLSearchParams(fields).toString()
    ;(init.headers as Record<string, string>)['content-type'] = 'application/x-www-form-urlencoded'
  }
  const res = await fetch(`${candor.url}/v1${path}`, init)
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : null }
}

describe('a Statuspage script against Candor', () => {
  it('opens an incident that shows publicly, in /api/v2 and in a confirmed subscriber’s mail', async () => {
    // The operator's part: a key for the script, and a subscriber who agreed to mail.
    const minted = await callCandor(candor, 'POST', '/api/v1/tokens', {
      name: 'statuspage script',
      scopes: ['read', 'write'],
    })
    expect(minted.status).toBe(201)
    const key = minted.json.token as string
    const imported = await fetch(`${candor.url}/api/v1/subscribers/import?consented=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${candor.token}`, 'content-type': 'text/csv' },
      body: `email\n${SUBSCRIBER}\n`,
    })
    expect(imported.status).toBe(200)

    // The script, unchanged but for the base URL and the key.
    const pages = await curl(key, 'GET', '/pages')
    expect(pages.status).toBe(200)
    const pageId = pages.json[0].id as string
    const component = await curl(key, 'POST', `/pages/${pageId}/components`, [
      ['component[name]', 'Checkout'],
      ['component[status]', 'operational'],
    ])
    expect(component.status).toBe(201)
    const mail = watcher.next(
      (m: { to: string[]; subject: string }) =>
        m.to.includes(SUBSCRIBER) && m.subject.includes('Card payments failing'),
      60_000,
    )
    const created = await curl(key, 'POST', `/pages/${pageId}/incidents`, [
      ['incident[name]', 'Card payments failing'],
      ['incident[status]', 'investigating'],
      ['incident[body]', 'Some card payments are declined; we are investigating.'],
      ['incident[component_ids][]', component.json.id],
      [`incident[components][${component.json.id}]`, 'partial_outage'],
      ['incident[deliver_notifications]', 'true'],
    ])
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({ name: 'Card payments failing', impact: 'major' })

    const v2: any = await fetch(`${candor.url}/api/v2/incidents.json`).then((r) => r.json())
    expect(v2.incidents.map((i: { id: string }) => i.id)).toContain(created.json.id)
    const summary: any = await fetch(`${candor.url}/api/v2/components.json`).then((r) => r.json())
    expect(summary.components.find((c: { id: string }) => c.id === component.json.id).status).toBe(
      'partial_outage',
    )
    const html = await fetch(`${candor.url}/`).then((r) => r.text())
    expect(html).toContain('Card payments failing')

    const message = await mail
    expect(message, `no mail reached ${SUBSCRIBER}\n${candor.logs().slice(-3000)}`).not.toBeNull()
    const parsed = await simpleParser(await readFile((message as { file: string }).file))
    expect(parsed.text).toContain('Some card payments are declined; we are investigating.')

    // Later in the script: resolve it, as Statuspage's PATCH does.
    const resolved = await curl(key, 'PATCH', `/pages/${pageId}/incidents/${created.json.id}`, [
      ['incident[status]', 'resolved'],
      ['incident[body]', 'Payments work again.'],
      [`incident[components][${component.json.id}]`, 'operational'],
    ])
    expect(resolved.status).toBe(200)
    expect(resolved.json.status).toBe('resolved')
  }, 120_000)

  it('runs the README’s Statuspage script as written, but for its first line', async () => {
    // The block after the README's marker; its first line points C and T at `npm start`'s
    // Candor, which here is this test's, so the test sets them instead.
    const readme = await readFile(path.join(root, 'README.md'), 'utf8')
    const block = readme.split('<!-- statuspage-script:')[1]?.match(/```sh\n([\s\S]*?)```/)?.[1]
    expect(block, 'the README has no Statuspage script block').toBeTruthy()
    const lines = block!.split('\n')
    expect(lines[0]).toMatch(/^export C=/)
    const mail = watcher.next(
      (m: { to: string[]; subject: string }) =>
        m.to.includes(SUBSCRIBER) && m.subject.includes('Database latency'),
      60_000,
    )
    const { stdout } = await promisify(execFile)(
      'bash',
      ['-euo', 'pipefail', '-c', lines.slice(1).join('\n')],
      {
        cwd: root,
        env: {
          ...process.env,
          PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
          C: candor.url,
          T: candor.token,
        },
      },
    )
    const incident = JSON.parse(stdout)
    expect(incident).toMatchObject({ name: 'Database latency', status: 'investigating' })
    const v2: any = await fetch(`${candor.url}/api/v2/incidents.json`).then((r) => r.json())
    expect(v2.incidents.map((i: { id: string }) => i.id)).toContain(incident.id)
    const message = await mail
    expect(message, `no mail reached ${SUBSCRIBER}\n${candor.logs().slice(-3000)}`).not.toBeNull()
  }, 120_000)
})
