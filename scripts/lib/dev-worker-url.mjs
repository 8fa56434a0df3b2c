// The Worker's own address under `wrangler dev`, past wrangler's dev proxy. wrangler dev answers
// on its port through a proxy Worker of its own (it queues requests while the Worker reloads and,
// with live reload, rewrites every HTML answer), then hands each request to the workerd that runs
// the Worker and its static assets. Production has no such proxy: Cloudflare's front line routes a
// request to the assets or to the Worker directly. The benchmark measures there by default.

import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/** The ids of the processes in process group `pgid` (wrangler and the workerd it started). */
function processGroup(pgid) {
  const pids = new Set()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces or parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) === pgid) pids.add(Number(entry))
    } catch {
      // The process ended while we looked.
    }
  }
  return pids
}

/** Loopback TCP ports the given processes listen on, with the process of each (from `ss`). */
function listeningPorts(pids) {
  const out = execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' })
  const ports = new Map()
  for (const line of out.split('\n')) {
    const local = line.match(/127\.0\.0\.1:(\d+)\s/)
    const owner = [...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])).find((p) => pids.has(p))
    if (local && owner !== undefined) ports.set(Number(local[1]), owner)
  }
  return ports
}

async function textAt(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
    return response.ok ? await response.text() : null
  } catch {
    return null
  }
}

/**
 * The URL of the workerd socket that serves the Worker and its assets behind `dev` (started by
 * startDev), found among the ports its processes listen on, other than the proxy's: the one that
 * answers `probePath` as the proxy does. Null where it cannot be found (no /proc or `ss`, or nothing answers alike).
 */
export async function devWorkerUrl(dev, probePath = '/robots.txt') {
  const expected = await textAt(dev.url + probePath)
  if (expected === null) return null
  let ports
  try {
    ports = listeningPorts(processGroup(dev.child.pid))
  } catch {
    return null
  }
  // The process that listens on wrangler's own port is the proxy's; skip every port it has.
  const proxy = ports.get(Number(new URL(dev.url).port))
  for (const [port, pid] of ports) {
    if (pid === proxy) continue
    const url = `http://127.0.0.1:${port}`
    if ((await textAt(url + probePath)) === expected) return url
  }
  return null
}
