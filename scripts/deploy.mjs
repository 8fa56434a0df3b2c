// `npm run deploy`: deploys Candor to the Cloudflare account wrangler is logged in to, creating
// what the account lacks. Builds the bundle and checks its size; creates the D1 databases, KV
// namespaces, queues and R2 buckets named in wrangler.toml that do not exist yet; writes
// wrangler.deploy.toml (wrangler.toml with the real ids, git-ignored); applies the migrations;
// asks for missing secrets; deploys.
//
// `npm run deploy -- --dry-run` only builds and checks the size (no account needed).
// `--paid` checks the size against the Workers Paid limit instead of the free one.

import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline/promises'
import { parse, stringify } from 'smol-toml'
import { checkBundleSize, measureBundle, WORKER_SIZE_LIMITS } from './lib/bundle-size.mjs'
import {
  createArgs,
  deployConfig,
  missingSecrets,
  parseD1List,
  parseKvList,
  parseQueuesTable,
  parseR2List,
  parseSecretList,
  planResources,
  requiredSecrets,
  resourcesOf,
} from './lib/deploy-plan.mjs'
import { createRunner, runOrThrow } from './lib/wrangler-runner.mjs'
import { ROOT } from './lib/wrangler.mjs'

/**
 * The generated config, beside wrangler.toml so that its relative paths stay right
 * (CANDOR_DEPLOY_CONFIG names another file there, for the script's own tests).
 */
const DEPLOY_CONFIG = process.env.CANDOR_DEPLOY_CONFIG || 'wrangler.deploy.toml'

/** At most this many pages of `wrangler queues list` are read. */
const MAX_QUEUE_PAGES = 100

/** Builds the bundle into a temporary directory, prints its size; throws if it is too big. */
async function checkBundle(run, limit) {
  const outdir = await mkdtemp(path.join(os.tmpdir(), 'candor-bundle-'))
  try {
    await runOrThrow(run, ['deploy', '--dry-run', '--outdir', outdir])
    const { ok, line } = checkBundleSize(await measureBundle(outdir), limit)
    console.log(line)
    if (!ok) throw new Error('The Worker bundle is over the size limit.')
  } finally {
    await rm(outdir, { recursive: true, force: true })
  }
}

/** Every queue name in the account, page by page until a page brings nothing new. */
async function listQueues(run) {
  const names = []
  for (let page = 1; page <= MAX_QUEUE_PAGES; page++) {
    const fresh = parseQueuesTable(
      await runOrThrow(run, ['queues', 'list', '--page', String(page)]),
    ).filter((name) => !names.includes(name))
    if (fresh.length === 0) break
    names.push(...fresh)
  }
  return names
}

/** What the account has of the kinds the config uses. */
async function readAccount(run, resources) {
  const has = (list) => list.length > 0
  return {
    d1: has(resources.d1) ? parseD1List(await runOrThrow(run, ['d1', 'list', '--json'])) : [],
    kv: has(resources.kv) ? parseKvList(await runOrThrow(run, ['kv', 'namespace', 'list'])) : [],
    queues: has(resources.queues) ? await listQueues(run) : [],
    r2: has(resources.r2) ? parseR2List(await runOrThrow(run, ['r2', 'bucket', 'list'])) : [],
  }
}

/** The secret names the deployed Worker has; none if it has never been deployed. */
async function existingSecrets(run) {
  const result = await run(['secret', 'list', '--format', 'json'])
  if (result.code === 0) return parseSecretList(result.stdout)
  if (/not found/i.test(`${result.stdout}\n${result.stderr}`)) return []
  throw new Error(`wrangler secret list failed:\n${result.stdout}\n${result.stderr}`.trim())
}

/** Asks for each missing secret on the terminal; an empty ADMIN_TOKEN is generated. */
async function promptSecrets(names) {
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  const values = {}
  try {
    for (const name of names) {
      const hint = name === 'ADMIN_TOKEN' ? ' (empty: generate one)' : ''
      let value = (await rl.question(`${name}${hint}: `)).trim()
      if (!value && name === 'ADMIN_TOKEN') {
        value = `candor_${randomBytes(24).toString('base64url')}`
        console.log(`  ADMIN_TOKEN is ${value} — keep it; it is shown only now.`)
      }
      if (!value) throw new Error(`${name} is needed; nothing was deployed.`)
      values[name] = value
    }
  } finally {
    rl.close()
  }
  return values
}

/**
 * The values of the missing secrets: from this process's environment, else asked for on a
 * terminal; without a terminal, an error listing what to set.
 */
async function secretValues(missing, { env = process.env, tty = process.stdin.isTTY } = {}) {
  const values = {}
  for (const name of missing) if (env[name]) values[name] = env[name]
  const unset = missing.filter((name) => !(name in values))
  if (unset.length === 0) return values
  if (!tty) {
    throw new Error(
      `The Worker lacks these secrets: ${unset.join(', ')}. Set each in the environment of ` +
        '`npm run deploy` (e.g. ADMIN_TOKEN=… npm run deploy), or once with ' +
        '`npx wrangler secret put NAME`, or run it on a terminal to be asked. Nothing was changed.',
    )
  }
  return { ...values, ...(await promptSecrets(unset)) }
}

/**
 * Gathers the missing secrets first (so that nothing changes when one cannot be had), then
 * creates what is missing, writes the deploy config, migrates and deploys with the secrets.
 */
async function deploy(run, config) {
  const missing = missingSecrets(requiredSecrets(config), await existingSecrets(run))
  const values = await secretValues(missing)

  const resources = resourcesOf(config)
  let account = await readAccount(run, resources)
  const { create, existing } = planResources(resources, account)
  for (const item of existing) console.log(`Found ${item.kind} ${item.name}`)
  for (const item of create) {
    console.log(`Creating ${item.kind} ${item.name} …`)
    await runOrThrow(run, createArgs(item))
  }
  if (create.length > 0) account = await readAccount(run, resources)

  const header = `# Generated by \`npm run deploy\` from wrangler.toml with this account's ids. Do not edit.\n`
  await writeFile(path.join(ROOT, DEPLOY_CONFIG), header + stringify(deployConfig(config, account)))
  console.log(`Wrote ${DEPLOY_CONFIG}`)

  for (const db of config.d1_databases ?? []) {
    if (!db.migrations_dir) continue
    console.log(`Applying migrations to ${db.database_name} …`)
    await runOrThrow(
      run,
      ['d1', 'migrations', 'apply', db.binding, '--remote', '--config', DEPLOY_CONFIG],
      { inherit: true },
    )
  }

  const dir = await mkdtemp(path.join(os.tmpdir(), 'candor-secrets-'))
  try {
    const args = ['deploy', '--config', DEPLOY_CONFIG]
    if (missing.length > 0) {
      const file = path.join(dir, 'secrets.json')
      await writeFile(file, JSON.stringify(values), { mode: 0o600 })
      args.push('--secrets-file', file)
      console.log(`Uploading secrets with the deploy: ${missing.join(', ')}`)
    }
    await runOrThrow(run, args, { inherit: true })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function main() {
  const argv = process.argv.slice(2)
  const unknown = argv.filter((a) => a !== '--dry-run' && a !== '--paid')
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown[0]} (known: --dry-run, --paid)`)
  const limit = argv.includes('--paid') ? WORKER_SIZE_LIMITS.paid : WORKER_SIZE_LIMITS.free
  const run = createRunner()
  const config = parse(await readFile(path.join(ROOT, 'wrangler.toml'), 'utf8'))

  await checkBundle(run, limit)
  if (argv.includes('--dry-run')) {
    console.log('Dry run: nothing was created or deployed.')
    return
  }
  await deploy(run, config)
}

main().catch((error) => {
  console.error(`\nDeploy failed: ${error.message}`)
  process.exit(1)
})
