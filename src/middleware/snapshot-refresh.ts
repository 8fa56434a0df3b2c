import { createMiddleware } from 'hono/factory'
import type { AppBindings } from '../app-types'
import { refreshSnapshot } from '../domain/snapshot'

/**
 * After a successful write, rebuild the public snapshot before answering, so the next public
 * read already shows the change.
 */
export function refreshSnapshotAfterWrite() {
  return createMiddleware<AppBindings>(async function refreshSnapshotHandler(c, next) {
    await next()
    const write = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)
    if (write && c.res.status < 400) await refreshSnapshot(c.env)
  })
}
