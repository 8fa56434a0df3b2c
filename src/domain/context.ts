import type { Actor } from './types'

/** What a domain verb needs: the database, who acts, and the clock. */
export interface VerbContext {
  db: D1Database
  actor: Actor
  now: Date
  /** Base URL for links in what the change announces (PUBLIC_URL or the request's origin). */
  baseUrl?: string
}
