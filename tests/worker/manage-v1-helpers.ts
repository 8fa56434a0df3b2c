import { Validator } from '@cfworker/json-schema'
import { exports } from 'cloudflare:workers'
import { expect, inject } from 'vitest'
import { encodeBracketForm, type FormObject } from '../../src/routes/manage-v1/bracket-form'
import { ADMIN, callJson, rows, tableCounts } from './factories'

/**
 * Calls to the Manage API v1 as Statuspage's clients make them, and checks of each answer
 * against the response schema Atlassian's OpenAPI document gives that operation.
 */

export type Encoding = 'json' | 'form'
export const ENCODINGS: Encoding[] = ['json', 'form']

type Json = Record<string, unknown>
interface Operation {
  responses: Record<string, { content?: { 'application/json'?: { schema: Json } } }>
}
const specText = inject('manageV1Spec')
if (!specText) {
  throw new Error(
    "The Manage API v1 contract tests need Atlassian's document at ../shared/fixtures/statuspage-manage-api-v1.json beside the project.",
  )
}
const doc = JSON.parse(specText) as {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Json> }
}

/**
 * Where Statuspage's own answers differ from its document, the schema follows the answers:
 * a field it has no value for is `null` (its document marks nothing nullable), and a group's
 * `components` is the list of ids its example shows (typed `string` there), `position` an
 * integer; a subscriber's `components` is likewise a list of ids. An incident's `metadata` is
 * typed `Object` there, which is no JSON-schema type; its `postmortem_published_at` is typed
 * boolean there but described as "the timestamp when the postmortem was published", which is
 * what it holds. An uptime's `range_start` and
 * `range_end` are days, as its examples show (`2020-01-15`, typed `date-time`); its `warnings`
 * a list of sentences, as its example shows (typed `string`); its `related_events` a list of
 * incidents (an object with one `id` there, which cannot hold several), for a group a list of
 * them by component.
 */
const UPTIME_DAYS: Record<string, Json> = {
  range_start: { type: 'string', format: 'date' },
  range_end: { type: 'string', format: 'date' },
  warnings: { type: 'array', items: { type: 'string' } },
}
const RELATED_INCIDENTS: Json = {
  type: 'array',
  items: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
}
const ERRATA: Record<string, Record<string, Json>> = {
  ComponentUptime: { ...UPTIME_DAYS, related_events: RELATED_INCIDENTS },
  ComponentGroupUptime: {
    ...UPTIME_DAYS,
    related_events: {
      type: 'array',
      items: {
        type: 'object',
        required: ['component_id', 'incidents'],
        properties: { component_id: { type: 'string' }, incidents: RELATED_INCIDENTS },
      },
    },
  },
  GroupComponent: {
    components: { type: 'array', items: { type: 'string' } },
    position: { type: 'integer' },
  },
  Incident: {
    metadata: { type: 'object' },
    postmortem_published_at: { type: 'string', format: 'date-time' },
  },
  Subscriber: { components: { type: 'array', items: { type: 'string' } } },
}

/** A schema of the document with its `$ref`s inlined, nulls allowed and the errata applied. */
function resolve(schema: Json, name?: string): Json {
  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref.replace('#/components/schemas/', '')
    return resolve(doc.components.schemas[ref]!, ref)
  }
  const out: Json = { ...schema }
  if (typeof out.type === 'string' && out.type !== 'object') out.type = [out.type, 'null']
  if (Array.isArray(out.enum)) out.enum = [...out.enum, null]
  if (out.items) out.items = resolve(out.items as Json)
  if (out.properties) {
    const fixes = (name && ERRATA[name]) || {}
    out.properties = Object.fromEntries(
      Object.entries(out.properties as Record<string, Json>).map(([key, value]) => [
        key,
        resolve(fixes[key] ?? value),
      ]),
    )
  }
  return out
}

/** Every operation of Atlassian's document, as `METHOD /pages/{page_id}/…` (its own path spelling). */
export function specOperations(): string[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  )
}

/** The response schema of `method path` (a path of the document) for `status`. */
export function responseSchema(method: string, path: string, status: number): Json {
  const operation = doc.paths[path]?.[method.toLowerCase()]
  const schema = operation?.responses[String(status)]?.content?.['application/json']?.schema
  if (!schema) throw new Error(`The document has no ${status} JSON answer for ${method} ${path}`)
  return resolve(schema)
}

/** Fails unless `body` fits the document's schema for `method path` answering `status`. */
export function expectSpecShape(method: string, path: string, status: number, body: unknown) {
  const result = new Validator(responseSchema(method, path, status) as never, '2019-09').validate(
    body,
  )
  const problems = result.errors.map((e) => `${e.instanceLocation}: ${e.error}`)
  expect(problems, `${method} ${path} ${status}`).toEqual([])
}

/** A v1 request: the key sent as `OAuth` (default), `Bearer` or `?api_key=`; body in either encoding. */
export async function v1(
  method: string,
  path: string,
  options: {
    key?: string | null
    auth?: 'oauth' | 'bearer' | 'query'
    body?: FormObject
    encoding?: Encoding
    rawBody?: string
    contentType?: string
  } = {},
): Promise<Response> {
  const key = options.key === undefined ? ADMIN : options.key
  const headers: Record<string, string> = {}
  let url = `http://candor.test/v1${path}`
  if (key && (options.auth ?? 'oauth') === 'oauth') headers.authorization = `OAuth ${key}`
  if (key && options.auth === 'bearer') headers.authorization = `Bearer ${key}`
  if (key && options.auth === 'query') {
    url += `${url.includes('?') ? '&' : '?'}api_key=${encodeURIComponent(key)}`
  }
  let body: string | undefined = options.rawBody
  if (options.body) {
    if ((options.encoding ?? 'json') === 'json') {
      body = JSON.stringify(options.body)
      headers['content-type'] = 'application/json'
    } else {
      body = encodeBracketForm(options.body)
      headers['content-type'] = 'application/x-www-form-urlencoded'
    }
  }
  if (options.contentType) headers['content-type'] = options.contentType
  return exports.default.fetch(new Request(url, { method, headers, body }))
}

/** A v1 call expected to answer `status`, its body checked against the document's schema. */
export async function v1Json<T = any>(
  method: string,
  path: string,
  specPath: string,
  status: number,
  options: Parameters<typeof v1>[2] = {},
): Promise<T> {
  const res = await v1(method, path, options)
  const text = await res.text()
  expect(res.status, `${method} ${path}: ${text}`).toBe(status)
  const body = JSON.parse(text) as T
  expectSpecShape(method, specPath, status, body)
  return body
}

/** The page's id, as `/api/v2/summary.json` gives it. */
export async function pageId(): Promise<string> {
  const summary = await callJson('GET', '/api/v2/summary.json', { token: null })
  return summary.page.id as string
}

/** Fails unless the call answers `status` with Statuspage's `{message}` and writes nothing. */
export async function expectRefused(
  status: number,
  method: string,
  path: string,
  options: Parameters<typeof v1>[2] = {},
): Promise<string> {
  const before = await tableCounts()
  const res = await v1(method, path, options)
  const body = (await res.json()) as { message?: unknown }
  expect(res.status, JSON.stringify(body)).toBe(status)
  expect(Object.keys(body)).toEqual(['message'])
  expect(typeof body.message).toBe('string')
  expect(await tableCounts()).toEqual(before)
  return body.message as string
}

/** How many transactional emails (confirmations…) were recorded for `email`. */
export async function mailsTo(email: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    'SELECT COUNT(*) AS n FROM transactional_mail WHERE recipient = ? COLLATE NOCASE',
    email,
  )
  return row!.n
}
