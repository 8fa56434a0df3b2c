import type { Context } from 'hono'
import type { AppBindings } from '../app-types'

/**
 * True when a form post says it comes from another site: its `Origin` header is present and is
 * neither this request's origin nor PUBLIC_URL's. Posts without `Origin` (mail clients, RFC
 * 8058 one-click) pass: the token in the URL is what authorises them.
 */
export function isForeignOrigin(c: Context<AppBindings>): boolean {
  const origin = c.req.header('origin')
  if (origin === undefined) return false
  const allowed = new Set([new URL(c.req.url).origin])
  if (c.env.PUBLIC_URL) {
    try {
      allowed.add(new URL(c.env.PUBLIC_URL).origin)
    } catch {
      // An unreadable PUBLIC_URL adds nothing.
    }
  }
  return !allowed.has(origin)
}
