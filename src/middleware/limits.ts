import { bodyLimit } from 'hono/body-limit'
import type { MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppBindings } from '../app-types'
import { CandorError } from '../domain/errors'

export const MAX_BODY_BYTES = 64 * 1024

/**
 * 413 for bodies over 64 KB (or the size `larger` gives a path), before anything reads them.
 * Alertmanager sends a whole alert group in one body, which can be much more than 64 KB.
 */
export function limitBody(options: { larger?: Record<string, number> } = {}) {
  const limits = new Map<number, MiddlewareHandler>()
  const limitOf = (maxSize: number) => {
    let limit = limits.get(maxSize)
    if (!limit) {
      limit = bodyLimit({
        maxSize,
        onError: () => {
          throw new CandorError(
            'payload_too_large',
            `The request body is larger than ${maxSize / 1024} KB.`,
            { max_bytes: maxSize },
          )
        },
      })
      limits.set(maxSize, limit)
    }
    return limit
  }
  return createMiddleware<AppBindings>(async function limitBodyHandler(c, next) {
    return limitOf(options.larger?.[c.req.path] ?? MAX_BODY_BYTES)(c, next)
  })
}

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\b/i

/**
 * 415 unless a request that carries a body says it is JSON — or, on a path listed in
 * `otherTypes`, has the content type given there (the CSV import).
 */
export function requireJsonBody(otherTypes: Record<string, RegExp> = {}) {
  return createMiddleware<AppBindings>(async function requireJsonBodyHandler(c, next) {
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method)) {
      const length = c.req.header('content-length')
      const hasBody =
        (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined
      const type = c.req.header('content-type') ?? ''
      const allowed = otherTypes[c.req.path]
      if (hasBody && !JSON_TYPE.test(type) && !allowed?.test(type)) {
        throw new CandorError(
          'unsupported_media_type',
          'Send the request body as application/json.',
          {
            content_type: type || null,
          },
        )
      }
    }
    await next()
  })
}
