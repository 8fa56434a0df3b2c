import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'smol-toml'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkBundleSize, WORKER_SIZE_LIMITS } from '../../scripts/lib/bundle-size.mjs'

/**
 * `npm run deploy` as a whole: the dry run with the real wrangler (offline: it only bundles),
 * and the full run against a fake `wrangler` that keeps a pretend Cloudflare account in a file.
 */

const root = path.resolve(import.meta.dirname, '../..')
const script = path.join(root, 'scripts', 'deploy.mjs')

type Call = { args: string[]; config?: string; secrets?: Record<string, string> }
type Account = {
  d1: { uuid: string; name: string }[]
  kv: { id: string; title: string }[]
  queues: string[]
  r2: string[]
  secrets: string[]
  deployed: boolean
  calls: Call[]
}

/** Runs the deploy script with `env` added; resolves to its exit code and output. */
function runDeploy(args: string[], env: Record<string, string>) {
  const base = { ...process.env }
  for (const name of ['ADMIN_TOKEN', 'SMTP_URL', 'OPS_WEBHOOK_SECRET', 'WRANGLER'])
    delete base[name]
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [script, ...args],
      { cwd: root, env: { ...base, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, output: `${stdout}\n${stderr}` })
      },
    )
    child.stdin?.end()
  })
}

describe('npm run deploy -- --dry-run', () => {
  it('bundles the Worker and finds it under the free plan limit', async () => {
    const { code, output } = await runDeploy(['--dry-run'], {})
    expect(output).toContain('Dry run: nothing was created or deployed.')
    expect(code).toBe(0)
    const match =
      /Worker bundle: ([\d.]+) (KiB|MiB) gzipped, \d+% of the 3\.00 MiB limit of Workers Free/.exec(
        output,
      )
    expect(match, output).not.toBeNull()
    const bytes = Number(match![1]) * (match![2] === 'MiB' ? 1024 * 1024 : 1024)
    expect(bytes).toBeGreaterThan(10 * 1024)
    expect(bytes).toBeLessThan(WORKER_SIZE_LIMITS.free.gzipBytes)
  }, 120_000)

  it('fails a bundle over the limit, naming the plan', () => {
    const over = checkBundleSize({ gzipBytes: WORKER_SIZE_LIMITS.free.gzipBytes + 1 })
    expect(over.ok).toBe(false)
    expect(over.line).toMatch(/limit of Workers Free .* too big/)
    expect(checkBundleSize({ gzipBytes: 4 * 1024 * 1024 }, WORKER_SIZE_LIMITS.paid).ok).toBe(true)
  })
})

describe('npm run deploy against a fake account', () => {
  let dir: string
  let stateFile: string
  let configName: string
  let env: Record<string, string>

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'candor-deploy-'))
    stateFile = path.join(dir, 'account.json')
    const fresh: Account = {
      d1: [],
      kv: [],
      queues: [],
      r2: [],
      secrets: [],
      deployed: false,
      calls: [],
    }
    await writeFile(stateFile, JSON.stringify(fresh))
    const fake = path.join(dir, 'wrangler')
    const fakeScript = path.join(root, 'tests', 'e2e', 'fake-wrangler.mjs')
    await writeFile(fake, `#!/bin/sh\nexec "${process.execPath}" "${fakeScript}" "$@"\n`)
    await chmod(fake, 0o755)
    configName = `wrangler.deploy.test-${randomBytes(4).toString('hex')}.toml`
    env = { WRANGLER: fake, FAKE_WRANGLER_STATE: stateFile, CANDOR_DEPLOY_CONFIG: configName }
  })

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
    await rm(path.join(root, configName), { force: true })
  })

  const account = async (): Promise<Account> => JSON.parse(await readFile(stateFile, 'utf8'))
  const commands = (calls: Call[]) => calls.map((c) => c.args.slice(0, 3).join(' '))

  it('creates everything wrangler.toml names on a fresh account, then migrates and deploys', async () => {
    const secrets = {
      ADMIN_TOKEN: 'candor_deploy-test-token',
      SMTP_URL: 'smtps://u:p@smtp.example:465',
    }
    const { code, output } = await runDeploy([], { ...env, ...secrets })
    expect(code, output).toBe(0)

    const after = await account()
    const config = parse(await readFile(path.join(root, 'wrangler.toml'), 'utf8')) as {
      queues: {
        producers: { queue: string }[]
        consumers: { queue: string; dead_letter_queue?: string }[]
      }
    }
    const queues = new Set([
      ...config.queues.producers.map((p) => p.queue),
      ...config.queues.consumers.flatMap((c) => [
        c.queue,
        ...(c.dead_letter_queue ? [c.dead_letter_queue] : []),
      ]),
    ])
    expect(after.d1.map((db) => db.name)).toEqual(['candor'])
    expect(after.kv.map((ns) => ns.title)).toEqual(['candor-SNAPSHOTS'])
    expect(new Set(after.queues)).toEqual(queues)
    expect(after.queues).toHaveLength(queues.size)
    expect(after.r2).toEqual(['candor-brand'])

    // Migrations and the deploy both run with the generated config and its real ids.
    const migrate = after.calls.find((c) => c.args[0] === 'd1' && c.args[1] === 'migrations')
    const deploy = after.calls.at(-1)!
    expect(migrate?.args).toEqual([
      'd1',
      'migrations',
      'apply',
      'DB',
      '--remote',
      '--config',
      configName,
    ])
    expect(deploy.args.slice(0, 3)).toEqual(['deploy', '--config', configName])
    for (const written of [migrate!.config!, deploy.config!]) {
      const deployed = parse(written) as {
        main: string
        d1_databases: { database_id: string; migrations_dir: string }[]
        kv_namespaces: { id: string }[]
      }
      expect(deployed.d1_databases[0]!.database_id).toBe(after.d1[0]!.uuid)
      expect(deployed.kv_namespaces[0]!.id).toBe(after.kv[0]!.id)
      expect(deployed.main).toBe('src/index.ts')
      expect(deployed.d1_databases[0]!.migrations_dir).toBe('migrations')
    }
    expect(deploy.secrets).toEqual(secrets)
    expect(after.deployed).toBe(true)
    expect(output).toContain('limit of Workers Free')
  }, 60_000)

  it('creates nothing and asks for nothing the second time', async () => {
    const first = await runDeploy([], {
      ...env,
      ADMIN_TOKEN: 't',
      SMTP_URL: 'smtp://mail.example:587',
    })
    expect(first.code, first.output).toBe(0)
    const callsBefore = (await account()).calls.length

    const second = await runDeploy([], env)
    expect(second.code, second.output).toBe(0)
    const calls = (await account()).calls.slice(callsBefore)
    expect(commands(calls).filter((c) => c.includes('create'))).toEqual([])
    expect(calls.at(-1)!.args).toEqual(['deploy', '--config', configName])
    expect(calls.at(-1)!.secrets).toBeUndefined()
  }, 60_000)

  it('without a terminal, changes nothing and names the secrets to set', async () => {
    const { code, output } = await runDeploy([], env)
    expect(code).toBe(1)
    expect(output).toMatch(/lacks these secrets: ADMIN_TOKEN, SMTP_URL/)
    const after = await account()
    expect(after.deployed).toBe(false)
    expect(after.d1).toEqual([])
    expect(after.queues).toEqual([])
    expect(commands(after.calls)).toEqual(['deploy --dry-run --outdir', 'secret list --format'])
  }, 60_000)

  it('takes only the secrets the Worker lacks', async () => {
    const state = await account()
    await writeFile(
      stateFile,
      JSON.stringify({ ...state, deployed: true, secrets: ['ADMIN_TOKEN'] }),
    )
    const { code, output } = await runDeploy([], { ...env, SMTP_URL: 'smtp://mail.example:587' })
    expect(code, output).toBe(0)
    expect((await account()).calls.at(-1)!.secrets).toEqual({ SMTP_URL: 'smtp://mail.example:587' })
  }, 60_000)
})
