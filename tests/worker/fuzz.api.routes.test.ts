import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, call, makeArea, makeComponent, makeIncident, makeMaintenance } from './factories'
import {
  cleanHeaders,
  contentType,
  extraHeaders,
  jsonBody,
  nastyString,
  queryString,
  sendAndCheck,
  tally,
  type FuzzRequest,
} from './fuzz-helpers'

/**
 * Bad input, generated: every operation of the OpenAPI document (so a new route is covered as
 * soon as it is documented) gets bodies, query strings, path ids and headers made up by
 * fast-check, with the owner token so that bodies reach validation. Every answer must be
 * below 500, a 4xx must be API.md's JSON error, and a 4xx must leave D1 as it was.
 */

interface Parameter {
  in: string
  name: string
}
interface Operation {
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema?: Schema }> }
}
interface Schema {
  $ref?: string
  properties?: Record<string, unknown>
  allOf?: Schema[]
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, Schema> }
}

const RUNS_PER_OPERATION = 12

const doc = (await (
  await call('GET', '/api/v1/openapi.json', { token: null })
).json()) as OpenApiDocument
const METHODS = ['get', 'post', 'put', 'patch', 'delete']

/** The field names of a request body schema, following `$ref` and `allOf`. */
function fieldNames(schema: Schema | undefined): string[] {
  if (!schema) return []
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1)!
    return fieldNames(doc.components?.schemas?.[name])
  }
  return [...Object.keys(schema.properties ?? {}), ...(schema.allOf ?? []).flatMap(fieldNames)]
}

const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
)

/** Ids of real rows, so that most requests get past "not found" to the checks of the body. */
const realIds: Record<string, string> = {}

beforeAll(async () => {
  const component = await makeComponent()
  realIds.components = component.id
  realIds.areas = (await makeArea()).id
  realIds.incidents = (
    await makeIncident({ components: { [component.id]: 'degraded_performance' } })
  ).id
  realIds.maintenances = (await makeMaintenance({ component_ids: [component.id] })).id
})

afterAll(() => {
  console.log(
    `fuzz (API): ${tally.requests} requests, ${tally.rejected} rejected (4xx), ${tally.accepted} accepted, ${tally.settled} waits for background work (${tally.settleMs} ms)`,
  )
})

/** A path id: a real one of that resource (not for DELETE, which would use it up) or junk. */
function pathId(path: string, method: string): fc.Arbitrary<string> {
  const resource = /\/([a-z-]+)\/\{[a-z_]+\}/.exec(path)?.[1] ?? ''
  const junk = fc.oneof(
    nastyString,
    fc.uuid(),
    fc.constantFrom('0', '-1', 'null', 'undefined', '%', '%zz', '%E0%A4%A', '%00'),
  )
  const real = realIds[resource]
  if (!real || method === 'DELETE') return junk
  return fc.oneof({ weight: 3, arbitrary: fc.constant(real) }, { weight: 1, arbitrary: junk })
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** An id as a path segment: percent-encoded, except junk that starts with `%`, sent as it is. */
function pathSegment(id: string): string {
  return id.startsWith('%') ? id : encodeURIComponent(id.replace(LONE_SURROGATE, '\ufffd'))
}

/** The request generator for one documented operation. */
function requestsFor(method: string, path: string, op: Operation): fc.Arbitrary<FuzzRequest> {
  const queryNames = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
  const content = op.requestBody?.content ?? {}
  const csv = 'text/csv' in content
  const body = csv
    ? fc.oneof(
        fc.string(),
        fc
          .array(fc.array(nastyString, { maxLength: 4 }), { maxLength: 4 })
          .map((rows) => ['email,components', ...rows.map((r) => r.join(','))].join('\n')),
      )
    : jsonBody(fieldNames(content['application/json']?.schema))
  const token = fc.oneof(
    { weight: 8, arbitrary: fc.constant(`Bearer ${ADMIN}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', 'Bearer', 'Bearer nope', 'Basic YTpi', `bearer  ${ADMIN}x`),
    },
  )
  return fc
    .record({
      id: pathId(path, method),
      query: queryString(queryNames),
      body,
      type: fc.oneof(
        { weight: 3, arbitrary: fc.constant(csv ? 'text/csv' : 'application/json') },
        { weight: 1, arbitrary: contentType },
      ),
      token,
      extra: extraHeaders,
      ip: fc.ipV4(),
    })
    .map(({ id, query, body, type, token, extra, ip }) => ({
      method,
      path: path.replace(/\{[a-z_]+\}/g, pathSegment(id)) + query,
      headers: cleanHeaders({
        'cf-connecting-ip': ip,
        ...extra,
        ...(type ? { 'content-type': type } : {}),
        ...(token ? { authorization: token } : {}),
      }),
      body,
    }))
}

describe('every documented operation, fuzzed', () => {
  it('documents the admin and public APIs it walks', () => {
    expect(operations.length).toBeGreaterThan(40)
    expect(operations.some((o) => o.path.startsWith('/api/v2/'))).toBe(true)
  })

  for (const { method, path, op } of operations) {
    it(`${method} ${path}`, async () => {
      await fc.assert(
        fc.asyncProperty(requestsFor(method, path, op), async (request) => {
          await sendAndCheck(request)
        }),
        { numRuns: RUNS_PER_OPERATION },
      )
    }, 120_000)
  }

  it('methods a path does not have', async () => {
    const paths = Object.keys(doc.paths)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.constantFrom('PUT', 'PATCH', 'DELETE', 'POST', 'OPTIONS'),
        jsonBody([]),
        async (path, method, body) => {
          if (doc.paths[path]![method.toLowerCase()]) return
          await sendAndCheck({
            method,
            path: path.replace(/\{[a-z_]+\}/g, 'x'),
            headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
            body,
          })
        },
      ),
      { numRuns: 40 },
    )
  }, 120_000)

  it('paths under /api that do not exist', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/v1/', '/api/v2/', '/api/', '/api/v3/'),
        fc.webPath(),
        async (prefix, rest) => {
          await sendAndCheck({
            method: 'GET',
            path: `${prefix}${rest.replace(/^\//, '')}x.json`,
            headers: { authorization: `Bearer ${ADMIN}` },
          })
        },
      ),
      { numRuns: 30 },
    )
  }, 120_000)
})
