import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const root = path.resolve(import.meta.dirname, '../..')
const bin = path.join(root, 'node_modules', '.bin')
const run = promisify(execFile)

/** Environment for wrangler: the project's own Node first on PATH, no telemetry. */
function wranglerEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    WRANGLER_SEND_METRICS: 'false',
    CI: 'true',
  }
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface RunningCandor {
  url: string
  token: string
  logs: () => string
  stop: () => Promise<void>
}

/**
 * Starts Candor exactly as API.md's "Running it" says: migrations applied to a fresh persist
 * directory, then `wrangler dev` with ADMIN_TOKEN and any extra vars (and flags).
 */
export async function startCandor(
  vars: Record<string, string> = {},
  flags: string[] = [],
): Promise<RunningCandor> {
  const state = await mkdtemp(path.join(tmpdir(), 'candor-e2e-'))
  await run(
    path.join(bin, 'wrangler'),
    ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state],
    {
      cwd: root,
      env: wranglerEnv(),
    },
  )
  const token = `e2e-${crypto.randomUUID()}`
  // Two test files start wrangler dev at once: a port found free can be taken by the other
  // before this one binds it, so a start refused with "Address already in use" tries anew.
  for (let attempt = 1; ; attempt++) {
    const started = await launch(state, token, vars, flags)
    if ('url' in started) return started
    if (!started.portTaken || attempt === 3) {
      await rm(state, { recursive: true, force: true })
      throw new Error(started.message)
    }
  }
}

type Launched = RunningCandor | { portTaken: boolean; message: string }

async function launch(
  state: string,
  token: string,
  vars: Record<string, string>,
  flags: string[],
): Promise<Launched> {
  const wrangler = path.join(bin, 'wrangler')
  const port = await freePort()
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', state]
  args.push('--inspector-port', String(await freePort()))
  for (const [key, value] of Object.entries({ ADMIN_TOKEN: token, ...vars })) {
    args.push('--var', `${key}:${value}`)
  }
  args.push(...flags)
  const child: ChildProcess = spawn(wrangler, args, {
    cwd: root,
    env: wranglerEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = `http://127.0.0.1:${port}`
  const kill = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      process.kill(-child.pid, 'SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
    }
  }
  const stop = async () => {
    await kill()
    await rm(state, { recursive: true, force: true })
  }
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || output.includes('Address already in use')) break
    try {
      const res = await fetch(`${url}/api/v2/status.json`)
      if (res.ok) return { url, token, logs: () => output, stop }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  await kill()
  return {
    portTaken: output.includes('Address already in use'),
    message: `wrangler dev did not come up on ${url}:\n${output.slice(-3000)}`,
  }
}
