import { createMiddleware } from 'hono/factory'
import type { AppBindings } from '../app-types'
import { rebuildSnapshot } from '../durable/rebuild-snapshot'
import { enqueuePendingOutbox } from '../notify/delivery/enqueue-outbox'
import { isReplay } from './idempotency'

/**
 * After a successful write: ask the snapshot writer to rebuild (waiting for it briefly, so the
 * next public read already shows the change), and hand the change's outbox rows to the EVENTS
 * queue. A snapshot that cannot be stored never fails the committed write.
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
    await rebuildSnapshot(c.env, { waitUntil: (p) => c.executionCtx.waitUntil(p) })
    try {
      await enqueuePendingOutbox(c.env)
    } catch (error) {
      // The change is committed; the cron sweep sends what could not be sent now.
      console.error('outbox enqueue failed; the sweep will retry', error)
    }
  })
}
