import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { TOKEN_SCOPES, type TokenScope } from '../../src/domain/types'
import { declaredAccessOf } from '../../src/middleware/access'
import { call, errorOf, makeToken } from './factories'

interface Operation {
  'x-candor-access'?: string
  security?: Record<string, string[]>[]
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, unknown> }
}

/** For each scope a route may need, the single scopes that must not be enough (API.md). */
const WEAKER: Record<TokenScope, TokenScope[]> = {
  read: ['intake'],
  write: ['read', 'intake'],
  intake: ['read', 'write'],
  owner: ['read', 'write', 'intake'],
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']

let doc: OpenApiDocument
let operations: { method: string; path: string; url: string; access: string }[]
const tokens = {} as Record<TokenScope, string>

beforeAll(async () => {
  const res = await call('GET', '/api/v1/openapi.json', { token: null })
  expect(res.status).toBe(200)
  doc = (await res.json()) as OpenApiDocument
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        // A well-formed id that names nothing: auth is decided before the id is looked up.
        url: path.replaceAll(/\{[^}]+\}/g, 'nosuchid0001'),
        access: operation['x-candor-access'] ?? '(undeclared)',
      })),
  )
  for (const scope of TOKEN_SCOPES) tokens[scope] = (await makeToken([scope])).token
})

describe('every operation of the OpenAPI document declares its access', () => {
  it('as x-candor-access: public or one scope, with security and 401/403 when not public', () => {
    expect(operations.length).toBeGreaterThan(40)
    for (const { method, path, access } of operations) {
      const name = `${method} ${path}`
      expect(['public', ...TOKEN_SCOPES], name).toContain(access)
      const operation = doc.paths[path]![method.toLowerCase()]!
      if (access === 'public') {
        expect(operation.security, name).toBeUndefined()
      } else {
        expect(operation.security, name).toEqual([{ Bearer: [] }])
        expect(Object.keys(operation.responses), name).toEqual(
          expect.arrayContaining(['401', '403']),
        )
      }
    }
  })

  it('and the public ones are exactly the subscribe form, the ETA record and the v2 API', () => {
    const open = operations.filter((o) => o.access === 'public').map((o) => o.path)
    for (const path of open)
      expect(path).toMatch(/^\/api\/v2\/|^\/api\/v1\/(subscriptions|stats\/eta)$/)
    expect(open).toEqual(expect.arrayContaining(['/api/v1/subscriptions', '/api/v1/stats/eta']))
    expect(open.filter((path) => path.startsWith('/api/v2/'))).toHaveLength(8)
  })

  it('and so does every route the app registers under /api, documented or not', () => {
    const app = createApp()
    const byRoute = new Map<string, unknown[]>()
    for (const route of app.routes) {
      if (route.method === 'ALL' || !route.path.startsWith('/api/')) continue
      const key = `${route.method} ${route.path}`
      byRoute.set(key, [...(byRoute.get(key) ?? []), route.handler])
    }
    expect(byRoute.size).toBeGreaterThan(40)
    expect(byRoute.has('GET /api/v1/openapi.json')).toBe(true)
    for (const [key, handlers] of byRoute) {
      expect(
        handlers.some((handler) => declaredAccessOf(handler) !== undefined),
        key,
      ).toBe(true)
    }
  })
})

describe('every operation enforces what it declares', () => {
  it('no token and an unknown token → 401 on every non-public operation', async () => {
    for (const { method, path, url, access } of operations) {
      if (access === 'public') continue
      for (const token of [null, 'cnd_not-a-real-token']) {
        const error = await errorOf(await call(method, url, { token }))
        expect(error, `${method} ${path} with ${token ?? 'no token'}`).toMatchObject({
          status: 401,
          code: 'unauthorized',
        })
      }
    }
  })

  it('each weaker scope → 403; the declared scope gets past authorisation', async () => {
    for (const { method, path, url, access } of operations) {
      if (access === 'public') continue
      for (const weaker of WEAKER[access as TokenScope]) {
        const error = await errorOf(await call(method, url, { token: tokens[weaker] }))
        expect(error, `${method} ${path} with ${weaker}`).toMatchObject({
          status: 403,
          code: 'forbidden',
          details: { required: access, scopes: [weaker] },
        })
      }
      const res = await call(method, url, { token: tokens[access as TokenScope] })
      expect([401, 403], `${method} ${path} with ${access}: ${res.status}`).not.toContain(
        res.status,
      )
      await res.body?.cancel()
    }
  })

  it('public operations answer without a token', async () => {
    for (const { method, path, url, access } of operations) {
      if (access !== 'public') continue
      const res = await call(method, url, { token: null })
      expect([401, 403], `${method} ${path}: ${res.status}`).not.toContain(res.status)
      await res.body?.cancel()
    }
  })
})

/** Names of fields that hold a subscriber's address, a webhook URL or a secret. */
const SENSITIVE_FIELD = /^(email|url|secret|recipient|target)$/

/** Where a response schema has a string field named like a credential or an address. */
function sensitiveFields(schema: unknown, at: string, seen = new Set<string>()): string[] {
  if (!schema || typeof schema !== 'object') return []
  const node = schema as Record<string, unknown>
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/components/schemas/', '')
    if (seen.has(name)) return []
    return sensitiveFields(doc.components.schemas[name], name, new Set([...seen, name]))
  }
  const found: string[] = []
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [field, fieldSchema] of Object.entries(value as Record<string, unknown>)) {
        const type = JSON.stringify((fieldSchema as { type?: unknown }).type ?? '')
        if (SENSITIVE_FIELD.test(field) && type.includes('string')) found.push(`${at}.${field}`)
        found.push(...sensitiveFields(fieldSchema, `${at}.${field}`, seen))
      }
    } else if (typeof value === 'object') {
      found.push(...sensitiveFields(value, at, seen))
    }
  }
  return found
}

describe('read sees no subscriber address, webhook URL or secret', () => {
  it('no operation open to read (or to anyone) answers with such a field', () => {
    // The page's own public address is the one `url` anyone may see, and so are the links the
    // operator puts in the page's footer (shown on every public page).
    const allowed = new Set(['Page.url', 'PageSettings.url', 'FooterLink.url'])
    for (const { method, path, access } of operations) {
      if (access !== 'read' && access !== 'public') continue
      const responses = doc.paths[path]![method.toLowerCase()]!.responses
      const fields = Object.entries(responses)
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([, response]) =>
          Object.values(response.content ?? {}).flatMap((media) =>
            sensitiveFields(media.schema, '(response)'),
          ),
        )
        .filter((field) => !allowed.has(field))
      expect(fields, `${method} ${path}`).toEqual([])
    }
  })

  it('the routes that show them need write: a read token gets 403', async () => {
    const guarded = [
      ['GET', '/api/v1/subscribers'],
      ['GET', '/api/v1/subscribers/nosuchid0001'],
      ['GET', '/api/v1/webhooks'],
      ['GET', '/api/v1/webhooks/nosuchid0001'],
      ['GET', '/api/v1/webhooks/nosuchid0001/deliveries'],
      ['GET', '/api/v1/deliveries'],
      ['GET', '/api/v1/ops-alerts'],
    ]
    for (const [method, url] of guarded) {
      const error = await errorOf(await call(method!, url!, { token: tokens.read }))
      expect(error, `${method} ${url}`).toMatchObject({
        status: 403,
        details: { required: 'write' },
      })
      const res = await call(method!, url!, { token: tokens.write })
      expect([401, 403], `${method} ${url} with write`).not.toContain(res.status)
      await res.body?.cancel()
    }
  })
})

describe('paths no route answers under /api/v1', () => {
  it('are 401 without a token and 404 with any valid one', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nothing-here'],
      ['DELETE', '/api/v1/incidents'],
      ['GET', '/api/v1/webhooks/nosuchid0001/rotate-secret'],
    ]) {
      const anonymous = await errorOf(await call(method!, url!, { token: null }))
      expect(anonymous, `${method} ${url}`).toMatchObject({ status: 401 })
      for (const scope of TOKEN_SCOPES) {
        const error = await errorOf(await call(method!, url!, { token: tokens[scope] }))
        expect(error, `${method} ${url} with ${scope}`).toMatchObject({
          status: 404,
          code: 'not_found',
        })
      }
    }
  })

  it('except a CORS preflight, which the public ETA record still answers without a token', async () => {
    const res = await call('OPTIONS', '/api/v1/stats/eta', {
      token: null,
      headers: { origin: 'https://example.com', 'access-control-request-method': 'GET' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  })
})
