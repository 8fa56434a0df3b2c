import { env, exports } from 'cloudflare:workers'

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

/** Row counts of every table, to show that a refused request wrote nothing. */
export async function tableCounts(): Promise<Record<string, number>> {
  const tables = [
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
  ]
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>()
    counts[table] = row!.n
  }
  return counts
}

export const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString()
