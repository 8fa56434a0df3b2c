// A stand-in for the `wrangler` CLI against a Cloudflare account, for the deploy script's
// tests: it keeps the account in a JSON file (FAKE_WRANGLER_STATE), records every call there,
// prints what the real CLI prints for the commands the script uses, and never opens a socket.

import { randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const stateFile = process.env.FAKE_WRANGLER_STATE
const state = JSON.parse(readFileSync(stateFile, 'utf8'))
const args = process.argv.slice(2)
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const call = { args }
state.calls.push(call)
const save = () => writeFileSync(stateFile, JSON.stringify(state, null, 2))
const fail = (message) => {
  save()
  process.stderr.write(`✘ [ERROR] ${message}\n`)
  process.exit(1)
}
const is = (...words) => words.every((word, i) => args[i] === word)

/** A table as cli-table3 draws it for `wrangler queues list`. */
function table(rows) {
  if (rows.length === 0) return '┌┐\n└┘'
  const head = Object.keys(rows[0])
  const widths = head.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)))
  const line = (cells) => `│ ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' │ ')} │`
  const rule = (l, m, r) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r
  return [
    rule('┌', '┬', '┐'),
    line(head),
    ...rows.flatMap((row) => [rule('├', '┼', '┤'), line(head.map((h) => row[h]))]),
    rule('└', '┴', '┘'),
  ].join('\n')
}

if (is('deploy') && args.includes('--dry-run')) {
  const outdir = option('--outdir')
  mkdirSync(outdir, { recursive: true })
  writeFileSync(
    path.join(outdir, 'index.js'),
    'export default { fetch() { return new Response("ok") } }\n',
  )
  writeFileSync(path.join(outdir, 'index.js.map'), '{}')
  console.log('--dry-run: exiting now.')
} else if (is('d1', 'list')) {
  console.log(
    JSON.stringify(state.d1.map((db) => ({ uuid: db.uuid, name: db.name, version: 'production' }))),
  )
} else if (is('d1', 'create')) {
  state.d1.push({ uuid: randomUUID(), name: args[2] })
  console.log(`✅ Successfully created DB '${args[2]}'`)
} else if (is('kv', 'namespace', 'list')) {
  console.log(JSON.stringify(state.kv, null, '  '))
} else if (is('kv', 'namespace', 'create')) {
  state.kv.push({
    id: randomBytes(16).toString('hex'),
    title: args[3],
    supports_url_encoding: true,
  })
  console.log(`🌀 Creating namespace with title "${args[3]}"`)
} else if (is('queues', 'list')) {
  const page = Number(option('--page') ?? 1)
  const rows = state.queues.slice((page - 1) * 2, page * 2) // two a page, to exercise paging
  console.log(
    table(rows.map((name, i) => ({ id: `q${page}${i}`, name, producers: '0', consumers: '0' }))),
  )
} else if (is('queues', 'create')) {
  if (state.queues.includes(args[2])) fail(`A queue with name "${args[2]}" already exists.`)
  state.queues.push(args[2])
  console.log(`Created queue ${args[2]}.`)
} else if (is('r2', 'bucket', 'list')) {
  console.log(
    [
      'Listing buckets...',
      ...state.r2.map((n) => `name:           ${n}\ncreation_date:  2026-10-02T09:16:02.331Z\n`),
    ].join('\n'),
  )
} else if (is('r2', 'bucket', 'create')) {
  if (state.r2.includes(args[3])) fail(`The bucket "${args[3]}" already exists.`)
  state.r2.push(args[3])
  console.log(`Created bucket '${args[3]}'.`)
} else if (is('d1', 'migrations', 'apply')) {
  call.config = readFileSync(option('--config'), 'utf8')
  console.log('Migrations applied.')
} else if (is('secret', 'list')) {
  if (!state.deployed)
    fail(
      `Worker "candor" not found.\n\nIf this is a new Worker, run \`wrangler deploy\` first to create it.`,
    )
  console.log(JSON.stringify(state.secrets.map((name) => ({ name, type: 'secret_text' }))))
} else if (is('deploy')) {
  call.config = readFileSync(option('--config'), 'utf8')
  const secretsFile = option('--secrets-file')
  if (secretsFile) {
    call.secrets = JSON.parse(readFileSync(secretsFile, 'utf8'))
    for (const name of Object.keys(call.secrets))
      if (!state.secrets.includes(name)) state.secrets.push(name)
  }
  state.deployed = true
  console.log('Deployed candor triggers')
} else {
  fail(`fake wrangler: unexpected call: wrangler ${args.join(' ')}`)
}
save()
