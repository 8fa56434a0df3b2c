// `npm start`: a local Candor on http://127.0.0.1:8787 (PORT to change it), state kept in
// .candor/state, an admin token kept in .candor/admin-token, demo data on first run, and a
// local mail sink (MAIL_SINK_PORT, default 2525) keeping every email in .candor/mail/, and a
// sign-in link printed for the console's first owner (OWNER_EMAIL).

import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startClockTicker } from './lib/clock-ticker.mjs'
import { DEFAULT_OWNER_EMAIL, mailWatcher, ownerSignInLink } from './lib/owner-sign-in.mjs'
import { describeMail, startMailSink } from './mail-sink.mjs'
import { adminClient, seed, TOKEN_FILE } from './seed.mjs'
import { applyMigrations, assertPortFree, ROOT, startDev, waitForHttp } from './lib/wrangler.mjs'

const STATE_DIR = path.join('.candor', 'state')

/** The admin token in .candor/admin-token, created (random, owner-only file) on first run. */
async function ensureAdminToken() {
  try {
    const token = (await readFile(TOKEN_FILE, 'utf8')).trim()
    if (token) return token
  } catch (error) {
    if (error.code !== 'ENOENT') throw error
  }
  const token = `candor_${randomBytes(24).toString('base64url')}`
  await mkdir(path.dirname(TOKEN_FILE), { recursive: true })
  await writeFile(TOKEN_FILE, `${token}\n`, { mode: 0o600 })
  console.log(`Created an admin token in ${path.relative(ROOT, TOKEN_FILE)}`)
  return token
}

/** The port to listen on: PORT, else 8787. */
function chosenPort() {
  const port = Number(process.env.PORT ?? 8787)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a TCP port number, not "${process.env.PORT}".`)
  }
  return port
}

/** The open demo incident to point at (the most recent one in effect, not upcoming), if any. */
async function openIncident(baseUrl, token) {
  const call = adminClient(baseUrl, token)
  const open = await call('GET', '/incidents?status=unresolved&limit=20')
  const incident = open.find((i) => !i.upcoming) ?? open[0]
  return incident ?? null
}

/** Prints where everything is. */
function printBanner(baseUrl, token, incident, sink, owner) {
  const lines = [
    '',
    `Candor is running at ${baseUrl}`,
    '',
    `  Status page       ${baseUrl}/`,
    incident
      ? `  Open incident     ${baseUrl}/incidents/${incident.id}  (${incident.name})`
      : '  Open incident     (none open)',
    `  History           ${baseUrl}/history`,
    `  Public API        ${baseUrl}/api/v2/summary.json`,
    `  OpenAPI document  ${baseUrl}/api/v1/openapi.json`,
    '',
    owner.link
      ? `  Console           ${owner.link}`
      : `  Console           ${baseUrl}/console/sign-in  (no link came for ${owner.email}; ask there)`,
    owner.link
      ? `                    signs in ${owner.email} (owner); works once, within 15 minutes`
      : '                    OWNER_EMAIL becomes the owner only while there is no member yet',
    '',
    `  Email             kept in ${path.relative(ROOT, sink.dir)}/ as .eml files (local SMTP sink on ${sink.url});`,
    '                    one "mail →" line per message below',
    `  Clock             runs every minute (overdue updates, passed ETAs, maintenance); ops alerts`,
    `                    are emailed to ${process.env.OPS_EMAIL ?? 'ops@localhost'}${process.env.OPS_WEBHOOK_URL ? ` and POSTed to ${process.env.OPS_WEBHOOK_URL}` : ''}`,
    '',
    `  Admin token       ${token}`,
    `                    (kept in ${path.relative(ROOT, TOKEN_FILE)})`,
    '',
    `  Try: curl -H "Authorization: Bearer ${token}" "${baseUrl}/api/v1/incidents?status=unresolved"`,
    '',
    'Press Ctrl-C to stop. Request log follows.',
    '',
  ]
  console.log(lines.join('\n'))
}

/** Stops wrangler and the mail sink on Ctrl-C or SIGTERM, then exits; returns whether stopping. */
function stopOnSignals(dev, sink) {
  const state = { stopping: false }
  const stop = async (signal) => {
    if (state.stopping) return
    state.stopping = true
    console.log(`\nReceived ${signal}; stopping wrangler…`)
    await dev.stop()
    await sink.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  return () => state.stopping
}

/** OPS_WEBHOOK_URL and OPS_WEBHOOK_SECRET, when set in the environment of `npm start`. */
function opsWebhookVars() {
  const vars = {}
  for (const name of ['OPS_WEBHOOK_URL', 'OPS_WEBHOOK_SECRET']) {
    if (process.env[name]) vars[name] = process.env[name]
  }
  return vars
}

/** Applies migrations, starts wrangler dev, seeds a fresh database and prints the URLs. */
async function main() {
  const port = chosenPort()
  await assertPortFree(port)
  const token = await ensureAdminToken()
  console.log(`Applying migrations to ${STATE_DIR} …`)
  await applyMigrations(STATE_DIR)
  const watcher = mailWatcher((message) => console.log(describeMail(message)))
  const sink = await startMailSink({ onMessage: watcher.onMessage })
  const ownerEmail = process.env.OWNER_EMAIL?.trim() || DEFAULT_OWNER_EMAIL

  let ready = false
  const dev = startDev({
    port,
    persistTo: STATE_DIR,
    vars: {
      ADMIN_TOKEN: token,
      ALLOW_HTTP_WEBHOOKS: 'true',
      SMTP_URL: sink.url,
      EMAIL_FROM: 'status@localhost',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      OPS_EMAIL: process.env.OPS_EMAIL ?? 'ops@localhost',
      OWNER_EMAIL: ownerEmail,
      ...opsWebhookVars(),
    },
    // The clock can be run by hand: GET /__scheduled
    extraArgs: ['--test-scheduled'],
    onLine: (line) => ready && console.log(line),
  })
  const stopping = stopOnSignals(dev, sink)
  dev.exited.then(({ code, signal }) => {
    if (!ready || stopping()) return
    console.error(`wrangler dev stopped (${signal ?? `exit code ${code}`}).`)
    process.exit(code ?? 1)
  })

  console.log(`Starting wrangler dev on ${dev.url} …`)
  try {
    await waitForHttp(dev, `${dev.url}/api/v2/status.json`)
    await seed({ baseUrl: dev.url, token })
    const link = await ownerSignInLink({ baseUrl: dev.url, email: ownerEmail, watcher })
    const owner = { email: ownerEmail, link }
    printBanner(dev.url, token, await openIncident(dev.url, token), sink, owner)
    ready = true
    startClockTicker(dev.url, {
      onError: (error) => !stopping() && console.error(`clock tick failed: ${error.message}`),
    })
  } catch (error) {
    await dev.stop()
    await sink.stop()
    throw error
  }
}

main().catch((error) => {
  console.error(`\nCould not start Candor: ${error.message}`)
  process.exit(1)
})
