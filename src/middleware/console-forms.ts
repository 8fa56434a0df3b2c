import type { Context } from 'hono'
import type { AppBindings } from '../app-types'
import { secretsEqual } from '../lib/secrets'
import { fromOwnOrigin, passesCsrf, sendsJson } from './same-origin'

type Ctx = Context<AppBindings>

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i

/** The header a console page's script sends the session's form token in, with a JSON body. */
export const CSRF_HEADER = 'X-Candor-Csrf'

/**
 * Whether a console POST made with a session may go on: a form (hono/csrf checks only forms),
 * sent by a browser from our own origin (an `Origin` of ours, or `Sec-Fetch-Site:
 * same-origin`), carrying the session's form token in its `csrf` field. Reads the form. A
 * script's JSON request instead carries the token in the `X-Candor-Csrf` header and must come
 * from our origin (see `fromOwnOrigin`): another site cannot send that header without CORS.
 */
export async function sessionFormAllowed(c: Ctx, csrfToken: string): Promise<boolean> {
  if (sendsJson(c)) {
    const given = c.req.header(CSRF_HEADER)
    return fromOwnOrigin(c) && given !== undefined && (await secretsEqual(given, csrfToken))
  }
  if (!FORM_TYPES.test(c.req.header('content-type') ?? '')) return false
  const saysOrigin =
    c.req.header('origin') !== undefined || c.req.header('sec-fetch-site') !== undefined
  if (!saysOrigin || !(await passesCsrf(c))) return false
  let given: unknown
  try {
    given = (await c.req.parseBody())['csrf']
  } catch {
    return false
  }
  return typeof given === 'string' && (await secretsEqual(given, csrfToken))
}
