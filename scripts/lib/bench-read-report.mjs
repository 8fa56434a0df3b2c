// The tables and verdicts `npm run bench:read` prints: per history size and pass (each answer's
// bytes on the wire, req/s, p99, ratio to the ceiling), then flatness and the ratio targets.

/** The ceiling's key: the static file every ratio is taken against. */
export const CEILING = 'ceiling'
export const FLATNESS_LIMIT = 0.2
/** The least ratio to the ceiling each target must reach; the status page has its own. */
export const RATIO_TARGETS = { page: 0.9, default: 0.95 }

const ratioTarget = (key) => RATIO_TARGETS[key] ?? RATIO_TARGETS.default

/** A signed percentage with one decimal, padded. */
const percent = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`.padStart(7)

/** A PASS/FAIL word. */
const verdict = (ok) => (ok ? 'PASS' : 'FAIL')

/** "18.6 KB" or "23 B". */
function size(bytes) {
  return bytes >= 1000 ? `${(bytes / 1000).toFixed(1)} KB` : `${bytes} B`
}

/** What one probe saw: "200 text/html 4.0 KB gzip (18.6 KB)", or "… 939 B" when not encoded. */
function answerText(p) {
  const wire = p.encoding ? `${size(p.wireBytes)} ${p.encoding} (${size(p.bytes)})` : size(p.bytes)
  return `${p.status} ${p.type} ${wire}`
}

/** Prints one history size's table for one pass. */
export function printPass({ size: history, passes, via }, pass, targets, opts) {
  const { probes, results } = passes[pass.key]
  console.log(
    `\nHistory of ${history} incidents, ${pass.label} — median of ${opts.rounds} rounds × ${opts.duration} s, ${opts.connections} connections, ${via}`,
  )
  console.log(
    '  target                 answer (bytes on the wire)             req/s   p99 ms  vs ceiling  non-2xx  errors',
  )
  for (const t of targets) {
    const r = results[t.key]
    console.log(
      `  ${t.path.padEnd(22)} ${answerText(probes[t.key]).padEnd(36)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p99).padStart(8)} ${r.ratio.toFixed(2).padStart(11)} ${String(r.non2xx).padStart(8)} ${String(r.errors).padStart(7)}`,
    )
  }
  for (const t of targets) {
    if (probes[t.key].status !== 200) {
      console.log(
        `  note: ${t.path} answered ${probes[t.key].status}; its figures time that answer.`,
      )
    }
  }
}

/** Prints flatness (largest vs smallest history) and the ratio verdicts, for each pass. */
export function printVerdicts(runs, passes, targets) {
  const measured = targets.filter((t) => t.key !== CEILING)
  const first = runs[0]
  const last = runs[runs.length - 1]
  for (const pass of passes) {
    if (runs.length > 1) {
      console.log(
        `\nFlatness, ${pass.label}: req/s at ${last.size} vs ${first.size} incidents of history (target: within ${FLATNESS_LIMIT * 100}%)`,
      )
      for (const t of measured) {
        const a = first.passes[pass.key].results[t.key]
        const b = last.passes[pass.key].results[t.key]
        const change = (b.rps - a.rps) / a.rps
        const ratioChange = b.ratio / a.ratio - 1
        console.log(
          `  ${t.path.padEnd(22)} ${a.rps.toFixed(0).padStart(7)} → ${b.rps.toFixed(0).padStart(7)} req/s  ${percent(change)}  ${verdict(Math.abs(change) <= FLATNESS_LIMIT)}   (as a ratio to the ceiling: ${percent(ratioChange)})`,
        )
      }
    }
    console.log(
      `\nRatio to the static ceiling, ${pass.label} (same round and pass; median of rounds; target ≥ ${RATIO_TARGETS.page} for /, ≥ ${RATIO_TARGETS.default} for the others)`,
    )
    for (const run of runs) {
      for (const t of measured) {
        const ratio = run.passes[pass.key].results[t.key].ratio
        console.log(
          `  ${String(run.size).padStart(6)} incidents  ${t.path.padEnd(22)} ${ratio.toFixed(3)}  ${verdict(ratio >= ratioTarget(t.key))}`,
        )
      }
    }
  }
  if (runs.length > 1) {
    console.log(
      '\nThe ratio change discounts machine drift between the two runs; the flatness verdict uses req/s.',
    )
  }
}
