import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppBindings } from '../app-types'
import { CandorError } from '../domain/errors'
import { clientIp } from './subscribe-limits'

/** What a client is told to wait after hitting the lookup limit: the limit's period. */
export const LOOKUP_RETRY_AFTER_SECONDS = 60

/**
 * Counts a public request that costs a D1 query — following an answer or reopen link, an
 * incident not in the snapshot and not cached — against the LOOKUP_BY_IP limit (a Workers
 * Rate Limiting binding, see wrangler.toml). True when the client is within it.
 */
export async function withinLookupLimit(c: Context<AppBindings>): Promise<boolean> {
  const outcome = await c.env.LOOKUP_BY_IP.limit({ key: `ip:${clientIp(c)}` })
  return outcome.success
}

/**
 * The answer over the limit: 429 with Retry-After, as API.md's JSON error under /api and as a
 * readable page elsewhere (the one error handler renders both).
 */
export function lookupLimited(c: Context<AppBindings>): never {
  c.header('Retry-After', String(LOOKUP_RETRY_AFTER_SECONDS))
  throw new CandorError(
    'rate_limited',
    'Too many lookups came from your network; try again in a minute.',
  )
}

/**
 * Counts each request it guards against LOOKUP_BY_IP and answers 429 over the limit (see
 * `lookupLimited`): for public routes whose every request looks a link token up in D1.
 */
export function limitLookups() {
  return createMiddleware<AppBindings>(async function limitLookupsHandler(c, next) {
    if (!(await withinLookupLimit(c))) lookupLimited(c)
    await next()
  })
}
