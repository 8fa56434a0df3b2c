import { createMiddleware } from 'hono/factory'
import type { AppBindings } from '../app-types'
import { refreshSnapshot } from '../domain/snapshot'
import { enqueuePendingOutbox } from '../notify/delivery/enqueue-outbox'
import { isReplay } from './idempotency'

/**
 * After a successful write: rebuild the public snapshot before answering, so the next public
 * read already shows the change, and hand the change's outbox rows to the EVENTS queue.
 * Writes under `skip` (path prefixes) change neither, and are left alone; so is an idempotent
 * replay, which wrote nothing.
 */
export function afterWrite(options: { skip?: string[] } = {}) {
  const skip = options.skip ?? []
  return createMiddleware<AppBindings>(async function afterWriteHandler(c, next) {
    await next()
    const write = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)
    if (!write || c.res.status >= 400 || isReplay(c.res)) return
    if (skip.some((prefix) => c.req.path.startsWith(prefix))) return
    await refreshSnapshot(c.env)
    try {
      await enqueuePendingOutbox(c.env)
    } catch (error) {
      // The change is committed; the cron sweep sends what could not be sent now.
      console.error('outbox enqueue failed; the sweep will retry', error)
    }
  })
}
