import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppBindings } from '../../app-types'
import { CandorError, type ErrorCode } from '../../domain/errors'

/**
 * Statuspage's status for each of Candor's error codes: bad input and conflicts (a name in
 * use, a component an open incident holds) are 422 "Unprocessable entity"; the rest keep
 * their status.
 */
const V1_STATUS: Partial<Record<ErrorCode, number>> = {
  validation_failed: 422,
  conflict: 422,
  idempotency_key_reused: 422,
}

/** The field problems of a validation error, as one sentence after its message. */
function withFields(error: CandorError): string {
  if (!Array.isArray(error.details)) return error.message
  const fields = (error.details as { path?: unknown; message?: unknown }[])
    .filter((d) => typeof d?.path === 'string' && typeof d.message === 'string')
    .map((d) => `${String(d.path)}: ${String(d.message)}`)
  const extra = fields.filter((f) => !error.message.includes(f.split(': ').slice(1).join(': ')))
  return extra.length ? `${error.message} (${extra.join('; ')})` : error.message
}

/**
 * The Manage API v1's errors in Statuspage's shape, `{"message": "…"}`, with its status codes.
 * Unexpected errors are logged with the request id and answered with a generic 500.
 */
export function v1Error(error: Error, c: Context<AppBindings>): Response {
  if (error instanceof CandorError) {
    const status = V1_STATUS[error.code] ?? error.status
    return c.json({ message: withFields(error) }, status as ContentfulStatusCode)
  }
  if (error instanceof HTTPException) {
    const message =
      error.status === 400 ? 'The request body could not be read.' : error.message || 'Bad request'
    return c.json({ message }, error.status)
  }
  console.error(`[${c.get('requestId') ?? '-'}] unexpected error`, error)
  return c.json({ message: 'Something went wrong on our side; it has been logged.' }, 500)
}

/** Statuspage's 404 for a path no v1 operation answers. */
export function v1NotFound(c: Context<AppBindings>): never {
  throw new CandorError('not_found', `Nothing at ${c.req.method} ${c.req.path}.`)
}
