import { createRoute, z } from '@hono/zod-openapi'
import { listTokens, mintToken, revokeToken } from '../domain/tokens'
import type { ApiToken } from '../domain/types'
import { requireScope } from '../middleware/auth'
import { IdParam, TokenCreated, TokenInfo, TokenInput } from '../schemas/inputs'
import { verbContext } from './context'
import {
  authErrors,
  bearerSecurity,
  bodyErrors,
  conflictError,
  jsonBody,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'

function presentToken(t: ApiToken) {
  return {
    id: t.id,
    name: t.name,
    scopes: t.scopes,
    created_at: t.createdAt,
    revoked_at: t.revokedAt,
    last_used_at: t.lastUsedAt,
  }
}

/** API tokens: minting, listing and revoking need the owner scope. */
export const tokenRoutes = newApiApp()
tokenRoutes.use('/tokens', requireScope('owner'))
tokenRoutes.use('/tokens/*', requireScope('owner'))

tokenRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/tokens',
    tags: ['Tokens'],
    summary: 'Mint an API token (shown once)',
    security: bearerSecurity,
    request: { body: jsonBody(TokenInput) },
    responses: { 201: jsonResponse(TokenCreated, 'The new token'), ...authErrors, ...bodyErrors },
  }),
  async (c) => {
    const token = await mintToken(verbContext(c), c.req.valid('json'))
    return c.json(
      {
        id: token.id,
        name: token.name,
        scopes: token.scopes,
        created_at: token.createdAt,
        token: token.token,
      },
      201,
    )
  },
)

tokenRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/tokens',
    tags: ['Tokens'],
    summary: 'List tokens (never their secrets)',
    security: bearerSecurity,
    responses: { 200: jsonResponse(z.array(TokenInfo), 'All tokens'), ...authErrors },
  }),
  async (c) => c.json((await listTokens(c.env.DB)).map(presentToken), 200),
)

tokenRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/tokens/{id}',
    tags: ['Tokens'],
    summary: 'Revoke a token',
    security: bearerSecurity,
    request: { params: IdParam },
    responses: {
      204: { description: 'Revoked' },
      ...authErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    await revokeToken(verbContext(c), c.req.valid('param').id)
    return c.body(null, 204)
  },
)
