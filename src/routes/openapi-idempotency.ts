import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppBindings } from '../app-types'
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from '../middleware/idempotency'

const ERROR_CONTENT = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }

/**
 * Documents `Idempotency-Key` on every authenticated POST under /api/v1 (as the middleware
 * applies it to all of them): a reusable header parameter, and the 422 and 409 answers it adds
 * (a route that already documents a 409 keeps its own; the parameter tells of both).
 * Call once every route is mounted.
 */
export function documentIdempotentPosts(app: OpenAPIHono<AppBindings>): void {
  const registry = app.openAPIRegistry
  const parameter = registry.registerComponent('parameters', 'IdempotencyKey', {
    name: IDEMPOTENCY_HEADER,
    in: 'header',
    required: false,
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
    description:
      `Makes the write safe to retry. The first request with a key runs and its answer (status, body) is kept for 24 hours, per token; ` +
      `the same key with the same method, path and body answers it again, with \`${REPLAYED_HEADER}: true\`, and writes nothing. ` +
      `The same key with another request is 422 \`idempotency_key_reused\`; while the first request still runs, 409 \`idempotency_key_in_use\`. ` +
      'A 5xx answer, 401, 403 and 429 are not kept: a retry with the key runs. 1–255 printable ASCII characters, else 400.',
    example: '3f6c1a52-6c1e-4d8e-9a57-0f2b8d7f2c11',
  })
  const reused = registry.registerComponent('responses', 'IdempotencyKeyReused', {
    description: '`idempotency_key_reused`: this Idempotency-Key was used for a different request',
    content: ERROR_CONTENT,
  })
  const inUse = registry.registerComponent('responses', 'IdempotencyKeyInUse', {
    description: '`idempotency_key_in_use`: a request with this Idempotency-Key is still running',
    content: ERROR_CONTENT,
  })
  for (const definition of registry.definitions) {
    if (definition.type !== 'route') continue
    const route = definition.route
    if (route.method !== 'post' || !route.path.startsWith('/api/v1/') || !route.security?.length) {
      continue
    }
    // A reference object fits every OpenAPI version's parameter list.
    route.parameters = [...((route.parameters ?? []) as { $ref: string }[]), parameter.ref]
    route.responses = {
      ...route.responses,
      422: reused.ref,
      409: route.responses[409] ?? inUse.ref,
    }
  }
}
