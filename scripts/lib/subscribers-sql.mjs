// Generates SQL for many active subscribers (schema: migrations/0002_subscriptions.sql), all
// following everything, for the fan-out benchmark: webhooks with their own `whsec_` secret and
// URL, or email addresses. Subscriber n is told apart by its URL path or its address.

import { randomBytes } from 'node:crypto'
import { inserts, newId } from './sql-inserts.mjs'

/** A Standard Webhooks secret like Candor's own: `whsec_` and 32 random bytes in base64. */
export function webhookSecret() {
  return `whsec_${randomBytes(32).toString('base64')}`
}

/** The address of email subscriber n. */
export function benchAddress(n) {
  return `reader-${n}@bench.example.net`
}

/**
 * The SQL for `count` active subscribers of `kind` ('webhook' | 'email'); webhook n posts to
 * `hookUrl(n)` and signs with `secrets[n]` (a new secret when not given). Returns
 * `{ sql, subscribers }`, subscriber n at index n with its id and its secret or address.
 */
export function subscribersSql({ kind, count, hookUrl, secrets = [] }, now = Date.now()) {
  const at = new Date(now).toISOString()
  const subscribers = []
  const rows = []
  for (let n = 0; n < count; n++) {
    const id = newId()
    const secret = kind === 'webhook' ? (secrets[n] ?? webhookSecret()) : null
    const email = kind === 'email' ? benchAddress(n) : null
    subscribers.push({ n, id, secret, email })
    rows.push({
      id,
      kind,
      email,
      url: kind === 'webhook' ? hookUrl(n) : null,
      format: kind === 'webhook' ? 'standard' : 'email',
      secret,
      status: 'active',
      everything: 1,
      consent: kind === 'webhook' ? 'admin' : 'imported_with_consent',
      created_at: at,
      updated_at: at,
      confirmed_at: at,
    })
  }
  return { sql: `${inserts('subscribers', rows).join('\n')}\n`, subscribers }
}
