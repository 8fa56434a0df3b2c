/** The codes of the API's error shape (docs/api.md, "Errors"), with their HTTP statuses. */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  idempotency_key_in_use: 409,
  idempotency_key_reused: 422,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

/** The one error type of the domain: a code, a human sentence and optional details. */
export class CandorError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'CandorError'
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code]
  }
}

/** 404 for an id that does not exist. */
export function notFound(what: string, id: string): CandorError {
  return new CandorError('not_found', `No ${what} with id "${id}".`, { id })
}

/** 400 for one bad field, with its path in `details` like the schema errors. */
export function invalidField(path: string, message: string): CandorError {
  return new CandorError('validation_failed', message, [{ path, message }])
}
