import { env, exports } from 'cloudflare:workers'
import fc from 'fast-check'
import { expect } from 'vitest'

/**
 * Shared by the fuzz tests: generators of bad requests, a fingerprint of everything in D1, and
 * the checks every answer to a bad request must pass.
 */

/** One generated request. */
export interface FuzzRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: string | FormData
}

/** What the fuzz tests saw, for a line in the test output. */
export const tally = { requests: 0, rejected: 0, accepted: 0, settled: 0, settleMs: 0 }

let tableNames: string[] | null = null

/**
 * A fingerprint of D1: every row of every table, except the outbox's bookkeeping columns, which
 * the queue consumers set in the background after an earlier accepted write (its rows count).
 */
export async function fingerprint(): Promise<Record<string, string>> {
  tableNames ??= (
    await env.DB.prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name`,
    ).all<{ name: string }>()
  ).results.map((row) => row.name)
  const results = await env.DB.batch(
    tableNames.map((name) =>
      env.DB.prepare(name === 'outbox' ? 'SELECT id FROM outbox' : `SELECT * FROM "${name}"`),
    ),
  )
  const print: Record<string, string> = {}
  tableNames.forEach((name, i) => {
    print[name] = results[i]!.results.map((row) => JSON.stringify(row))
      .sort()
      .join('\n')
  })
  return print
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>) {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name])
}

/**
 * Waits until D1 stops changing (what an accepted write set off in the background — queue
 * consumers, mail — has landed), so that the next bad request is judged on its own.
 */
export async function settle(quietMs = 1100, timeoutMs = 15_000): Promise<void> {
  const started = Date.now()
  tally.settled++
  try {
    await waitForQuiet(quietMs, started + timeoutMs)
  } finally {
    tally.settleMs += Date.now() - started
  }
}

async function waitForQuiet(quietMs: number, deadline: number): Promise<void> {
  let last = JSON.stringify(await fingerprint())
  let quietSince = Date.now()
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    const now = JSON.stringify(await fingerprint())
    if (now !== last) {
      last = now
      quietSince = Date.now()
    } else if (Date.now() - quietSince >= quietMs) {
      return
    }
  }
}

/** Sends a generated request to the worker. */
export function send(request: FuzzRequest): Promise<Response> {
  return exports.default.fetch(
    new Request(`http://candor.test${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
    }),
  )
}

/**
 * Sends `request` and checks the answer: never a 5xx; under /api a JSON error as API.md shapes
 * it for every 4xx, elsewhere a readable HTML page; and after a 4xx, D1 exactly as before.
 */
export async function sendAndCheck(request: FuzzRequest): Promise<Response> {
  const before = await fingerprint()
  const res = await send(request)
  const text = await res.text()
  const sent = request.body instanceof FormData ? [...request.body.entries()] : request.body
  const what = `${request.method} ${request.path} ${JSON.stringify(request.headers)} ${JSON.stringify(sent)?.slice(0, 300)}\n→ ${res.status} ${text.slice(0, 300)}`
  tally.requests++
  expect(res.status, what).toBeLessThan(500)
  const type = res.headers.get('content-type') ?? ''
  if (res.status >= 400) {
    tally.rejected++
    if (request.path.startsWith('/api/')) {
      expect(type, what).toMatch(/^application\/json/)
      const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }
      expect(typeof body.error?.code, what).toBe('string')
      expect(body.error?.code, what).toMatch(/^[a-z][a-z0-9_]*$/)
      expect(typeof body.error?.message, what).toBe('string')
      expect((body.error?.message as string).length, what).toBeGreaterThan(0)
    } else if (request.method !== 'HEAD') {
      expect(type, what).toMatch(/^text\/html/)
      // Readable: a sentence for a person, not an empty or bare-status body.
      const words = text
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
      expect(words, what).toMatch(/[A-Za-z]{3,}.*[A-Za-z]{3,}/)
    }
    expect(changedTables(before, await fingerprint()), `wrote on a ${res.status}: ${what}`).toEqual(
      [],
    )
  } else {
    tally.accepted++
    if (request.method !== 'GET' && request.method !== 'HEAD') await settle()
  }
  return res
}

/** Awkward strings: empty, long, control and astral characters, SQL and markup, numbers. */
export const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud83d',
    "'; DROP TABLE incidents; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '%E0%A4%A',
    'null',
    'true',
    '-1',
    '1e309',
    '9007199254740993',
    '2026-02-30T25:61:00Z',
    'x'.repeat(5000),
  ),
)

/** Any JSON value, with awkward strings among its leaves. */
export const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    nastyString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 4 }),
  ),
})).value

/**
 * A request body: an object using the operation's own field names with wrong or odd values
 * (so that it gets past "is this JSON" to the field checks), any JSON at all, or not JSON.
 */
export function jsonBody(fieldNames: string[]): fc.Arbitrary<string | undefined> {
  const known =
    fieldNames.length > 0
      ? fc
          .dictionary(fc.constantFrom(...fieldNames), jsonValue, { maxKeys: fieldNames.length })
          .map((body) => JSON.stringify(body))
      : fc.constant('{}')
  return fc.oneof(
    { weight: 4, arbitrary: known },
    { weight: 2, arbitrary: jsonValue.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":', '[1,2', 'nul', '\u0000', '{}}') },
    { weight: 1, arbitrary: fc.string() },
    { weight: 1, arbitrary: fc.constant(undefined) },
  )
}

/** A query string of the given names (and some others) with odd values, `?…` or empty. */
export function queryString(names: string[]): fc.Arbitrary<string> {
  const name = fc.oneof(fc.constantFrom(...names, 'limit', 'cursor', 'page'), fc.string())
  const value = fc.oneof(
    nastyString,
    fc.integer().map(String),
    fc.constantFrom('0', '-5', '1.5', '100000', 'all', 'resolved', 'unresolved'),
  )
  return fc
    .array(fc.tuple(name, value), { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''))
}

/** Content types a client might send, right, wrong or malformed. */
export const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'text/csv',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/problem+json',
  '*/*',
  ';;;',
  '',
)

/** Extra headers: sometimes an Idempotency-Key, an Accept, an Origin, a client IP. */
export const extraHeaders = fc.record(
  {
    'idempotency-key': fc.oneof(fc.uuid(), fc.string({ maxLength: 300 })),
    accept: fc.constantFrom('application/json', 'text/html', '*/*', 'image/png', ''),
    origin: fc.constantFrom('http://candor.test', 'https://evil.example', 'null'),
    'cf-connecting-ip': fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 20 })),
  },
  { requiredKeys: [] },
)

/** Header values must be ByteStrings without line breaks: drop those that are not. */
export function cleanHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(headers)) {
    // eslint-disable-next-line no-control-regex
    if (/^[\x20-\x7e\t]*$/.test(value)) out[key] = value.trim()
  }
  return out
}
