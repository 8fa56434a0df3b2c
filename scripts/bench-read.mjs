// `npm run bench:read`: how fast the public read path serves, and whether it stays flat as
// history grows. For each history size it builds a fresh local D1 with that many past
// incidents, starts `wrangler dev` on it and measures, alternating in one run:
//   /api/v2/summary.json   the public API (from the KV snapshot)
//   /                      the status page
//   /badge.svg             the badge other sites embed
//   /widget.json           the widget's data as JSON (machine values)
//   /widget-text.json      what /widget.js fetches on every host page (its lines, worded)
//   /robots.txt            a static file served by the same wrangler dev: the ceiling
// in two passes: as a client that asks for no compression, then as a browser does
// (`Accept-Encoding: gzip, br`), printing each answer's bytes on the wire and uncompressed.
// Each target is measured between two measurements of the ceiling, and its ratio is to their
// mean: the machine's speed seconds before and after, in the same pass.
//
// Options (or env): --sizes 1000,10000 (BENCH_SIZES)  --duration 3 (BENCH_DURATION, seconds)
//                   --rounds 5 (BENCH_ROUNDS)  --connections 10 (BENCH_CONNECTIONS)
//                   --warmup 2 (BENCH_WARMUP, seconds per target)
//                   --observability off|on (BENCH_OBSERVABILITY)
//                   --via worker|proxy (BENCH_VIA)
// By default every request goes to the workerd socket that serves the Worker and its assets,
// past wrangler dev's own proxy (lib/dev-worker-url.mjs says why); `--via proxy` measures
// through wrangler dev's port instead.
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
import { CEILING, printPass, printVerdicts } from './lib/bench-read-report.mjs'
import { wireBytes } from './lib/wire-bytes.mjs'
import { devWorkerUrl } from './lib/dev-worker-url.mjs'

const TARGETS = [
  { key: 'summary', path: '/api/v2/summary.json' },
  { key: 'page', path: '/' },
  { key: 'badge', path: '/badge.svg' },
  { key: 'widget', path: '/widget.json' },
  { key: 'widget-text', path: '/widget-text.json' },
  { key: CEILING, path: '/robots.txt' },
]
const PASSES = [
  { key: 'identity', label: 'uncompressed', headers: {} },
  {
    key: 'compressed',
    label: 'Accept-Encoding: gzip, br',
    headers: { 'accept-encoding': 'gzip, br' },
  },
]

/** The benchmark's settings from the command line and environment. */
function parseOptions(argv) {
  const sizes = String(option(argv, 'sizes', '1000,10000'))
    .split(',')
    .filter(Boolean)
    .map((s) => positiveInt(s, 'sizes'))
  return {
    sizes,
    duration: positiveInt(option(argv, 'duration', 3), 'duration'),
    rounds: positiveInt(option(argv, 'rounds', 5), 'rounds'),
    connections: positiveInt(option(argv, 'connections', 10), 'connections'),
    warmup: positiveInt(option(argv, 'warmup', 2), 'warmup'),
    observability: onOff(option(argv, 'observability', 'off'), 'observability'),
    via: oneOf(option(argv, 'via', 'worker'), ['worker', 'proxy'], 'via'),
  }
}

/** An option that must be one of `allowed`, or a clear error. */
function oneOf(value, allowed, name) {
  if (allowed.includes(value)) return value
  throw new Error(`--${name} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}.`)
}

/** An on/off option as a boolean, or a clear error. */
function onOff(value, name) {
  if (value === 'on' || value === 'off') return value === 'on'
  throw new Error(`--${name} must be "on" or "off".`)
}

/** Runs autocannon against one URL; returns req/s, p99 latency and what went wrong. */
async function measure(url, { duration, connections }, headers = {}) {
  const result = await autocannon({ url, connections, duration, headers })
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/** One GET of each target in a pass: status, type and bytes on the wire, to show what was measured. */
async function probe(baseUrl, pass) {
  const out = {}
  for (const target of TARGETS)
    out[target.key] = await wireBytes(baseUrl + target.path, pass.headers)
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

/**
 * Where to measure: the Worker's own workerd socket (`--via worker`, as production routes a
 * request, with no dev proxy in between), or wrangler dev's port (`--via proxy`). Falls back to
 * the proxy, and says so, where the Worker's socket cannot be found.
 */
async function measuredBase(dev, via) {
  if (via === 'worker') {
    const url = await devWorkerUrl(dev)
    if (url) return { url, via: "the Worker's own socket, past wrangler's dev proxy" }
    console.log("could not find the Worker's own socket; measuring through wrangler's proxy")
  }
  return { url: dev.url, via: "through wrangler dev's proxy" }
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
 * Measures every target in each pass for one history size: fresh state, wrangler dev, warm-up,
 * then `rounds` rounds in which the passes and targets alternate. Always stops wrangler and
 * removes the state.
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
    const base = await measuredBase(dev, opts.via)
    console.log(`[${size}] measuring ${base.url} (${base.via})`)
    console.log(`[${size}] summary.json lists ${await checkData(base.url)}`)
    const probes = {}
    const samples = {}
    for (const pass of PASSES) {
      probes[pass.key] = await probe(base.url, pass)
      samples[pass.key] = Object.fromEntries(TARGETS.map((t) => [t.key, []]))
      for (const t of TARGETS) {
        await measure(base.url + t.path, { ...opts, duration: opts.warmup }, pass.headers)
      }
    }
    const log = (round, pass, t, m) =>
      console.log(
        `[${size}] round ${round}/${opts.rounds} ${pass.key.padEnd(10)} ${t.path.padEnd(21)} ${m.rps.toFixed(0).padStart(6)} req/s  p99 ${m.p99} ms`,
      )
    const ceiling = TARGETS.find((t) => t.key === CEILING)
    for (let round = 1; round <= opts.rounds; round++) {
      for (const pass of PASSES) {
        // The ceiling is measured before the first target and after each one, so every target
        // is compared with the ceiling on either side of it, seconds apart.
        let before = await measure(base.url + ceiling.path, opts, pass.headers)
        samples[pass.key][CEILING].push({ ...before, ceilingNear: before.rps })
        log(round, pass, ceiling, before)
        for (const t of TARGETS) {
          if (t.key === CEILING) continue
          const m = await measure(base.url + t.path, opts, pass.headers)
          log(round, pass, t, m)
          const after = await measure(base.url + ceiling.path, opts, pass.headers)
          log(round, pass, ceiling, after)
          samples[pass.key][t.key].push({ ...m, ceilingNear: (before.rps + after.rps) / 2 })
          samples[pass.key][CEILING].push({ ...after, ceilingNear: after.rps })
          before = after
        }
      }
    }
    const passes = Object.fromEntries(
      PASSES.map((pass) => [
        pass.key,
        { probes: probes[pass.key], results: summarise(samples[pass.key]) },
      ]),
    )
    return { size, passes, via: base.via }
  } finally {
    if (dev) await dev.stop()
    await removeStateDirs()
  }
}

/**
 * Medians over rounds of req/s and p99 per target, total errors, and the median of each
 * measurement's ratio to the mean of the ceiling measured just before and just after it (so a
 * machine that slows down or speeds up moves both sides of the ratio).
 */
function summarise(samples) {
  const results = {}
  for (const [key, list] of Object.entries(samples)) {
    results[key] = {
      rps: median(list.map((m) => m.rps)),
      p99: median(list.map((m) => m.p99)),
      ratio: median(list.map((m) => m.rps / m.ceilingNear)),
      non2xx: list.reduce((n, m) => n + m.non2xx, 0),
      errors: list.reduce((n, m) => n + m.errors, 0),
    }
  }
  return results
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
    `Candor read benchmark: history sizes ${opts.sizes.join(', ')}; ${opts.rounds} rounds × ${PASSES.length} passes × ${TARGETS.length} targets × ${opts.duration} s; ${opts.connections} connections; ${opts.warmup} s warm-up per target and pass; wrangler local observability ${opts.observability ? 'on' : 'off'}; via ${opts.via}`,
  )
  const runs = []
  for (const size of opts.sizes) runs.push(await benchSize(size, opts))
  for (const run of runs) for (const pass of PASSES) printPass(run, pass, TARGETS, opts)
  printVerdicts(runs, PASSES, TARGETS)
  console.log(`\n${await machineLine(['autocannon'])}`)
}

main().catch(async (error) => {
  console.error(`\nBenchmark failed: ${error.message}`)
  await stopAll()
  await removeStateDirs()
  process.exit(1)
})
