// Options and small statistics shared by the benchmark scripts.

/** Reads `--name value`, `--name=value` or env `BENCH_NAME`, else `fallback`. */
export function option(argv, name, fallback) {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
  if (i >= 0) return argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]
  return process.env[`BENCH_${name.toUpperCase()}`] ?? fallback
}

/** A positive integer option, or a clear error. */
export function positiveInt(value, name) {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer.`)
  return n
}

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
