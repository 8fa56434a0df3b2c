import { env, exports } from 'cloudflare:workers'
import { afterAll, beforeAll } from 'vitest'
import { refreshSnapshot } from '../../src/domain/snapshot'

export const ADMIN = 'test-admin-token'

/** A request to the worker under test, as a client would send it. */
export async function call(
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers }
  const token = options.token === undefined ? ADMIN : options.token
  if (token) headers.authorization = `Bearer ${token}`
  let body: string | undefined
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  return exports.default.fetch(new Request(`http://candor.test${path}`, { method, headers, body }))
}

/** Calls and parses JSON, failing loudly on an unexpected status. */
export async function callJson<T = any>(
  method: string,
  path: string,
  options: Parameters<typeof call>[2] & { expect?: number } = {},
): Promise<T> {
  const res = await call(method, path, options)
  const text = await res.text()
  const expected = options.expect ?? (method === 'POST' ? 201 : 200)
  if (res.status !== expected) {
    throw new Error(`${method} ${path}: expected ${expected}, got ${res.status}: ${text}`)
  }
  return JSON.parse(text) as T
}

let counter = 0
const unique = (prefix: string) => `${prefix} ${++counter}-${crypto.randomUUID().slice(0, 6)}`

export async function makeComponent(fields: Record<string, unknown> = {}) {
  return callJson('POST', '/api/v1/components', { body: { name: unique('Component'), ...fields } })
}

export async function makeArea(name = unique('Area')) {
  return callJson('POST', '/api/v1/areas', { body: { name } })
}

export async function makeIncident(fields: Record<string, unknown> = {}) {
  return callJson('POST', '/api/v1/incidents', {
    body: {
      name: unique('Incident'),
      status: 'investigating',
      impact: 'minor',
      body: 'We are looking into it.',
      ...fields,
    },
  })
}

export async function postUpdate(id: string, fields: Record<string, unknown>) {
  return callJson('POST', `/api/v1/incidents/${id}/updates`, {
    body: { body: 'Update.', ...fields },
  })
}

const COUNTED_TABLES = [
  'components',
  'areas',
  'incidents',
  'incident_updates',
  'eta_changes',
  'incident_components',
  'incident_areas',
  'component_status_changes',
  'api_tokens',
  'audit_log',
  'outbox',
  'intake_settings',
  'intake_groups',
  'intake_alerts',
  'subscribers',
  'subscriber_incidents',
  'transactional_mail',
  'postmortems',
] as const

/** Row counts of every table, to show that a refused request wrote nothing. */
export async function tableCounts(): Promise<Record<(typeof COUNTED_TABLES)[number], number>> {
  const counts = {} as Record<(typeof COUNTED_TABLES)[number], number>
  for (const table of COUNTED_TABLES) {
    const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>()
    counts[table] = row!.n
  }
  return counts
}

export const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString()

export async function makeMaintenance(fields: Record<string, unknown> = {}) {
  return callJson('POST', '/api/v1/maintenances', {
    body: {
      name: unique('Maintenance'),
      body: 'Planned work.',
      scheduled_for: inMinutes(60),
      scheduled_until: inMinutes(120),
      component_ids: [],
      ...fields,
    },
  })
}

export async function postMaintenanceUpdate(id: string, fields: Record<string, unknown>) {
  return callJson('POST', `/api/v1/maintenances/${id}/updates`, {
    body: { body: 'Maintenance update.', ...fields },
  })
}

/** Mints a token with `scopes` (as the bootstrap owner) and returns its secret. */
export async function makeToken(scopes: string[]): Promise<{ id: string; token: string }> {
  return callJson('POST', '/api/v1/tokens', { body: { name: unique('Token'), scopes } })
}

/** A public (unauthenticated) read. */
export async function publicJson<T = any>(path: string): Promise<T> {
  return callJson<T>('GET', path, { token: null })
}

/** Rows of a query against the test database. */
export async function rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]) {
  const { results } = await env.DB.prepare(sql)
    .bind(...params)
    .all<T>()
  return results
}

/** Asserts API.md's error shape and returns its parts. */
export async function errorOf(
  res: Response,
): Promise<{ status: number; code: string; message: string; details?: unknown }> {
  const text = await res.text()
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } }
  try {
    body = JSON.parse(text)
  } catch {
    throw new Error(`expected a JSON error, got ${res.status}: ${text.slice(0, 200)}`)
  }
  if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`expected {error: {code, message}}, got ${res.status}: ${text.slice(0, 200)}`)
  }
  return {
    status: res.status,
    code: body.error.code,
    message: body.error.message,
    details: body.error.details,
  }
}

/** The bootstrap owner as a domain actor, for verb contexts. */
export const OWNER_ACTOR = { id: 'test-owner', scopes: ['owner' as const] }

/** A domain verb context against the test database, with a chosen clock. */
export function domainContext(now = new Date()) {
  return { db: env.DB, actor: OWNER_ACTOR, now }
}

/**
 * Empties every table and rebuilds the public snapshot: for tests about the page as a whole,
 * which must not see data left by earlier tests in the same file.
 */
export async function resetData(): Promise<void> {
  await env.DB.batch(
    [
      'incident_components',
      'incident_areas',
      'eta_changes',
      'incident_updates',
      'incidents',
      'component_status_changes',
      'areas',
      'audit_log',
      'outbox',
    ].map((table) => env.DB.prepare(`DELETE FROM ${table}`)),
  )
  await env.DB.prepare('UPDATE components SET group_id = NULL').run()
  await env.DB.prepare('DELETE FROM components').run()
  await refreshSnapshot(env)
}

/**
 * Sets the page's time zone for the tests of the calling `describe` (or file), and puts it
 * back to UTC after them.
 */
export function onPageClock(timeZone: string): void {
  beforeAll(async () => {
    await callJson('PATCH', '/api/v1/page', { body: { time_zone: timeZone } })
  })
  afterAll(async () => {
    await callJson('PATCH', '/api/v1/page', { body: { time_zone: 'Etc/UTC' } })
    await refreshSnapshot(env)
  })
}
