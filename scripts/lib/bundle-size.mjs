// The size check of `npm run deploy`: how big the bundled Worker is once gzipped, measured as
// wrangler measures its upload (all modules together, source maps left out), against the limit.

import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const MIB = 1024 * 1024

/** Cloudflare's limits on a Worker's gzipped size, per plan. */
export const WORKER_SIZE_LIMITS = {
  free: { plan: 'Workers Free', gzipBytes: 3 * MIB },
  paid: { plan: 'Workers Paid', gzipBytes: 10 * MIB },
}

/** The files of a `wrangler deploy --dry-run --outdir` that are uploaded as modules. */
async function moduleFiles(outdir) {
  const entries = await readdir(outdir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.map') && e.name !== 'README.md')
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
}

/** `{ files, bytes, gzipBytes }` of the bundle wrangler wrote to `outdir`. */
export async function measureBundle(outdir) {
  const files = await moduleFiles(outdir)
  if (files.length === 0) throw new Error(`No bundled Worker in ${outdir}`)
  const contents = await Promise.all(files.map((file) => readFile(file)))
  const all = Buffer.concat(contents)
  return { files, bytes: all.byteLength, gzipBytes: gzipSync(all).byteLength }
}

/** Bytes as KiB or MiB with two decimals. */
export function formatBytes(bytes) {
  return bytes >= MIB ? `${(bytes / MIB).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(2)} KiB`
}

/**
 * Checks a measured bundle against `limit`; returns `{ ok, line }`, the line saying the size,
 * the limit and the plan it belongs to.
 */
export function checkBundleSize({ gzipBytes }, limit = WORKER_SIZE_LIMITS.free) {
  const ok = gzipBytes <= limit.gzipBytes
  const share = ((gzipBytes / limit.gzipBytes) * 100).toFixed(0)
  const line =
    `Worker bundle: ${formatBytes(gzipBytes)} gzipped, ${share}% of the ${formatBytes(limit.gzipBytes)} ` +
    `limit of ${limit.plan} (${formatBytes(WORKER_SIZE_LIMITS.paid.gzipBytes)} on ${WORKER_SIZE_LIMITS.paid.plan})` +
    (ok ? '' : ' — too big to deploy on the free plan')
  return { ok, line }
}
