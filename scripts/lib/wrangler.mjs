// Helpers shared by the local scripts: run the project's own wrangler, start and stop
// `wrangler dev`, wait for it to answer, find a free port.

import { spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'

/** The repository root (this file lives in scripts/lib/). */
export const ROOT = path.resolve(import.meta.dirname, '..', '..')

const BIN = path.join(ROOT, 'node_modules', '.bin')
const WRANGLER = path.join(BIN, 'wrangler')

/**
 * The environment for wrangler: node_modules/.bin first in PATH, so its `#!/usr/bin/env node`
 * shebang finds the project's own Node (wrangler needs a newer one than many machines have).
 */
export function wranglerEnv(extra = {}) {
  return {
    ...process.env,
    PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`,
    WRANGLER_SEND_METRICS: 'false',
    ...extra,
  }
}

/** Keeps the last `max` lines written by a process, for error reports. */
export class LogTail {
  constructor(max = 200) {
    this.max = max
    this.lines = []
    this.partial = ''
  }

  /** Adds a chunk of output; returns the complete lines it finished. */
  push(chunk) {
    const text = this.partial + stripVTControlCharacters(chunk.toString())
    const parts = text.split(/\r?\n/)
    this.partial = parts.pop() ?? ''
    for (const line of parts) this.lines.push(line)
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max)
    return parts
  }

  /** The last `n` lines, indented, ready to print. */
  tail(n = 30) {
    const lines = [...this.lines, ...(this.partial ? [this.partial] : [])].slice(-n)
    return lines.map((l) => `    ${l}`).join('\n')
  }
}

/** Runs `wrangler <args>` to completion; throws with its last output lines if it fails. */
export function runWrangler(args, { label = `wrangler ${args.slice(0, 3).join(' ')}` } = {}) {
  return new Promise((resolve, reject) => {
    const log = new LogTail()
    const child = spawn(WRANGLER, args, {
      cwd: ROOT,
      env: wranglerEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.on('data', (d) => log.push(d))
    child.stderr.on('data', (d) => log.push(d))
    child.on('error', (error) =>
      reject(
        new Error(`${label}: could not start ${WRANGLER} (${error.message}); run npm install`),
      ),
    )
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve(log)
      const why = signal ? `was killed by ${signal}` : `exited with code ${code}`
      reject(new Error(`${label} ${why}. Its last output:\n${log.tail()}`))
    })
  })
}

/** Applies the migrations in migrations/ to the local D1 kept in `persistTo`. */
export function applyMigrations(persistTo) {
  return runWrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
    label: 'Applying migrations',
  })
}

/** Runs a SQL file against the local D1 kept in `persistTo`. */
export function executeSqlFile(persistTo, file) {
  return runWrangler(
    ['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--file', file, '--yes'],
    { label: `Executing ${path.basename(file)}` },
  )
}

const running = new Set()

/** Last resort when the script exits without stopping its servers: kill their process groups. */
process.on('exit', () => {
  for (const dev of running) killGroup(dev.child.pid, 'SIGKILL')
})

/** Signals a whole process group (wrangler and the workerd it started); ignores a gone group. */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

/**
 * Starts `wrangler dev` on 127.0.0.1:`port` with state in `persistTo` and the given vars, in
 * its own process group so that stopping it also stops workerd. `onLine` sees each log line;
 * `env` adds environment variables for wrangler; `extraArgs` more flags (e.g. --test-scheduled).
 */
export function startDev({
  port,
  persistTo,
  vars = {},
  logLevel,
  env = {},
  extraArgs = [],
  onLine = () => {},
}) {
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo]
  args.push(...extraArgs)
  for (const [key, value] of Object.entries(vars)) args.push('--var', `${key}:${value}`)
  if (logLevel) args.push('--log-level', logLevel)
  args.push('--show-interactive-dev-session=false')
  const child = spawn(WRANGLER, args, {
    cwd: ROOT,
    env: wranglerEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const log = new LogTail()
  const forward = (data) => log.push(data).forEach(onLine)
  child.stdout.on('data', forward)
  child.stderr.on('data', forward)
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }))
    child.on('error', (error) => resolve({ code: null, signal: null, error }))
  })
  const dev = { child, log, exited, url: `http://127.0.0.1:${port}`, done: false }
  exited.then(() => {
    dev.done = true
    running.delete(dev)
  })
  running.add(dev)
  dev.stop = () => stopDev(dev)
  return dev
}

/** Stops a `wrangler dev` started by startDev: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopDev(dev, graceMs = 8000) {
  if (dev.done) return
  killGroup(dev.child.pid, 'SIGTERM')
  const timer = new Promise((resolve) => setTimeout(resolve, graceMs, 'timeout'))
  if ((await Promise.race([dev.exited, timer])) === 'timeout') {
    killGroup(dev.child.pid, 'SIGKILL')
    await dev.exited
  }
  // workerd may outlive wrangler by a moment; make sure nothing of the group is left.
  killGroup(dev.child.pid, 'SIGKILL')
}

/** Stops every `wrangler dev` this process started. */
export async function stopAll() {
  await Promise.all([...running].map((dev) => stopDev(dev)))
}

/**
 * Polls `url` until it answers 2xx. Fails early if the server process exits, or after
 * `timeoutMs`; either error carries the server's last log lines.
 */
export async function waitForHttp(dev, url, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer yet'
  while (Date.now() < deadline) {
    if (dev.done) {
      const { code, signal, error } = await dev.exited
      const why = error ? error.message : signal ? `killed by ${signal}` : `exit code ${code}`
      throw new Error(
        `wrangler dev stopped before answering (${why}). Its last output:\n${dev.log.tail()}`,
      )
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) })
      await res.arrayBuffer()
      if (res.ok) return
      last = `HTTP ${res.status}`
    } catch (error) {
      last = error.cause?.code ?? error.message
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(
    `wrangler dev did not answer ${url} within ${timeoutMs / 1000} s (last: ${last}). Its last output:\n${dev.log.tail()}`,
  )
}

/** Throws if something already listens on 127.0.0.1:`port` (another Candor, say). */
export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', (error) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use; stop what runs there or set PORT.`
            : `Cannot listen on port ${port}: ${error.message}`,
        ),
      ),
    )
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()))
  })
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}
