import type { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { CandorError } from '../../domain/errors'
import { issueDetails } from '../validation-details'
import { BracketFormError, parseBracketForm } from './bracket-form'

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\b/i
const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i

/**
 * The request body as an object, whichever way it came: JSON, or a bracketed form
 * (`component[name]=…`), which is also assumed when no content type is given (as `curl -d`
 * sends). An empty body is `{}`. Anything else is 415; unreadable JSON is 400; a form whose
 * fields cannot nest is 422.
 */
export async function readV1Body(c: Context<AppBindings>): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? ''
  const text = new TextDecoder().decode(await c.req.arrayBuffer())
  if (text.trim() === '') return {}
  if (JSON_TYPE.test(type)) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new CandorError('bad_request', 'The request body is not valid JSON.')
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new CandorError('validation_failed', 'The request body must be a JSON object.')
    }
    return parsed as Record<string, unknown>
  }
  if (type === '' || FORM_TYPE.test(type)) {
    try {
      return parseBracketForm(text)
    } catch (error) {
      if (!(error instanceof BracketFormError)) throw error
      throw new CandorError('validation_failed', `Form field "${error.field}" ${error.message}.`, [
        { path: error.field, message: error.message },
      ])
    }
  }
  throw new CandorError(
    'unsupported_media_type',
    'Send the body as application/json or application/x-www-form-urlencoded.',
  )
}

/**
 * The body's object under `key` (`component` for `{"component": {…}}`), checked with `schema`;
 * 422 naming the fields when it does not fit (nothing is written).
 */
export async function readV1Input<S extends z.ZodType>(
  c: Context<AppBindings>,
  key: string,
  schema: S,
): Promise<{ input: z.infer<S>; body: Record<string, unknown> }> {
  const body = await readV1Body(c)
  const result = schema.safeParse(body[key] ?? {})
  if (!result.success) {
    const details = issueDetails(result.error.issues).map((d) => ({
      path: d.path === '(body)' ? key : `${key}.${d.path}`,
      message: d.message,
    }))
    const first = details[0]!
    throw new CandorError('validation_failed', `Invalid ${first.path}: ${first.message}`, details)
  }
  return { input: result.data, body }
}
