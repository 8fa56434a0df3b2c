import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import type { AppBindings } from '../app-types'
import { CandorError } from '../domain/errors'

export const MAX_BODY_BYTES = 64 * 1024

/** 413 for bodies over 64 KB, before anything reads them. */
export function limitBody() {
  return bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new CandorError('payload_too_large', 'The request body is larger than 64 KB.', {
        max_bytes: MAX_BODY_BYTES,
      })
    },
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
