import { env } from 'cloudflare:workers'
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AppBindings } from '../../src/app-types'
import { denyByDefault } from '../../src/middleware/access'
import { handleError } from '../../src/middleware/errors'
import { apiRoute } from '../../src/routes/api-route'
import { ADMIN, errorOf, makeToken } from './factories'

const ok = { 200: { description: 'ok' } }

/** Which handlers ran: a refused request must not reach its handler. */
let served: string[] = []

/**
 * A tiny app built with the real machinery: routes declared with `apiRoute`, one defined with
 * plain `createRoute`, one with plain `get`, the guard under /api/v1, the real error handler.
 */
function tinyApp() {
  const routes = new OpenAPIHono<AppBindings>()
  // A sub-app with its own error handler: app.route() then wraps each handler.
  routes.onError(handleError)
  routes.openapi(
    apiRoute({ access: 'read', method: 'get', path: '/declared', responses: ok }),
    (c) => {
      served.push('declared')
      return c.text('declared', 200)
    },
  )
  routes.openapi(
    apiRoute({ access: 'public', method: 'get', path: '/open', responses: ok }),
    (c) => {
      served.push('open')
      return c.text('open', 200)
    },
  )
  routes.openapi(createRoute({ method: 'get', path: '/forgotten', responses: ok }), (c) => {
    served.push('forgotten')
    return c.text('forgotten', 200)
  })
  routes.post('/plain', (c) => {
    served.push('plain')
    return c.text('plain', 200)
  })
  const app = new OpenAPIHono<AppBindings>()
  app.use('/api/v1/*', denyByDefault())
  // Middleware for one method is not mistaken for the route.
  app.on('GET', '/api/v1/*', async (_c, next) => {
    await next()
  })
  app.route('/api/v1', routes)
  app.onError(handleError)
  return app
}

const app = tinyApp()
const tokens: Record<string, string> = {}

beforeAll(async () => {
  for (const scope of ['read', 'write', 'intake', 'owner']) {
    tokens[scope] = (await makeToken([scope])).token
  }
})

beforeEach(() => {
  served = []
})

async function request(method: string, path: string, token?: string) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
  return app.request(path, { method, headers }, env)
}

describe('a route registered without an access declaration', () => {
  it.each([
    ['GET', '/api/v1/forgotten'],
    ['POST', '/api/v1/plain'],
  ])('%s %s: never served without a token (401)', async (method, path) => {
    const error = await errorOf(await request(method, path))
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' })
    expect(served).toEqual([])
  })

  it.each([
    ['GET', '/api/v1/forgotten'],
    ['POST', '/api/v1/plain'],
  ])('%s %s: needs an owner token (403 for read, write, intake)', async (method, path) => {
    for (const scope of ['read', 'write', 'intake']) {
      const error = await errorOf(await request(method, path, tokens[scope]))
      expect(error, scope).toMatchObject({ status: 403, details: { required: 'owner' } })
    }
    expect(served).toEqual([])
    const res = await request(method, path, tokens.owner)
    expect(res.status).toBe(200)
    expect((await request(method, path, ADMIN)).status).toBe(200)
    expect(served).toHaveLength(2)
  })

  it('is the only kind missing x-candor-access in the OpenAPI registry', () => {
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } })
    expect(doc.paths?.['/api/v1/declared']?.get).toMatchObject({
      'x-candor-access': 'read',
      security: [{ Bearer: [] }],
    })
    expect(doc.paths?.['/api/v1/open']?.get).toMatchObject({ 'x-candor-access': 'public' })
    expect(doc.paths?.['/api/v1/open']?.get?.security).toBeUndefined()
    expect(doc.paths?.['/api/v1/forgotten']?.get?.['x-candor-access']).toBeUndefined()
  })
})

describe('declared routes behind the guard', () => {
  it('a scope: 401 without a token, 403 with a weaker one, served with it', async () => {
    expect((await errorOf(await request('GET', '/api/v1/declared'))).status).toBe(401)
    expect((await errorOf(await request('GET', '/api/v1/declared', tokens.intake))).status).toBe(
      403,
    )
    expect(served).toEqual([])
    for (const scope of ['read', 'write', 'owner']) {
      expect((await request('GET', '/api/v1/declared', tokens[scope])).status, scope).toBe(200)
    }
    expect(served).toEqual(['declared', 'declared', 'declared'])
  })

  it('public: served without a token', async () => {
    const res = await request('GET', '/api/v1/open')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('open')
  })

  it('an unknown path: 401 without a token, 404 with one', async () => {
    expect((await errorOf(await request('GET', '/api/v1/nowhere'))).status).toBe(401)
    expect((await request('GET', '/api/v1/nowhere', tokens.read)).status).toBe(404)
  })
})

describe('a declared route mounted without the guard', () => {
  it('still enforces its scope through its own middleware', async () => {
    const bare = new OpenAPIHono<AppBindings>()
    bare.openapi(
      apiRoute({ access: 'write', method: 'post', path: '/api/bare', responses: ok }),
      (c) => c.text('bare', 200),
    )
    bare.onError(handleError)
    const post = (token?: string) =>
      bare.request(
        '/api/bare',
        { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} },
        env,
      )
    expect((await errorOf(await post())).status).toBe(401)
    expect((await errorOf(await post(tokens.read))).status).toBe(403)
    expect((await post(tokens.write)).status).toBe(200)
  })
})
