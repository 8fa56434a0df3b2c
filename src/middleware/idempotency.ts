import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppBindings } from '../app-types'
import {
  beginIdempotentRequest,
  finishIdempotentRequest,
  type StoredResponse,
} from '../domain/idempotency'
import { actorIfAny } from './auth'

/** The request header that makes an admin POST idempotent. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
/** Set on a replayed answer, so clients (and after-write work) can tell it from a fresh one. */
export const REPLAYED_HEADER = 'Idempotent-Replayed'

/** The response headers kept with an answer, besides its status and body. */
const KEPT_HEADERS = ['content-type', 'location', 'retry-after']

/** Whether a response is a replay (which wrote nothing, so nothing must follow it). */
export function isReplay(res: Response): boolean {
  return res.headers.get(REPLAYED_HEADER) === 'true'
}

async function storable(res: Response): Promise<StoredResponse> {
  const headers: Record<string, string> = {}
  for (const name of KEPT_HEADERS) {
    const value = res.headers.get(name)
    if (value !== null) headers[name] = value
  }
  return { status: res.status, headers, body: await res.clone().text() }
}

function replay(stored: StoredResponse): Response {
  return new Response(stored.body, {
    status: stored.status,
    headers: { ...stored.headers, [REPLAYED_HEADER]: 'true' },
  })
}

/** Keeps work alive if the client goes away, so a write and its stored answer land together. */
function keepAlive(c: Context<AppBindings>, work: Promise<unknown>): void {
  try {
    c.executionCtx.waitUntil(work.catch(() => undefined))
  } catch {
    // No execution context (app.request in a plain test): nothing to extend.
  }
}

/**
 * `Idempotency-Key` on an authenticated POST: the first request with a key runs and its answer
 * is kept 24 hours; the same key and request again get that answer (with
 * `Idempotent-Replayed: true`) and run nothing; the same key with another request is 422, and
 * while the first still runs, 409. Keys are scoped per acting token.
 *
 * Mounted in front of the sub-apps, this one asks who is acting (the access guard has usually
 * looked the token up already): without a valid token it steps aside and the route
 * answers as it would (401, or a public route). Registered after `afterWrite`, so a replay
 * passes back through it marked as such (see `isReplay`), and a write whose after-work failed
 * still has its answer kept.
 */
export function idempotentPosts(options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  return createMiddleware<AppBindings>(async function idempotentPostsHandler(c, next) {
    const key = c.req.header(IDEMPOTENCY_HEADER)
    if (c.req.method !== 'POST' || key === undefined) return next()
    const actor = await actorIfAny(c)
    if (!actor) return next()

    const url = new URL(c.req.url)
    const start = await beginIdempotentRequest(
      c.env.DB,
      {
        actorId: actor.id,
        key,
        method: c.req.method,
        path: url.pathname + url.search,
        // Read once and cached by Hono: the route's validator reads the same text.
        body: await c.req.text(),
      },
      now(),
    )
    if (start.outcome === 'replay') return replay(start.response)

    const work = (async () => {
      await next()
      // Errors were already turned into responses by the error handler: c.res is the answer.
      try {
        await finishIdempotentRequest(c.env.DB, start.claim, await storable(c.res), now())
      } catch (error) {
        // The write stands and is answered; its key stays in progress (409) until it expires.
        console.error(`[${c.get('requestId') ?? '-'}] idempotency answer not stored`, error)
      }
    })()
    keepAlive(c, work)
    await work
  })
}
