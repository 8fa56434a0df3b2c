import { z } from '@hono/zod-openapi'
import { listTokens, mintToken, revokeToken } from '../domain/tokens'
import type { ApiToken } from '../domain/types'
import { IdParam, TokenCreated, TokenInfo, TokenInput } from '../schemas/inputs'
import { apiRoute } from './api-route'
import { verbContext } from './context'
import {
  authErrors,
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
    member: t.member,
    created_by: t.createdBy,
  }
}

/** API tokens: minting, listing and revoking need the owner scope. */
export const tokenRoutes = newApiApp()

tokenRoutes.openapi(
  apiRoute({
    access: 'owner',
    method: 'post',
    path: '/tokens',
    tags: ['Tokens'],
    summary: 'Mint an API token (shown once)',
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
  apiRoute({
    access: 'owner',
    method: 'get',
    path: '/tokens',
    tags: ['Tokens'],
    summary: 'List tokens (never their secrets)',
    responses: { 200: jsonResponse(z.array(TokenInfo), 'All tokens'), ...authErrors },
  }),
  async (c) => c.json((await listTokens(c.env.DB)).map(presentToken), 200),
)

tokenRoutes.openapi(
  apiRoute({
    access: 'owner',
    method: 'delete',
    path: '/tokens/{id}',
    tags: ['Tokens'],
    summary: 'Revoke a token',
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
