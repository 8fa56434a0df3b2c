// `npm run bench:console`: how quickly the console lets a member tell customers something.
// On a fresh local D1 holding a history of incidents (1,000 by default) under `wrangler dev`,
// signed in as the owner through the real sign-in link, Chromium goes:
//   A. from the Now page to a published incident opened from a template;
//   B. from the Now page to a posted update of that incident;
// counting page loads (documents loaded after the Now page) and form fields touched, and
// timing each. Then every console screen is fetched many times with the session cookie and
// the server time (wall time of a local request) is reported at p50 and p99.
// Targets: A in ≤ 2 page loads and ≤ 6 fields; B in 1 page load; every screen < 50 ms at p99.
//
// Options (or env): --history 1000 (BENCH_HISTORY)  --requests 200 (BENCH_REQUESTS, per screen)
// A benchmark, not a test: it prints figures and verdicts and exits 0 unless something broke.

import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { startMailSink } from './mail-sink.mjs'
import { loadAverage, machineLine } from './lib/bench-machine.mjs'
import { option, positiveInt } from './lib/bench-options.mjs'
import { historySql } from './lib/history-sql.mjs'
import { mailWatcher, ownerSignInLink } from './lib/owner-sign-in.mjs'
import {
  applyMigrations,
  executeSqlFile,
  freePort,
  startDev,
  stopAll,
  waitForHttp,
} from './lib/wrangler.mjs'
import { vendorAssets } from './vendor-assets.mjs'

const OWNER = 'owner@localhost'
const TARGETS = { templatedLoads: 2, templatedFields: 6, updateLoads: 1, p99Ms: 50 }
const SCREENS = [
  '/console',
  '/console/incidents',
  '/console/incidents/{incident}',
  '/console/incidents/new',
  '/console/maintenance',
  '/console/components',
  '/console/templates',
  '/console/subscribers',
  '/console/webhooks',
  '/console/ops-alerts',
  '/console/audit',
  '/console/settings',
  '/console/members',
  '/console/tokens',
  '/console/account',
]

function parseOptions(argv) {
  return {
    history: positiveInt(option(argv, 'history', 1000), 'history'),
    requests: positiveInt(option(argv, 'requests', 200), 'requests'),
  }
}

/** The admin API with the bootstrap token. */
function api(baseUrl, token) {
  return async (method, route, body) => {
    const res = await fetch(`${baseUrl}/api/v1${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${text}`)
    return text ? JSON.parse(text) : null
  }
}

/** The owner's session cookie, got by following the mailed sign-in link's button. */
async function ownerCookie(baseUrl, watcher) {
  const link = await ownerSignInLink({ baseUrl, email: OWNER, watcher })
  if (!link) throw new Error('no sign-in link arrived for the owner')
  const res = await fetch(link, {
    method: 'POST',
    headers: { origin: baseUrl },
    redirect: 'manual',
  })
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (res.status !== 303 || !cookie) throw new Error(`following the link answered ${res.status}`)
  return cookie
}

/** Counts the documents the page loads from now on (the main frame's navigations). */
function countLoads(page) {
  const counter = { loads: 0 }
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) counter.loads += 1
  })
  return counter
}

/** Runs `steps` from the Now page: page loads, fields touched and wall time. */
async function flow(page, steps) {
  await page.goto(page.candorBase + '/console')
  const counter = countLoads(page)
  const touched = { fields: 0 }
  const touch = async (action) => {
    touched.fields += 1
    await action()
  }
  const started = performance.now()
  const result = await steps(touch)
  await page.waitForLoadState('load')
  const ms = performance.now() - started
  return { loads: counter.loads, fields: touched.fields, ms, ...result }
}

/** p-quantile of sorted numbers. */
function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

/** Server time of each screen: `requests` sequential GETs with the session cookie. */
async function screenTimes(baseUrl, cookie, incidentId, requests) {
  const out = []
  for (const template of SCREENS) {
    const url = baseUrl + template.replace('{incident}', incidentId)
    const times = []
    for (let i = 0; i < requests; i++) {
      const started = performance.now()
      const res = await fetch(url, { headers: { cookie }, redirect: 'manual' })
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`${template} answered ${res.status}`)
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    out.push({ screen: template, p50: quantile(times, 0.5), p99: quantile(times, 0.99) })
  }
  return out
}

const verdict = (ok) => (ok ? 'meets the target' : 'MISSES the target')

async function main() {
  const opts = parseOptions(process.argv.slice(2))
  console.log(await machineLine(['playwright-core']))
  await vendorAssets()
  const dir = await mkdtemp(path.join(os.tmpdir(), 'candor-bench-console-'))
  const watcher = mailWatcher()
  const sink = await startMailSink({
    port: await freePort(),
    dir: path.join(dir, 'mail'),
    onMessage: watcher.onMessage,
  })
  let dev
  let browser
  try {
    process.stdout.write(`Preparing a history of ${opts.history} incidents … `)
    await applyMigrations(dir)
    const file = path.join(dir, 'history.sql')
    await writeFile(file, historySql(opts.history).sql)
    await executeSqlFile(dir, file)
    const port = await freePort()
    const token = randomBytes(18).toString('base64url')
    const baseUrl = `http://127.0.0.1:${port}`
    dev = startDev({
      port,
      persistTo: dir,
      vars: {
        ADMIN_TOKEN: token,
        OWNER_EMAIL: OWNER,
        SMTP_URL: sink.url,
        EMAIL_FROM: 'status@localhost',
        PUBLIC_URL: baseUrl,
      },
      logLevel: 'warn',
      env: { X_LOCAL_OBSERVABILITY: 'false' },
    })
    await waitForHttp(dev, `${baseUrl}/api/v2/status.json`)
    console.log(`ready (load average ${loadAverage()})`)

    const call = api(baseUrl, token)
    const components = await call('GET', '/components')
    const leaf = components.find((c) => !c.group)
    const template = await call('POST', '/templates', {
      kind: 'incident',
      name: 'Logins failing',
      title: 'Sign-in is failing for some customers',
      status: 'investigating',
      impact: 'major',
      body: 'Some customers cannot sign in to {{component}}. We are investigating.',
      components: { [leaf.id]: 'partial_outage' },
    })
    const cookie = await ownerCookie(baseUrl, watcher)

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const [name, value] = cookie.split('=')
    await context.addCookies([{ name, value, url: baseUrl }])
    const page = await context.newPage()
    page.candorBase = baseUrl

    const templated = await flow(page, async (touch) => {
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('link', { name: `New from “${template.name}”` }).click(),
      ])
      await touch(() => page.getByLabel('Next update', { exact: true }).selectOption('1h'))
      await Promise.all([
        page.waitForURL(/\/console\/incidents\/[^/]+\?/),
        page.getByRole('button', { name: 'Open incident' }).click(),
      ])
      return { incidentId: new URL(page.url()).pathname.split('/').pop() }
    })
    const update = await flow(page, async (touch) => {
      await page.getByText(`Post an update to ${template.title}`).first().click()
      const form = page.locator('details[open] form')
      await touch(() =>
        form
          .getByLabel('Message')
          .fill('We found the cause: a faulty certificate. A fix is rolling out.'),
      )
      await touch(() => form.getByLabel('Status').selectOption('identified'))
      await touch(() => form.getByLabel('Next update', { exact: true }).selectOption('30m'))
      await Promise.all([
        page.waitForURL(/\/console\/incidents\/[^/]+\?/),
        form.getByRole('button', { name: 'Post update' }).click(),
      ])
      return {}
    })
    const check = await call('GET', `/incidents/${templated.incidentId}`)
    if (check.incident_updates.length !== 2) throw new Error('the update was not posted')

    console.log(`\nA. Now → published incident from a template`)
    console.log(
      `   ${templated.loads} page loads (target ≤ ${TARGETS.templatedLoads}), ${templated.fields} fields touched (target ≤ ${TARGETS.templatedFields}), ${templated.ms.toFixed(0)} ms wall time`,
    )
    console.log(
      `   ${verdict(templated.loads <= TARGETS.templatedLoads && templated.fields <= TARGETS.templatedFields)}`,
    )
    console.log(`B. Now → posted update`)
    console.log(
      `   ${update.loads} page loads (target ${TARGETS.updateLoads}), ${update.fields} fields touched, ${update.ms.toFixed(0)} ms wall time`,
    )
    console.log(`   ${verdict(update.loads <= TARGETS.updateLoads)}`)

    console.log(
      `\nServer time of each console screen, ${opts.requests} requests each, history of ${opts.history} incidents`,
    )
    console.log('  screen                          p50 ms   p99 ms')
    const times = await screenTimes(baseUrl, cookie, templated.incidentId, opts.requests)
    for (const t of times) {
      console.log(
        `  ${t.screen.padEnd(30)} ${t.p50.toFixed(1).padStart(7)}  ${t.p99.toFixed(1).padStart(7)}`,
      )
    }
    const worst = times.reduce((a, b) => (b.p99 > a.p99 ? b : a))
    console.log(
      `  slowest p99: ${worst.screen} ${worst.p99.toFixed(1)} ms (target < ${TARGETS.p99Ms}) — ${verdict(worst.p99 < TARGETS.p99Ms)}`,
    )
  } finally {
    await browser?.close()
    if (dev) await dev.stop()
    await stopAll()
    await sink.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(`\nbench:console failed: ${error.stack ?? error.message}`)
  process.exit(1)
})
