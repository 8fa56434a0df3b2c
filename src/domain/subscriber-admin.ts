import { insertAudit, insertAuditIfChanged } from '../db/audit'
import { selectSubscriber } from '../db/subscribers'
import { markPending, markUnsubscribed } from '../db/subscriber-transitions'
import { insertMails } from '../db/transactional-mail'
import { toCsv } from '../lib/csv'
import { confirmationMail } from './confirmation-mail'
import type { VerbContext } from './context'
import { CandorError, notFound } from './errors'
import { LINK_TTL_MS } from './link-purpose'
import { issueLinkToken } from './link-tokens'
import type { Subscriber, SubscriberKind, SubscriberStatus } from './subscriber-types'
import { listSubscribers } from './subscriber-list'
import type { ConfirmationRequest } from './subscriptions'

/** What ops narrow the subscriber list (and its export) to. */
export interface SubscriberFilter {
  kind?: SubscriberKind
  status?: SubscriberStatus
  /** A state in Statuspage's sense: unconfirmed, active, quarantined, unsubscribed. */
  state?: string
  /** Part of the address or URL, without regard to case. */
  search?: string
}

async function subscriberOrNotFound(db: D1Database, id: string): Promise<Subscriber> {
  const subscriber = await selectSubscriber(db, id)
  if (!subscriber) throw notFound('subscriber', id)
  return subscriber
}

/**
 * Ops unsubscribe a subscriber: what its own unsubscribe link does (it hears nothing more, and
 * an import never signs it up again), recorded in the audit log with who did it. Safe to
 * repeat: the first time is kept, and only the change that happened is recorded.
 */
export async function unsubscribeSubscriber(ctx: VerbContext, id: string): Promise<Subscriber> {
  const subscriber = await subscriberOrNotFound(ctx.db, id)
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    markUnsubscribed(ctx.db, id, at),
    insertAuditIfChanged(
      ctx.db,
      ctx.actor,
      'subscriber.unsubscribe',
      { type: 'subscriber', id },
      { kind: subscriber.kind, previous_status: subscriber.status },
      at,
    ),
  ])
  return (await selectSubscriber(ctx.db, id)) ?? subscriber
}

/** What a refused resend is told to wait: the per-address limit's period. */
export const RESEND_RETRY_AFTER_SECONDS = 60

/**
 * Sends a pending subscriber a fresh confirmation link (valid 48 hours from now), through the
 * transactional-mail queue like the first one; its confirmation window starts again. Only a
 * pending subscriber (waiting for its address) gets one: any other is a 409. Returns the mail
 * to enqueue. `withinLimit` counts the mail against the per-address limit of public subscribes
 * (429 when spent, nothing written).
 */
export async function resendConfirmation(
  ctx: VerbContext & { baseUrl: string },
  id: string,
  withinLimit: (address: string) => Promise<boolean>,
): Promise<{ subscriber: Subscriber; confirmation: ConfirmationRequest }> {
  const subscriber = await subscriberOrNotFound(ctx.db, id)
  if (subscriber.status !== 'pending' || !subscriber.email) {
    throw new CandorError(
      'conflict',
      `Only a pending subscriber waiting for its address to confirm can be sent a new confirmation; this one is ${subscriber.status}.`,
      { status: subscriber.status },
    )
  }
  if (!(await withinLimit(subscriber.email))) {
    throw new CandorError(
      'rate_limited',
      'Too many confirmation emails for this address; try again in a minute.',
      { retry_after_seconds: RESEND_RETRY_AFTER_SECONDS },
    )
  }
  const at = ctx.now.toISOString()
  const expiresAt = new Date(ctx.now.getTime() + LINK_TTL_MS.confirm).toISOString()
  const link = await issueLinkToken(ctx.db, id, 'confirm', ctx.baseUrl, ctx.now)
  const mail = confirmationMail(
    {
      to: subscriber.email,
      confirmUrl: link.url,
      kind: subscriber.kind,
      ...(subscriber.kind === 'webhook' && subscriber.url ? { url: subscriber.url } : {}),
      language: subscriber.language,
    },
    expiresAt,
  )
  await ctx.db.batch([
    markPending(ctx.db, id, expiresAt, at),
    link.statement,
    insertMails(ctx.db, [mail], at),
    insertAudit(
      ctx.db,
      ctx.actor,
      'subscriber.resend_confirmation',
      { type: 'subscriber', id },
      { kind: subscriber.kind },
      at,
    ),
  ])
  return { subscriber, confirmation: mail.request }
}

/** The most rows one export holds. */
export const EXPORT_ROW_LIMIT = 100_000

const EXPORT_HEADER = [
  'id',
  'kind',
  'email',
  'url',
  'status',
  'components',
  'areas',
  'consent',
  'created_at',
  'confirmed_at',
  'unsubscribed_at',
] as const

/**
 * The subscribers matching `filter` as CSV, in id order: one line per subscriber, components
 * and areas as ids separated by `;` (the import reads them back). Never a webhook's secret.
 */
export async function exportSubscribers(db: D1Database, filter: SubscriberFilter): Promise<string> {
  const rows: (string | null)[][] = []
  let cursor: string | undefined
  do {
    const page = await listSubscribers(db, { ...filter, cursor, limit: 1000 })
    for (const s of page.subscribers) {
      rows.push([
        s.id,
        s.kind,
        s.email,
        s.url,
        s.status,
        s.componentIds.join(';'),
        s.areaIds.join(';'),
        s.consent,
        s.createdAt,
        s.confirmedAt,
        s.unsubscribedAt,
      ])
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor && rows.length < EXPORT_ROW_LIMIT)
  return toCsv(EXPORT_HEADER, rows)
}
