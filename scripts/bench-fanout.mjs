// `npm run bench:fanout`: how fast one incident reaches many subscribers through the real
// notification pipeline (outbox → EVENTS → fan-out → DELIVERIES → webhook POST / SMTP), and
// whether each is told exactly once. For each kind it seeds N active subscribers into a fresh
// local D1, starts `wrangler dev` on it, posts one incident through the admin API and counts
// what arrives at local receivers:
//   webhook  N signed webhooks on one HTTP receiver (/hook/<n>), each signature verified
//   email    N addresses on one in-process SMTP server
// then, for webhooks, sends the same N signed POSTs straight from a Node loop to the same
// receiver: the ceiling.
//
// Options (or env): --subscribers 10000 (BENCH_SUBSCRIBERS)  --kind webhook|email|both
//                   (BENCH_KIND)  --concurrency 10 (BENCH_CONCURRENCY, the ceiling's requests
//                   in flight)  --timeout 180 (BENCH_TIMEOUT, seconds to wait for the last
//                   delivery)  --settle 10 (BENCH_SETTLE, seconds to keep counting afterwards,
//                   so a late duplicate is seen)  --queue-log (BENCH_QUEUE_LOG=1: print
//                   wrangler's line for each queue batch, with its size and duration)
// A benchmark, not a test: it prints figures and verdicts, and exits non-zero when a
// subscriber was told twice or not at all (or something broke).

import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Webhook } from 'standardwebhooks'
import { startCountingMailServer, startWebhookReceiver } from './lib/bench-receivers.mjs'
import { DeliveryTally } from './lib/delivery-tally.mjs'
import { subscribersSql, webhookSecret } from './lib/subscribers-sql.mjs'
import {
  applyMigrations,
  executeSqlFile,
  freePort,
  startDev,
  stopAll,
  waitForHttp,
} from './lib/wrangler.mjs'
import { machineLine } from './lib/bench-machine.mjs'
import { option, positiveInt } from './lib/bench-options.mjs'

const TARGETS = { firstMs: 5_000, allMs: 60_000, ratio: 0.25 }
/** Ceiling rounds; the median counts. */
const CEILING_ROUNDS = 3

/** The benchmark's settings from the command line and environment. */
function parseOptions(argv) {
  const kind = String(option(argv, 'kind', 'both'))
  if (!['webhook', 'email', 'both'].includes(kind)) {
    throw new Error('--kind must be "webhook", "email" or "both".')
  }
  return {
    subscribers: positiveInt(option(argv, 'subscribers', 10_000), 'subscribers'),
    kinds: kind === 'both' ? ['webhook', 'email'] : [kind],
    concurrency: positiveInt(option(argv, 'concurrency', 10), 'concurrency'),
    timeoutMs: positiveInt(option(argv, 'timeout', 180), 'timeout') * 1000,
    settleMs: positiveInt(option(argv, 'settle', 10), 'settle') * 1000,
    queueLog: argv.includes('--queue-log') || process.env.BENCH_QUEUE_LOG === '1',
  }
}

/** Waits `ms` milliseconds. */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Temporary directories not yet removed (removed on exit, even when interrupted). */
const tempDirs = new Set()
/** Receivers still listening (stopped on exit, even when interrupted). */
const receivers = new Set()

/** Removes the temporary directories and stops the receivers. */
async function cleanUp() {
  await stopAll()
  for (const receiver of receivers) {
    await receiver.stop()
    receivers.delete(receiver)
  }
  for (const dir of tempDirs) {
    await rm(dir, { recursive: true, force: true })
    tempDirs.delete(dir)
  }
}

/** One admin API call to the running Candor; throws unless it answers 2xx. */
async function adminCall(dev, token, method, route, body) {
  const res = await fetch(dev.url + route, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${text.slice(0, 300)}`)
  return text ? JSON.parse(text) : null
}

/**
 * Counts until every subscriber got something or `timeoutMs` passed since `startedAt`, then
 * for `settleMs` more (late duplicates). Prints progress every 5 s. Returns the losses: the
 * subscribers still without anything when the wait ended, before the settling time.
 */
async function waitForDeliveries(tally, startedAt, { timeoutMs, settleMs }, label) {
  let nextReport = Date.now() + 5000
  while (!tally.complete && Date.now() - startedAt < timeoutMs) {
    await sleep(50)
    if (Date.now() >= nextReport) {
      nextReport += 5000
      const s = ((Date.now() - startedAt) / 1000).toFixed(0)
      console.log(`  [${label}] ${s} s: ${tally.reached}/${tally.count} subscribers reached`)
    }
  }
  const losses = tally.lost
  await sleep(settleMs)
  return losses
}

/**
 * Figures of one run from its tally; times from `startedAt`. Deliveries/s is the rate while
 * delivering, from the first delivery to the last: the wait before the first is its own figure.
 */
function figures(tally, startedAt, losses = tally.lost) {
  const firstMs = tally.first === null ? null : tally.first - startedAt
  const lastMs = tally.lastNew === null ? null : tally.lastNew - startedAt
  const windowMs = lastMs === null ? 0 : lastMs - firstMs || lastMs
  return {
    delivered: tally.reached,
    firstMs,
    lastMs,
    perSecond: windowMs ? tally.reached / (windowMs / 1000) : 0,
    duplicates: tally.duplicateIds + tally.duplicateSubscribers,
    duplicateIds: tally.duplicateIds,
    duplicateSubscribers: tally.duplicateSubscribers,
    losses,
    badSignatures: tally.badSignatures,
    unknown: tally.unknown,
  }
}

/**
 * Seeds a fresh state with the subscribers (`seed` as subscribersSql takes it) and starts
 * wrangler dev on it with `vars`.
 */
async function startCandorWith(seed, vars, { queueLog }) {
  const { kind, count } = seed
  const dir = await mkdtemp(path.join(os.tmpdir(), 'candor-bench-fanout-'))
  tempDirs.add(dir)
  const started = Date.now()
  process.stdout.write(`\n[${kind}] seeding ${count} active ${kind} subscribers … `)
  await applyMigrations(dir)
  const seeded = subscribersSql(seed)
  const file = path.join(dir, 'subscribers.sql')
  await writeFile(file, seeded.sql)
  await executeSqlFile(dir, file)
  const token = randomBytes(18).toString('base64url')
  const port = await freePort()
  const dev = startDev({
    port,
    persistTo: dir,
    vars: { ADMIN_TOKEN: token, ...vars },
    logLevel: queueLog ? 'info' : 'warn',
    onLine: (line) => {
      if (queueLog && line.includes('QUEUE ')) console.log(`  [${kind}] ${line.trim()}`)
    },
    // wrangler's local trace of every invocation does not exist in production: leave it out.
    env: { X_LOCAL_OBSERVABILITY: 'false' },
  })
  await waitForHttp(dev, `${dev.url}/api/v2/status.json`)
  console.log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s (port ${port})`)
  return { dev, token, subscribers: seeded.subscribers }
}

/** Posts the one incident every subscriber is to hear about; returns its id. */
async function postIncident(dev, token) {
  const incident = await adminCall(dev, token, 'POST', '/api/v1/incidents', {
    name: 'Fibre down in M16',
    status: 'identified',
    impact: 'major',
    body: 'A cable was cut by roadworks; splicing is under way.',
    progress: 20,
    workaround: 'Use mobile data.',
  })
  return incident.id
}

/** Candor's own view of the incident's deliveries: counts per status. */
async function deliveryCounts(dev, token, incidentId) {
  try {
    const log = await adminCall(dev, token, 'GET', `/api/v1/incidents/${incidentId}/deliveries`)
    return `${log.total} in all, by status ${JSON.stringify(log.by_status)}`
  } catch (error) {
    return `unavailable (${error.message})`
  }
}

/** A new secret per webhook subscriber, known to the receiver before the seed stores them. */
function secretsFor(count) {
  return Array.from({ length: count }, () => webhookSecret())
}

/** The webhook run, then the ceiling on the same receiver. */
async function runWebhooks(opts) {
  const count = opts.subscribers
  const tally = new DeliveryTally(count)
  // The receiver verifies with the secrets the seed stores, so they are made first.
  const secrets = secretsFor(count)
  const receiver = await startWebhookReceiver(tally, secrets)
  receivers.add(receiver)
  const candor = await startCandorWith(
    { kind: 'webhook', count, hookUrl: receiver.hookUrl, secrets },
    { ALLOW_HTTP_WEBHOOKS: 'true' },
    opts,
  )
  const startedAt = Date.now()
  const incidentId = await postIncident(candor.dev, candor.token)
  const losses = await waitForDeliveries(tally, startedAt, opts, 'webhook')
  const run = figures(tally, startedAt, losses)
  run.candorCounts = await deliveryCounts(candor.dev, candor.token, incidentId)
  await candor.dev.stop()

  const body = tally.sampleBody ?? JSON.stringify({ padding: 'x'.repeat(2000) })
  console.log(
    `\n[ceiling] ${count} signed POSTs (${Buffer.byteLength(body)} B each) from a Node loop, ${opts.concurrency} at a time, ${CEILING_ROUNDS} rounds`,
  )
  const rounds = []
  for (let round = 1; round <= CEILING_ROUNDS; round++) {
    tally.reset()
    const ceilingStart = Date.now()
    await postDirectly(receiver, secrets, body, opts.concurrency)
    rounds.push(figures(tally, ceilingStart))
    console.log(`  [ceiling] round ${round}: ${rounds.at(-1).perSecond.toFixed(0)} deliveries/s`)
  }
  // The median round: one round is short enough for a neighbour's burst to skew it.
  const ceiling = rounds.sort((a, b) => a.perSecond - b.perSecond)[Math.floor(rounds.length / 2)]
  await receiver.stop()
  receivers.delete(receiver)
  return { run, ceiling, bodyBytes: Buffer.byteLength(body) }
}

/** Sends one signed POST per subscriber to the receiver, `concurrency` in flight at a time. */
async function postDirectly(receiver, secrets, body, concurrency) {
  const signers = secrets.map((secret) => new Webhook(secret))
  let next = 0
  const worker = async () => {
    while (next < signers.length) {
      const n = next++
      const id = `ceiling_${n}`
      const res = await fetch(receiver.hookUrl(n), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
          'webhook-signature': signers[n].sign(id, new Date(), body),
        },
        body,
      })
      await res.arrayBuffer()
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, signers.length) }, worker))
}

/** The email run against the in-process SMTP server. */
async function runEmail(opts) {
  const count = opts.subscribers
  const tally = new DeliveryTally(count)
  const mail = await startCountingMailServer(tally)
  receivers.add(mail)
  const candor = await startCandorWith(
    { kind: 'email', count },
    { SMTP_URL: mail.url, EMAIL_FROM: 'status@localhost' },
    opts,
  )
  const startedAt = Date.now()
  const incidentId = await postIncident(candor.dev, candor.token)
  const losses = await waitForDeliveries(tally, startedAt, opts, 'email')
  const run = figures(tally, startedAt, losses)
  run.candorCounts = await deliveryCounts(candor.dev, candor.token, incidentId)
  await candor.dev.stop()
  await mail.stop()
  receivers.delete(mail)
  return { run }
}

/** Milliseconds as seconds with two decimals, or "—". */
const seconds = (ms) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`)

/** A PASS/FAIL word. */
const verdict = (ok) => (ok ? 'PASS' : 'FAIL')

/** Prints one run's figures. */
function printRun(label, f) {
  console.log(`\n${label}`)
  console.log(`  delivered (distinct subscribers)  ${f.delivered}`)
  console.log(`  time to first delivery            ${seconds(f.firstMs)}`)
  console.log(`  time to last delivery             ${seconds(f.lastMs)}`)
  console.log(`  deliveries/s (first to last)      ${f.perSecond.toFixed(0)}`)
  console.log(
    `  duplicates                        ${f.duplicates} (same id twice: ${f.duplicateIds}, same subscriber twice: ${f.duplicateSubscribers})`,
  )
  console.log(`  losses (nothing by the time limit) ${f.losses}`)
  if (f.badSignatures !== undefined)
    console.log(`  bad signatures                    ${f.badSignatures}`)
  if (f.unknown > 0) console.log(`  not addressed to a subscriber     ${f.unknown}`)
  if (f.candorCounts) console.log(`  Candor's delivery log             ${f.candorCounts}`)
}

/** Prints the targets and whether each is met; returns whether nothing was doubled or lost. */
function printVerdicts(results, count) {
  console.log('\nTargets')
  let exact = true
  for (const [kind, { run }] of Object.entries(results)) {
    const all = run.losses === 0 && run.lastMs !== null && run.lastMs < TARGETS.allMs
    console.log(
      `  ${kind.padEnd(8)} first delivery < ${TARGETS.firstMs / 1000} s: ${seconds(run.firstMs).padStart(8)}  ${verdict(run.firstMs !== null && run.firstMs < TARGETS.firstMs)}`,
    )
    console.log(
      `  ${kind.padEnd(8)} all ${count} in < ${TARGETS.allMs / 1000} s: ${seconds(run.lastMs).padStart(8)}  ${verdict(all)}`,
    )
    console.log(
      `  ${kind.padEnd(8)} duplicates 0: ${run.duplicates}  ${verdict(run.duplicates === 0)};  losses 0: ${run.losses}  ${verdict(run.losses === 0)}`,
    )
    if (kind === 'webhook') {
      console.log(
        `  ${kind.padEnd(8)} bad signatures 0: ${run.badSignatures}  ${verdict(run.badSignatures === 0)}`,
      )
    }
    exact &&= run.duplicates === 0 && run.losses === 0 && run.badSignatures === 0
  }
  const webhook = results.webhook
  if (webhook) {
    const ratio = webhook.ceiling.perSecond ? webhook.run.perSecond / webhook.ceiling.perSecond : 0
    console.log(
      `  webhook  ratio to ceiling ≥ ${TARGETS.ratio}: ${webhook.run.perSecond.toFixed(0)} ÷ ${webhook.ceiling.perSecond.toFixed(0)} deliveries/s = ${ratio.toFixed(3)}  ${verdict(ratio >= TARGETS.ratio)}`,
    )
  }
  return exact
}

/** Stops wrangler and the receivers, removes the temporary state and exits when interrupted. */
function stopOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      console.error(`\nReceived ${signal}; stopping wrangler and the receivers…`)
      await cleanUp()
      process.exit(130)
    })
  }
}

/** Runs each kind in turn, then prints the figures, verdicts and machine line. */
async function main() {
  const opts = parseOptions(process.argv.slice(2))
  stopOnSignals()
  console.log(
    `Candor fan-out benchmark: ${opts.subscribers} subscribers; ${opts.kinds.join(' then ')}; ceiling ${opts.concurrency} requests in flight; wait up to ${opts.timeoutMs / 1000} s, then ${opts.settleMs / 1000} s more for late duplicates`,
  )
  const results = {}
  try {
    for (const kind of opts.kinds) {
      results[kind] = kind === 'webhook' ? await runWebhooks(opts) : await runEmail(opts)
    }
  } finally {
    await cleanUp()
  }
  if (results.webhook) {
    printRun(`Webhooks through Candor (${opts.subscribers} subscribers)`, results.webhook.run)
    const c = results.webhook.ceiling
    printRun(
      `Ceiling: the same signed POSTs from a Node loop (${results.webhook.bodyBytes} B, ${opts.concurrency} in flight; median of ${CEILING_ROUNDS} rounds)`,
      { ...c, candorCounts: undefined },
    )
  }
  if (results.email) {
    const { badSignatures: _unused, ...run } = results.email.run
    printRun(`Email through Candor over SMTP (${opts.subscribers} subscribers)`, run)
  }
  const exact = printVerdicts(results, opts.subscribers)
  console.log(`\n${await machineLine()}`)
  if (!exact) {
    console.error('\nSome subscribers were told twice or not at all (or a signature failed).')
    process.exit(2)
  }
}

main().catch(async (error) => {
  console.error(`\nBenchmark failed: ${error.message}`)
  await cleanUp()
  process.exit(1)
})
