// The planning half of `npm run deploy`, free of side effects: which Cloudflare resources
// wrangler.toml names, which of them the account already has (read from wrangler's own output),
// what to create, the config the deploy runs with, and which secrets are still missing.

import { stripVTControlCharacters } from 'node:util'

/** The ids wrangler.toml ships with, which stand for "not created yet". */
const PLACEHOLDER_ID = /^0+$/

/** Whether `id` is missing or one of wrangler.toml's all-zero placeholders. */
export function isPlaceholderId(id) {
  return !id || PLACEHOLDER_ID.test(String(id).replaceAll('-', ''))
}

/** The title given to a KV namespace this script creates: `<worker>-<binding>`. */
export function kvTitle(config, binding) {
  return `${config.name}-${binding}`
}

/**
 * Every resource the Worker's config names, in config order: D1 databases, KV namespaces,
 * queues (producers, consumers and their dead-letter queues, each once) and R2 buckets.
 */
export function resourcesOf(config) {
  const d1 = (config.d1_databases ?? []).map((db) => ({
    binding: db.binding,
    name: db.database_name,
    id: db.database_id,
  }))
  const kv = (config.kv_namespaces ?? []).map((ns) => ({
    binding: ns.binding,
    title: kvTitle(config, ns.binding),
    id: ns.id,
  }))
  const queues = []
  const addQueue = (name) => name && !queues.includes(name) && queues.push(name)
  for (const producer of config.queues?.producers ?? []) addQueue(producer.queue)
  for (const consumer of config.queues?.consumers ?? []) {
    addQueue(consumer.queue)
    addQueue(consumer.dead_letter_queue)
  }
  const r2 = (config.r2_buckets ?? []).map((bucket) => ({
    binding: bucket.binding,
    name: bucket.bucket_name,
  }))
  return { d1, kv, queues, r2 }
}

/** The databases in `wrangler d1 list --json` output, as `{ name, id }`. */
export function parseD1List(stdout) {
  return parseJsonArray(stdout, 'wrangler d1 list --json').map((db) => ({
    name: db.name,
    id: db.uuid,
  }))
}

/** The namespaces in `wrangler kv namespace list` output (JSON), as `{ title, id }`. */
export function parseKvList(stdout) {
  return parseJsonArray(stdout, 'wrangler kv namespace list').map((ns) => ({
    title: ns.title,
    id: ns.id,
  }))
}

/** The secret names in `wrangler secret list --format json` output. */
export function parseSecretList(stdout) {
  return parseJsonArray(stdout, 'wrangler secret list').map((secret) => secret.name)
}

/**
 * The queue names in `wrangler queues list` output, which is a table (it has no JSON option):
 * the column headed "name" of each row.
 */
export function parseQueuesTable(stdout) {
  const rows = stripVTControlCharacters(stdout)
    .split(/\r?\n/)
    .filter((line) => line.trimStart().startsWith('│'))
    .map((line) =>
      line
        .trim()
        .split('│')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
  if (rows.length === 0) return []
  const nameColumn = rows[0].indexOf('name')
  if (nameColumn < 0) throw new Error(`wrangler queues list printed no "name" column:\n${stdout}`)
  return rows.slice(1).map((cells) => cells[nameColumn])
}

/** The bucket names in `wrangler r2 bucket list` output ("name: …" lines). */
export function parseR2List(stdout) {
  return stripVTControlCharacters(stdout)
    .split(/\r?\n/)
    .map((line) => /^\s*name:\s+(\S+)/.exec(line)?.[1])
    .filter(Boolean)
}

/**
 * What to create, given what the config names and what the account has. A D1 database is
 * matched by name, a KV namespace by its id in the config or else by its title, a queue or
 * bucket by name. Returns `{ create: [{ kind, name }], existing: [{ kind, name, id? }] }`.
 */
export function planResources(resources, account) {
  const create = []
  const existing = []
  for (const db of resources.d1) {
    const found = account.d1.find((a) => a.name === db.name)
    if (found) existing.push({ kind: 'd1', name: db.name, id: found.id })
    else create.push({ kind: 'd1', name: db.name })
  }
  for (const ns of resources.kv) {
    const found =
      account.kv.find((a) => !isPlaceholderId(ns.id) && a.id === ns.id) ??
      account.kv.find((a) => a.title === ns.title)
    if (found) existing.push({ kind: 'kv', name: found.title, id: found.id })
    else create.push({ kind: 'kv', name: ns.title })
  }
  for (const queue of resources.queues) {
    if (account.queues.includes(queue)) existing.push({ kind: 'queue', name: queue })
    else create.push({ kind: 'queue', name: queue })
  }
  for (const bucket of resources.r2) {
    if (account.r2.includes(bucket.name)) existing.push({ kind: 'r2', name: bucket.name })
    else create.push({ kind: 'r2', name: bucket.name })
  }
  return { create, existing }
}

/** The wrangler arguments that create one planned resource. */
export function createArgs({ kind, name }) {
  switch (kind) {
    case 'd1':
      return ['d1', 'create', name]
    case 'kv':
      return ['kv', 'namespace', 'create', name]
    case 'queue':
      return ['queues', 'create', name]
    case 'r2':
      return ['r2', 'bucket', 'create', name]
    default:
      throw new Error(`Unknown resource kind ${kind}`)
  }
}

/**
 * The config the deploy runs with: `config` with the account's D1 and KV ids filled in.
 * Throws, naming them, if some database or namespace is not in the account.
 */
export function deployConfig(config, account) {
  const resources = resourcesOf(config)
  const missing = []
  const d1 = (config.d1_databases ?? []).map((db) => {
    const found = account.d1.find((a) => a.name === db.database_name)
    if (!found) missing.push(`D1 database ${db.database_name}`)
    return { ...db, database_id: found?.id ?? db.database_id }
  })
  const kv = (config.kv_namespaces ?? []).map((ns, i) => {
    const { id, title } = resources.kv[i]
    const found =
      account.kv.find((a) => !isPlaceholderId(id) && a.id === id) ??
      account.kv.find((a) => a.title === title)
    if (!found) missing.push(`KV namespace ${title}`)
    return { ...ns, id: found?.id ?? ns.id }
  })
  if (missing.length > 0) throw new Error(`Not in the account: ${missing.join(', ')}`)
  const out = { ...config }
  if (config.d1_databases) out.d1_databases = d1
  if (config.kv_namespaces) out.kv_namespaces = kv
  return out
}

/**
 * The secrets the Worker needs: `ADMIN_TOKEN` always; `SMTP_URL` unless a `send_email`
 * binding named `EMAIL` carries mail; `OPS_WEBHOOK_SECRET` when `OPS_WEBHOOK_URL` is set.
 * Names set as plain vars in the config are not asked for.
 */
export function requiredSecrets(config) {
  const vars = config.vars ?? {}
  const names = ['ADMIN_TOKEN']
  if (!(config.send_email ?? []).some((binding) => binding.name === 'EMAIL')) names.push('SMTP_URL')
  if (vars.OPS_WEBHOOK_URL) names.push('OPS_WEBHOOK_SECRET')
  return names.filter((name) => !(name in vars))
}

/** The required secrets not among `existing`, in the order required. */
export function missingSecrets(required, existing) {
  return required.filter((name) => !existing.includes(name))
}

/** Parses wrangler's JSON output: from the first line that opens a list to the last `]`. */
function parseJsonArray(stdout, what) {
  const text = stripVTControlCharacters(stdout)
  const start = /^\s*\[/m.exec(text)?.index
  if (start === undefined) throw new Error(`${what} printed no JSON list:\n${stdout}`)
  const value = JSON.parse(text.slice(start, text.lastIndexOf(']') + 1))
  if (!Array.isArray(value)) throw new Error(`${what} printed JSON that is not a list`)
  return value
}
