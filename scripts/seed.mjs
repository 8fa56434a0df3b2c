// Demo data for a local Candor, created through the admin API over HTTP:
// components in a group, two areas, a resolved incident from a few days ago, an open incident
// whose ETA has moved twice, maintenance scheduled for tomorrow, and a known fault announced
// in advance (upcoming until tomorrow 09:00 UTC).
//
//   npm run seed       (CANDOR_URL, default http://127.0.0.1:8787;
//                       CANDOR_TOKEN, default the token in .candor/admin-token)
//
// Does nothing if the page already has components.

import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT } from './lib/wrangler.mjs'

const HOUR = 3_600_000
export const TOKEN_FILE = path.join(ROOT, '.candor', 'admin-token')

/** An ISO time `ms` milliseconds from `now` (negative for the past). */
function at(now, ms) {
  return new Date(now.getTime() + ms).toISOString()
}

/** A small admin API client: `call('POST', '/components', body)` → parsed JSON, or throws. */
export function adminClient(baseUrl, token) {
  return async function call(method, route, body) {
    const res = await fetch(`${baseUrl}/api/v1${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (!res.ok) {
      throw new Error(`${method} /api/v1${route} answered ${res.status}: ${text.slice(0, 500)}`)
    }
    return text ? JSON.parse(text) : null
  }
}

/** Creates the components: a "Network" group of three and one ungrouped. Returns id by name. */
async function createComponents(call) {
  const specs = [
    { name: 'Broadband', group_name: 'Network', description: 'Fibre and DSL home internet' },
    { name: 'Mobile data', group_name: 'Network', description: '4G and 5G data' },
    { name: 'Voice', group_name: 'Network', description: 'Landline and VoIP calls' },
    { name: 'Customer portal', description: 'Billing, orders and support tickets online' },
  ]
  const ids = {}
  for (const spec of specs) ids[spec.name] = (await call('POST', '/components', spec)).id
  return ids
}

/** Creates the two demo areas. Returns id by name. */
async function createAreas(call) {
  const ids = {}
  for (const name of ['M14', 'M15']) ids[name] = (await call('POST', '/areas', { name })).id
  return ids
}

/** A voice incident three days ago, investigated, identified and resolved within two hours. */
async function createResolvedIncident(call, ids, now) {
  const start = now.getTime() - 3 * 24 * HOUR
  const since = (ms) => new Date(start + ms).toISOString()
  const incident = await call('POST', '/incidents', {
    name: 'Calls failing to connect',
    status: 'investigating',
    impact: 'minor',
    started_at: since(0),
    body: 'Some calls fail to connect or drop after a few seconds. We are investigating.',
    components: { [ids.components.Voice]: 'partial_outage' },
    area_ids: [ids.areas.M15],
    eta: since(3 * HOUR),
    notify: false,
  })
  await call('POST', `/incidents/${incident.id}/updates`, {
    status: 'identified',
    body: 'A faulty card in the M15 voice switch. A replacement is being fitted.',
    display_at: since(0.75 * HOUR),
    notify: false,
  })
  await call('POST', `/incidents/${incident.id}/updates`, {
    status: 'resolved',
    body: 'The card was replaced and calls connect normally. Sorry for the disruption.',
    components: { [ids.components.Voice]: 'operational' },
    display_at: since(2 * HOUR),
    notify: false,
  })
  return incident
}

/**
 * A broadband outage in M14 that began six hours ago, whose ETA has moved twice, with a
 * promised next update, progress and a workaround.
 */
async function createOpenIncident(call, ids, now) {
  const incident = await call('POST', '/incidents', {
    name: 'No broadband in M14',
    status: 'investigating',
    impact: 'major',
    started_at: at(now, -6 * HOUR),
    body: 'Customers in M14 have no broadband. Engineers are on their way to the exchange.',
    components: {
      [ids.components.Broadband]: 'major_outage',
      [ids.components.Voice]: 'degraded_performance',
    },
    area_ids: [ids.areas.M14],
    eta: at(now, -3 * HOUR),
  })
  await call('POST', `/incidents/${incident.id}/updates`, {
    status: 'identified',
    body: 'A fibre cable was cut by road works on the A6. Splicing takes longer than we said.',
    eta: at(now, HOUR),
    display_at: at(now, -3 * HOUR),
    progress: 20,
  })
  const { incident: latest } = await call('POST', `/incidents/${incident.id}/updates`, {
    status: 'identified',
    body: '36 of 96 fibres are spliced. The rest needs a new cable section, due in three hours.',
    eta: at(now, 3 * HOUR),
    next_update_at: at(now, 0.75 * HOUR),
    progress: 40,
    workaround: 'Use mobile data; call us for a free MiFi while the outage lasts.',
    next_steps: 'Pull the new cable section, splice the remaining fibres, test every line.',
  })
  return latest
}

/** Network work on mobile data in M15, tomorrow 01:00–03:00 UTC. */
async function createMaintenance(call, ids, now) {
  const tomorrow = new Date(now)
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1)
  tomorrow.setUTCHours(1, 0, 0, 0)
  return call('POST', '/maintenances', {
    name: 'Mast upgrade in M15',
    body: 'We are upgrading the M15 masts to 5G. Mobile data may drop for a few minutes.',
    scheduled_for: tomorrow.toISOString(),
    scheduled_until: at(tomorrow, 2 * HOUR),
    component_ids: [ids.components['Mobile data']],
    area_ids: [ids.areas.M15],
    remind_before_minutes: 60,
  })
}

/** Voice in M15 goes down tomorrow 09:00–13:00 UTC while a cable is replaced: announced now. */
async function createKnownFault(call, ids, now) {
  const start = new Date(now)
  start.setUTCDate(start.getUTCDate() + 1)
  start.setUTCHours(9, 0, 0, 0)
  return call('POST', '/incidents', {
    name: 'Voice outage in M15 while a cable is replaced',
    status: 'identified',
    impact: 'major',
    body: 'Loss of voice service is expected in M15 while the damaged cable is replaced.',
    components: { [ids.components.Voice]: 'major_outage' },
    area_ids: [ids.areas.M15],
    expected_start: start.toISOString(),
    eta: at(start, 4 * HOUR),
    workaround: 'Calls over mobile or Wi-Fi calling keep working.',
  })
}

/**
 * Seeds the demo data unless the page already has components. Returns what it created
 * (`{ skipped: true }` when it did nothing). `log` receives one line per created object.
 */
export async function seed({ baseUrl, token, now = new Date(), log = console.log }) {
  const call = adminClient(baseUrl.replace(/\/+$/, ''), token)
  const existing = await call('GET', '/components')
  if (existing.length > 0) {
    log(
      `Seed: the page already has ${existing.length} components (groups included); nothing added.`,
    )
    return { skipped: true }
  }
  const ids = { components: await createComponents(call), areas: await createAreas(call) }
  log(`Seed: components ${Object.keys(ids.components).join(', ')} (group "Network")`)
  log(`Seed: areas ${Object.keys(ids.areas).join(', ')}`)
  const resolved = await createResolvedIncident(call, ids, now)
  log(`Seed: resolved incident "${resolved.name}" (${resolved.id}), three days ago`)
  const open = await createOpenIncident(call, ids, now)
  log(`Seed: open incident "${open.name}" (${open.id}), ETA moved ${open.eta_history.length - 1}×`)
  const maintenance = await createMaintenance(call, ids, now)
  log(`Seed: maintenance "${maintenance.name}" (${maintenance.id}) at ${maintenance.scheduled_for}`)
  const knownFault = await createKnownFault(call, ids, now)
  log(
    `Seed: known fault "${knownFault.name}" (${knownFault.id}), from ${knownFault.expected_start}`,
  )
  return { skipped: false, ids, resolved, open, maintenance, knownFault }
}

/** The admin token from CANDOR_TOKEN, else from .candor/admin-token. */
async function tokenFromEnvOrFile() {
  if (process.env.CANDOR_TOKEN) return process.env.CANDOR_TOKEN
  try {
    return (await readFile(TOKEN_FILE, 'utf8')).trim()
  } catch {
    throw new Error(
      'No admin token: set CANDOR_TOKEN, or run `npm start` once to create .candor/admin-token.',
    )
  }
}

/** `npm run seed`: seeds the Candor at CANDOR_URL. */
async function main() {
  const baseUrl = process.env.CANDOR_URL ?? 'http://127.0.0.1:8787'
  const token = await tokenFromEnvOrFile()
  try {
    await seed({ baseUrl, token })
  } catch (error) {
    if (error.cause?.code === 'ECONNREFUSED') {
      throw new Error(`Nothing answers at ${baseUrl}; start Candor first (npm start).`)
    }
    throw error
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(`Seeding failed: ${error.message}`)
    process.exit(1)
  })
}
