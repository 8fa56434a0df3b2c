import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callCandor } from './candor-http'
import { freePort, startCandor, type RunningCandor } from './wrangler-dev'

/**
 * A real Prometheus Alertmanager (Debian's `prometheus-alertmanager`) delivering to Candor under
 * a real `wrangler dev`. Skipped only where the binary is not installed.
 */

function findAlertmanager(): string | null {
  for (const name of ['prometheus-alertmanager', 'alertmanager']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null
    } catch {
      // not this name
    }
  }
  return null
}

const binary = findAlertmanager()

let candor: RunningCandor
let alertmanager: ChildProcess | null = null
let alertmanagerUrl = ''
let alertmanagerLog = ''
let workDir = ''

const api = (method: string, route: string, body?: unknown) =>
  callCandor(candor, method, route, body)

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string) {
  const end = Date.now() + 30_000
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > end) {
      throw new Error(
        `timed out waiting for ${what}\n--- alertmanager\n${alertmanagerLog.slice(-2000)}\n--- wrangler\n${candor.logs().slice(-2000)}`,
      )
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** How many webhooks Alertmanager has delivered, as wrangler dev logged them. */
function intakeDeliveries(): number {
  return candor.logs().match(/POST \/api\/v1\/intake\/alertmanager 20[01]/g)?.length ?? 0
}

async function fire(labels: Record<string, string>, endsAt?: string) {
  const res = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([
      {
        labels,
        annotations: { summary: 'Broadband is down in M14' },
        ...(endsAt ? { endsAt } : {}),
      },
    ]),
  })
  expect(res.status).toBe(200)
}

beforeAll(async () => {
  if (!binary) return
  candor = await startCandor()
  await api('POST', '/api/v1/components', { name: 'Broadband' })
  await api('POST', '/api/v1/areas', { name: 'M14' })
  const token = await api('POST', '/api/v1/tokens', { name: 'alertmanager', scopes: ['intake'] })

  workDir = await mkdtemp(path.join(tmpdir(), 'candor-am-'))
  const config = [
    'route:',
    '  receiver: candor',
    "  group_by: ['alertname']",
    '  group_wait: 1s',
    '  group_interval: 1s',
    '  repeat_interval: 2s',
    'receivers:',
    '  - name: candor',
    '    webhook_configs:',
    `      - url: ${candor.url}/api/v1/intake/alertmanager`,
    '        send_resolved: true',
    '        http_config:',
    '          authorization:',
    `            credentials: ${token.json.token}`,
    '',
  ].join('\n')
  await writeFile(path.join(workDir, 'am.yml'), config)
  const port = await freePort()
  alertmanagerUrl = `http://127.0.0.1:${port}`
  alertmanager = spawn(
    binary,
    [
      `--config.file=${path.join(workDir, 'am.yml')}`,
      `--storage.path=${path.join(workDir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  alertmanager.stdout?.on('data', (c: Buffer) => (alertmanagerLog += c.toString()))
  alertmanager.stderr?.on('data', (c: Buffer) => (alertmanagerLog += c.toString()))
  await until(
    () =>
      fetch(`${alertmanagerUrl}/-/ready`)
        .then((r) => r.ok)
        .catch(() => false),
    (ready) => ready,
    'Alertmanager to be ready',
  )
})

afterAll(async () => {
  if (alertmanager && alertmanager.exitCode === null) {
    const exited = new Promise((r) => alertmanager!.once('exit', r))
    alertmanager.kill('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
  }
  await candor?.stop()
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

describe.skipIf(!binary)('a real Alertmanager', () => {
  it('opens exactly one incident however often it repeats, and reports the recovery', async () => {
    const labels = {
      alertname: 'BroadbandDown',
      component: 'Broadband',
      area: 'M14',
      severity: 'critical',
    }
    await fire(labels)
    const [opened] = await until(
      async () => (await api('GET', '/api/v1/incidents')).json as any[],
      (list) => list.length > 0,
      'the incident',
    )
    expect(opened).toMatchObject({ name: 'Broadband is down in M14', status: 'investigating' })
    expect(opened.components.map((c: any) => [c.name, c.status])).toEqual([
      ['Broadband', 'major_outage'],
    ])

    // Alertmanager repeats the notification (repeat_interval 2s): still one incident, one update.
    await until(
      async () => intakeDeliveries(),
      (n) => n >= 3,
      'repeated notifications',
    )
    const list = (await api('GET', '/api/v1/incidents')).json as any[]
    expect(list).toHaveLength(1)
    expect(list[0].incident_updates).toHaveLength(1)

    // The alert ends: the group resolves and the incident goes to monitoring.
    await fire(labels, new Date().toISOString())
    const resolved = await until(
      async () => (await api('GET', `/api/v1/incidents/${opened.id}`)).json,
      (incident) => incident.status === 'monitoring',
      'monitoring',
    )
    expect(resolved.incident_updates).toHaveLength(2)
    expect((await api('GET', '/api/v1/incidents')).json).toHaveLength(1)
  }, 90_000)
})
