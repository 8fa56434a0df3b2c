import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppBindings } from '../app-types'
import { CandorError, ERROR_STATUS, type ErrorCode } from '../domain/errors'
import { publicErrorPage } from './error-page'

/** The API's error body (docs/api.md, "Errors"). */
export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } }
}

function codeForStatus(status: number): ErrorCode {
  const match = Object.entries(ERROR_STATUS).find(([, s]) => s === status)
  return (match?.[0] as ErrorCode | undefined) ?? (status >= 500 ? 'internal_error' : 'bad_request')
}

function readableMessage(status: number, fallback: string): string {
  if (status === 400 && /json/i.test(fallback)) return 'The request body is not valid JSON.'
  if (status === 415) return 'Send the request body as application/json.'
  if (status === 413) return 'The request body is larger than 64 KB.'
  return fallback || 'The request could not be processed.'
}

/**
 * The one place errors become HTTP: CandorError and HTTPException keep their status and code;
 * anything else is logged with the request id and answered with a generic 500. Under /api the
 * answer is API.md's JSON; the console gets a plain page with the message; anyone else a page
 * in their language.
 */
export async function handleError(error: Error, c: Context<AppBindings>): Promise<Response> {
  const wantsJson = c.req.path.startsWith('/api/')
  let status: number
  let body: ReturnType<typeof errorBody>
  if (error instanceof CandorError) {
    status = error.status
    body = errorBody(error.code, error.message, error.details)
  } else if (error instanceof HTTPException) {
    status = error.status
    const message = readableMessage(status, error.message)
    body =
      status === 400
        ? errorBody('validation_failed', message, [{ path: '(body)', message }])
        : errorBody(codeForStatus(status), message)
  } else {
    status = 500
    console.error(`[${c.get('requestId') ?? '-'}] unexpected error`, error)
    body = errorBody('internal_error', 'Something went wrong on our side; it has been logged.', {
      request_id: c.get('requestId'),
    })
  }
  if (wantsJson) return c.json(body, status as ContentfulStatusCode)
  if (!c.req.path.startsWith('/console')) {
    try {
      return await publicErrorPage(c, status, body.error.code, c.get('requestId'))
    } catch (renderError) {
      console.error(`[${c.get('requestId') ?? '-'}] error page failed`, renderError)
    }
  }
  return c.html(
    `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${status}</title><link rel="stylesheet" href="/style.css"><main class="wrap"><h1>${status}</h1><p>${escapeHtml(body.error.message)}</p><p><a href="/">Back to the status page</a></p></main>`,
    status as ContentfulStatusCode,
  )
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

/** The JSON 404 for unknown API paths and the page 404 for others. */
export function handleNotFound(c: Context<AppBindings>): Promise<Response> {
  return handleError(new CandorError('not_found', `Nothing at ${c.req.method} ${c.req.path}.`), c)
}
