// `npm run bench:read`: how fast the public read path serves, and whether it stays flat as
// history grows. For each history size it builds a fresh local D1 with that many past
// incidents, starts `wrangler dev` on it and measures, alternating in one run:
//   /api/v2/summary.json   the public API (from the KV snapshot)
//   /                      the status page
//   /badge.svg             the badge other sites embed
//   /widget.json           the data /widget.js fetches on every host page
//   /robots.txt            a static file served by the same wrangler dev: the ceiling
//
// Options (or env): --sizes 1000,10000 (BENCH_SIZES)  --duration 5 (BENCH_DURATION, seconds)
//                   --rounds 3 (BENCH_ROUNDS)  --connections 10 (BENCH_CONNECTIONS)
//                   --warmup 2 (BENCH_WARMUP, seconds per target)
//                   --observability off|on (BENCH_OBSERVABILITY)
// wrangler dev keeps a local trace of every Worker invocation (its "local observability",
// switched by the X_LOCAL_OBSERVABILITY environment variable). That store does not exist in
// production and taxes Worker routes but not static files, which skews the ratio to the
// ceiling, so it is off by default here; `--observability on` measures with it.
// A benchmark, not a test: it prints figures and verdicts and exits 0 unless something broke.

import autocannon from 'autocannon'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { historySql } from './lib/history-sql.mjs'
import {
  applyMigrations,
  executeSqlFile,
  freePort,
  startDev,
  stopAll,
  waitForHttp,
} from './lib/wrangler.mjs'
import { loadAverage, machineLine } from './lib/bench-machine.mjs'
import { median, option, positiveInt } from './lib/bench-options.mjs'

const TARGETS = [
  { key: 'summary', path: '/api/v2/summary.json' },
  { key: 'page', path: '/' },
  { key: 'badge', path: '/badge.svg' },
  { key: 'widget', path: '/widget.json' },
  { key: 'ceiling', path: '/robots.txt' },
]
const FLATNESS_LIMIT = 0.2
const CEILING_RATIO_TARGET = 0.8

/** The benchmark's settings from the command line and environment. */
function parseOptions(argv) {
  const sizes = String(option(argv, 'sizes', '1000,10000'))
    .split(',')
    .filter(Boolean)
    .map((s) => positiveInt(s, 'sizes'))
  return {
    sizes,
    duration: positiveInt(option(argv, 'duration', 5), 'duration'),
    rounds: positiveInt(option(argv, 'rounds', 3), 'rounds'),
    connections: positiveInt(option(argv, 'connections', 10), 'connections'),
    warmup: positiveInt(option(argv, 'warmup', 2), 'warmup'),
    observability: onOff(option(argv, 'observability', 'off'), 'observability'),
  }
}

/** An on/off option as a boolean, or a clear error. */
function onOff(value, name) {
  if (value === 'on' || value === 'off') return value === 'on'
  throw new Error(`--${name} must be "on" or "off".`)
}

/** Runs autocannon against one URL; returns req/s, p99 latency and what went wrong. */
async function measure(url, { duration, connections }) {
  const result = await autocannon({ url, connections, duration })
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/** One GET of each target: its status, size and content type, to show what was measured. */
async function probe(baseUrl) {
  const out = {}
  for (const target of TARGETS) {
    const res = await fetch(baseUrl + target.path)
    const body = await res.arrayBuffer()
    out[target.key] = {
      status: res.status,
      bytes: body.byteLength,
      type: (res.headers.get('content-type') ?? '').split(';')[0],
    }
  }
  return out
}

/** Checks the data loaded: summary.json must list the one open incident and the components. */
async function checkData(baseUrl) {
  const summary = await (await fetch(`${baseUrl}/api/v2/summary.json`)).json()
  const open = summary.incidents?.length ?? 0
  const components = summary.components?.length ?? 0
  if (open !== 1 || components === 0) {
    throw new Error(
      `summary.json lists ${open} open incidents and ${components} components; expected 1 and some.`,
    )
  }
  return `${open} open incident, ${components} components (groups included)`
}

/** Fills the fresh local state in `dir` with `size` past incidents and one open one. */
async function prepareState(dir, size) {
  await applyMigrations(dir)
  const file = path.join(dir, 'history.sql')
  await writeFile(file, historySql(size).sql)
  await executeSqlFile(dir, file)
}

/** Temporary state directories not yet removed (removed on exit, even when interrupted). */
const stateDirs = new Set()

/** Removes the temporary state directories. */
async function removeStateDirs() {
  for (const dir of stateDirs) {
    await rm(dir, { recursive: true, force: true })
    stateDirs.delete(dir)
  }
}

/**
 * Measures every target for one history size: fresh state, wrangler dev, warm-up, then
 * `rounds` rounds in which the targets alternate. Always stops wrangler and removes the state.
 */
async function benchSize(size, opts) {
  const started = Date.now()
  process.stdout.write(`\n[${size}] preparing state with ${size} past incidents … `)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'candor-bench-'))
  stateDirs.add(dir)
  let dev
  try {
    await prepareState(dir, size)
    const port = await freePort()
    dev = startDev({
      port,
      persistTo: dir,
      vars: { ADMIN_TOKEN: randomBytes(18).toString('base64url') },
      logLevel: 'warn',
      env: { X_LOCAL_OBSERVABILITY: String(opts.observability) },
    })
    await waitForHttp(dev, `${dev.url}/api/v2/status.json`)
    const took = ((Date.now() - started) / 1000).toFixed(1)
    console.log(`ready in ${took} s (port ${port}, load average ${loadAverage()})`)
    console.log(`[${size}] summary.json lists ${await checkData(dev.url)}`)
    const probes = await probe(dev.url)
    for (const t of TARGETS) await measure(dev.url + t.path, { ...opts, duration: opts.warmup })
    const samples = Object.fromEntries(TARGETS.map((t) => [t.key, []]))
    for (let round = 1; round <= opts.rounds; round++) {
      for (const t of TARGETS) {
        const m = await measure(dev.url + t.path, opts)
        samples[t.key].push(m)
        console.log(
          `[${size}] round ${round}/${opts.rounds} ${t.path.padEnd(21)} ${m.rps.toFixed(0).padStart(6)} req/s  p99 ${m.p99} ms`,
        )
      }
    }
    return { size, probes, results: summarise(samples) }
  } finally {
    if (dev) await dev.stop()
    await removeStateDirs()
  }
}

/**
 * Medians over rounds of req/s and p99 per target, total errors, and the median of each
 * round's ratio to the ceiling measured in the same round (so a machine that slows down or
 * speeds up between rounds moves both sides of the ratio).
 */
function summarise(samples) {
  const results = {}
  for (const [key, list] of Object.entries(samples)) {
    results[key] = {
      rps: median(list.map((m) => m.rps)),
      p99: median(list.map((m) => m.p99)),
      ratio: median(list.map((m, round) => m.rps / samples.ceiling[round].rps)),
      non2xx: list.reduce((n, m) => n + m.non2xx, 0),
      errors: list.reduce((n, m) => n + m.errors, 0),
    }
  }
  return results
}

/** Prints one history size's table. */
function printSize({ size, probes, results }, opts) {
  console.log(
    `\nHistory of ${size} incidents — median of ${opts.rounds} rounds × ${opts.duration} s, ${opts.connections} connections`,
  )
  console.log(
    '  target                 answer                       req/s   p99 ms  vs ceiling  non-2xx  errors',
  )
  for (const t of TARGETS) {
    const p = probes[t.key]
    const r = results[t.key]
    const answer = `${p.status} ${p.type} ${p.bytes} B`
    console.log(
      `  ${t.path.padEnd(22)} ${answer.padEnd(26)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p99).padStart(8)} ${r.ratio.toFixed(2).padStart(11)} ${String(r.non2xx).padStart(8)} ${String(r.errors).padStart(7)}`,
    )
  }
  for (const t of TARGETS) {
    if (probes[t.key].status !== 200) {
      console.log(
        `  note: ${t.path} answered ${probes[t.key].status}; its figures time that answer.`,
      )
    }
  }
}

/** A signed percentage with one decimal, padded. */
const percent = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`.padStart(7)

/** A PASS/FAIL word. */
const verdict = (ok) => (ok ? 'PASS' : 'FAIL')

/** Prints flatness (largest vs smallest history) and the ratio-to-ceiling verdicts. */
function printVerdicts(runs) {
  const first = runs[0]
  const last = runs[runs.length - 1]
  if (runs.length > 1) {
    console.log(
      `\nFlatness: req/s at ${last.size} vs ${first.size} incidents of history (target: within ${FLATNESS_LIMIT * 100}%)`,
    )
    for (const t of TARGETS.filter((x) => x.key !== 'ceiling')) {
      const a = first.results[t.key].rps
      const b = last.results[t.key].rps
      const change = (b - a) / a
      const ratioChange = last.results[t.key].ratio / first.results[t.key].ratio - 1
      console.log(
        `  ${t.path.padEnd(22)} ${a.toFixed(0).padStart(7)} → ${b.toFixed(0).padStart(7)} req/s  ${percent(change)}  ${verdict(Math.abs(change) <= FLATNESS_LIMIT)}   (as a ratio to the ceiling: ${percent(ratioChange)})`,
      )
    }
    console.log(
      '  The ratio change discounts machine drift between the two runs; the verdict uses req/s.',
    )
  }
  console.log(
    `\nRatio to the static ceiling (/robots.txt, same round; median of rounds; target ≥ ${CEILING_RATIO_TARGET})`,
  )
  for (const run of runs) {
    for (const t of TARGETS.filter((x) => x.key !== 'ceiling')) {
      const ratio = run.results[t.key].ratio
      console.log(
        `  ${String(run.size).padStart(6)} incidents  ${t.path.padEnd(22)} ${ratio.toFixed(3)}  ${verdict(ratio >= CEILING_RATIO_TARGET)}`,
      )
    }
  }
}

/** Stops wrangler, removes the temporary state and exits when interrupted. */
function stopOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      console.error(`\nReceived ${signal}; stopping wrangler…`)
      await stopAll()
      await removeStateDirs()
      process.exit(130)
    })
  }
}

/** Runs every history size in turn, then prints the tables, verdicts and machine line. */
async function main() {
  const opts = parseOptions(process.argv.slice(2))
  stopOnSignals()
  console.log(
    `Candor read benchmark: history sizes ${opts.sizes.join(', ')}; ${opts.rounds} rounds × ${TARGETS.length} targets × ${opts.duration} s; ${opts.connections} connections; ${opts.warmup} s warm-up per target; wrangler local observability ${opts.observability ? 'on' : 'off'}`,
  )
  const runs = []
  for (const size of opts.sizes) runs.push(await benchSize(size, opts))
  for (const run of runs) printSize(run, opts)
  printVerdicts(runs)
  console.log(`\n${await machineLine(['autocannon'])}`)
}

main().catch(async (error) => {
  console.error(`\nBenchmark failed: ${error.message}`)
  await stopAll()
  await removeStateDirs()
  process.exit(1)
})
