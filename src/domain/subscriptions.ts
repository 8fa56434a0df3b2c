import { insertAudit } from '../db/audit'
import { insertVerifyEvent } from '../db/outbox'
import { markLinkTokenUsed, selectLinkToken } from '../db/link-tokens'
import {
  deleteSubscriberRows,
  insertSubscriber,
  isDuplicateAddress,
  replaceChoices,
  selectEmailSubscriber,
  selectSubscriber,
  selectSubscriberPage,
} from '../db/subscribers'
import {
  markAwaitingVerification,
  markConfirmed,
  markPending,
  markUnsubscribed,
} from '../db/subscriber-transitions'
import { newId, sha256Hex } from '../lib/ids'
import { insertMails } from '../db/transactional-mail'
import { detectWebhookFormat } from './webhook-format'
import { confirmationMail } from './confirmation-mail'
import { LINK_TTL_MS, type LinkPurpose } from './link-purpose'
import type { VerbContext } from './context'
import { notFound } from './errors'
import { issueLinkToken, resolveLinkToken } from './link-tokens'
import type {
  Subscriber,
  SubscriberKind,
  SubscriberStatus,
  SubscriptionChoices,
} from './subscriber-types'
import { checkChoices, checkEmail, loadCatalog } from './subscription-input'
import { checkWebhookUrl, newWebhookSecret } from './webhook-endpoint'

/** What the public subscription verbs need. */
export interface SubscriptionContext {
  db: D1Database
  now: Date
  /** Base URL of the links sent (PUBLIC_URL or the request's origin). */
  baseUrl: string
  /** Whether webhook URLs may use plain http:// (ALLOW_HTTP_WEBHOOKS). */
  allowHttpWebhooks: boolean
}

/**
 * A confirmation email recorded for sending (as transactional mail `mailId`): to whom, its link,
 * and what it confirms.
 */
export interface ConfirmationRequest {
  mailId: string
  to: string
  confirmUrl: string
  kind: SubscriberKind
  url?: string
  /** The subscriber's own language, when it chose one. */
  language?: string | null
}

/** What following a link found: its subscriber, or why the link no longer works. */
export type LinkOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'unknown' | 'expired' }

export function newSubscriber(
  fields: Pick<Subscriber, 'kind' | 'email' | 'url' | 'format' | 'secret' | 'status' | 'consent'>,
  choices: SubscriptionChoices,
  now: Date,
  confirmExpiresAt: string | null,
): Subscriber {
  const at = now.toISOString()
  return {
    id: newId(),
    ...fields,
    previousSecret: null,
    previousSecretExpiresAt: null,
    everything: choices.componentIds.length === 0 && choices.areaIds.length === 0,
    componentIds: choices.componentIds,
    areaIds: choices.areaIds,
    incidentIds: [],
    createdAt: at,
    updatedAt: at,
    confirmedAt: fields.status === 'active' ? at : null,
    confirmExpiresAt,
    unsubscribedAt: null,
    disabledAt: null,
    disabledReason: null,
    consecutiveFailures: 0,
    timeZone: null,
    language: null,
  }
}

/**
 * Public subscribe (double opt-in). An email address that is new, pending or gone becomes
 * pending with these choices and gets a fresh 48-hour confirmation link; an active one is left
 * exactly as it is and gets nothing. With `url`, a new pending webhook is created whose owner
 * address confirms it. The confirmation is written in the subscriber's own language when it
 * chose one, else in `readIn` (the language the form was read in), else the page's. Returns the
 * confirmation emails to send; callers answer the same whatever it returns, so addresses cannot
 * be discovered.
 */
export async function subscribe(
  ctx: SubscriptionContext,
  input: {
    email: string
    componentIds?: string[]
    areaIds?: string[]
    url?: string
    readIn?: string
  },
): Promise<ConfirmationRequest[]> {
  const email = checkEmail(input.email)
  const url =
    input.url === undefined ? undefined : checkWebhookUrl(input.url, ctx.allowHttpWebhooks)
  const wantsSome = (input.componentIds?.length ?? 0) + (input.areaIds?.length ?? 0) > 0
  const catalog = wantsSome ? await loadCatalog(ctx.db) : { components: [], areas: [] }
  const choices = checkChoices(catalog, input)
  const expiresAt = new Date(ctx.now.getTime() + LINK_TTL_MS.confirm).toISOString()

  if (url !== undefined) {
    const webhook = newSubscriber(
      {
        kind: 'webhook',
        email,
        url,
        format: detectWebhookFormat(url),
        secret: newWebhookSecret(),
        status: 'pending',
        consent: 'double_opt_in',
      },
      choices,
      ctx.now,
      expiresAt,
    )
    const link = await issueLinkToken(ctx.db, webhook.id, 'confirm', ctx.baseUrl, ctx.now)
    const mail = confirmationMail(
      { to: email, confirmUrl: link.url, kind: 'webhook', url, language: input.readIn },
      expiresAt,
    )
    await ctx.db.batch([
      ...insertSubscriber(ctx.db, webhook),
      link.statement,
      insertMails(ctx.db, [mail], ctx.now.toISOString()),
    ])
    return [mail.request]
  }

  const existing = await selectEmailSubscriber(ctx.db, email)
  if (existing?.status === 'active') return []
  const at = ctx.now.toISOString()
  if (existing) {
    const link = await issueLinkToken(ctx.db, existing.id, 'confirm', ctx.baseUrl, ctx.now)
    const mail = confirmationMail(
      {
        to: email,
        confirmUrl: link.url,
        kind: 'email',
        language: existing.language ?? input.readIn,
      },
      expiresAt,
    )
    await ctx.db.batch([
      markPending(ctx.db, existing.id, expiresAt, at),
      ...replaceChoices(ctx.db, existing.id, choices, at, 'pending', { noneMeansEverything: true }),
      link.statement,
      insertMails(ctx.db, [mail], at),
    ])
    return [mail.request]
  }
  const subscriber = newSubscriber(
    {
      kind: 'email',
      email,
      url: null,
      format: 'email',
      secret: null,
      status: 'pending',
      consent: 'double_opt_in',
    },
    choices,
    ctx.now,
    expiresAt,
  )
  const link = await issueLinkToken(ctx.db, subscriber.id, 'confirm', ctx.baseUrl, ctx.now)
  const mail = confirmationMail(
    { to: email, confirmUrl: link.url, kind: 'email', language: input.readIn },
    expiresAt,
  )
  try {
    await ctx.db.batch([
      ...insertSubscriber(ctx.db, subscriber),
      link.statement,
      insertMails(ctx.db, [mail], at),
    ])
  } catch (error) {
    // The same address subscribed at the same moment: that request sends the confirmation.
    if (isDuplicateAddress(error)) return []
    throw error
  }
  return [mail.request]
}

/** The subscriber behind a link, or why the link does not work (unknown, or expired/used). */
async function followLink(
  db: D1Database,
  token: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<LinkOutcome<{ subscriber: Subscriber; tokenHash: string }>> {
  if (token.length === 0 || token.length > 128) return { ok: false, reason: 'unknown' }
  const found = await resolveLinkToken(db, token, purpose, now)
  if (!found) {
    const row = await selectLinkToken(db, await sha256Hex(token))
    return { ok: false, reason: row?.purpose === purpose ? 'expired' : 'unknown' }
  }
  const subscriber = await selectSubscriber(db, found.subscriberId)
  if (!subscriber) return { ok: false, reason: 'unknown' }
  return { ok: true, value: { subscriber, tokenHash: found.tokenHash } }
}

function subscriberOf(outcome: LinkOutcome<{ subscriber: Subscriber }>): LinkOutcome<Subscriber> {
  return outcome.ok ? { ok: true, value: outcome.value.subscriber } : outcome
}

/** What a confirm link would confirm; reading it changes nothing. */
export async function viewConfirmation(
  db: D1Database,
  token: string,
  now: Date,
): Promise<LinkOutcome<Subscriber>> {
  return subscriberOf(await followLink(db, token, 'confirm', now))
}

/** What confirming gave: the subscriber, its manage link and, once, a webhook's secret. */
export interface Confirmation {
  subscriber: Subscriber
  manageUrl: string
  /** The webhook's signing secret, only on the request that activated it. */
  secret: string | null
  /** False when it was already active (a second click, another email's link). */
  confirmedNow: boolean
  /**
   * True when this confirmation started the receiver's verification: a `webhook.verify` event
   * is in the outbox, and the webhook is active once its receiver answers it with 2xx.
   */
  verificationStarted: boolean
}

/** A webhook subscribed by the public proves its receiver before it gets any event. */
function needsVerification(subscriber: Subscriber): boolean {
  return subscriber.kind === 'webhook' && subscriber.consent === 'double_opt_in'
}

/**
 * The confirm button: a pending subscriber becomes active (confirmed now); the link is used up
 * and a manage link is issued. A subscriber that left in the meantime is not brought back.
 * A webhook subscribed through the public API becomes `pending_verification` instead, and a
 * `webhook.verify` event for it alone is written to the outbox in the same batch.
 */
export async function confirmSubscription(
  ctx: SubscriptionContext,
  token: string,
): Promise<LinkOutcome<Confirmation>> {
  const found = await followLink(ctx.db, token, 'confirm', ctx.now)
  if (!found.ok) return found
  const { subscriber, tokenHash } = found.value
  if (!['pending', 'pending_verification', 'active'].includes(subscriber.status)) {
    return { ok: false, reason: 'expired' }
  }
  const at = ctx.now.toISOString()
  const manage = await issueLinkToken(ctx.db, subscriber.id, 'manage', ctx.baseUrl, ctx.now)
  const verify = needsVerification(subscriber)
  const change = verify
    ? markAwaitingVerification(ctx.db, subscriber.id, at)
    : markConfirmed(ctx.db, subscriber.id, at)
  const [activated] = await ctx.db.batch([
    change,
    markLinkTokenUsed(ctx.db, tokenHash, at),
    manage.statement,
    ...(verify
      ? [
          insertVerifyEvent(ctx.db, {
            id: newId(),
            subscriberId: subscriber.id,
            baseUrl: ctx.baseUrl,
            at,
          }),
        ]
      : []),
  ])
  const confirmedNow = (activated?.meta.changes ?? 0) === 1
  return {
    ok: true,
    value: {
      subscriber: (await selectSubscriber(ctx.db, subscriber.id)) ?? subscriber,
      manageUrl: manage.url,
      secret: confirmedNow && subscriber.kind === 'webhook' ? subscriber.secret : null,
      confirmedNow,
      verificationStarted: verify && confirmedNow,
    },
  }
}

/** The subscriber a manage link is for; reading it changes nothing. */
export async function viewManage(
  db: D1Database,
  token: string,
  now: Date,
): Promise<LinkOutcome<Subscriber>> {
  return subscriberOf(await followLink(db, token, 'manage', now))
}

/**
 * Saves new choices from the manage page (nothing chosen means everything, except for one that
 * follows incidents: it keeps hearing about those, and about everything only if it did).
 * Only an active subscription changes; the subscriber is returned as it now stands.
 */
export async function saveChoices(
  ctx: SubscriptionContext,
  token: string,
  input: { componentIds: string[]; areaIds: string[] },
): Promise<LinkOutcome<Subscriber>> {
  const found = await followLink(ctx.db, token, 'manage', ctx.now)
  if (!found.ok) return found
  const { subscriber } = found.value
  const choices = checkChoices(await loadCatalog(ctx.db), input)
  if (subscriber.status !== 'active') return { ok: true, value: subscriber }
  await ctx.db.batch(
    replaceChoices(ctx.db, subscriber.id, choices, ctx.now.toISOString(), 'active'),
  )
  return { ok: true, value: (await selectSubscriber(ctx.db, subscriber.id)) ?? subscriber }
}

/** The subscriber an unsubscribe link is for; reading it changes nothing. */
export async function viewUnsubscribe(
  db: D1Database,
  token: string,
  now: Date,
): Promise<LinkOutcome<Subscriber>> {
  return subscriberOf(await followLink(db, token, 'unsubscribe', now))
}

/**
 * Leaves at once (the unsubscribe link's POST, RFC 8058 one-click, or the manage page's leave
 * button). Safe to repeat: the first time is kept.
 */
export async function unsubscribe(
  ctx: SubscriptionContext,
  token: string,
  purpose: 'unsubscribe' | 'manage',
): Promise<LinkOutcome<Subscriber>> {
  const found = await followLink(ctx.db, token, purpose, ctx.now)
  if (!found.ok) return found
  const { subscriber } = found.value
  await markUnsubscribed(ctx.db, subscriber.id, ctx.now.toISOString()).run()
  return { ok: true, value: (await selectSubscriber(ctx.db, subscriber.id)) ?? subscriber }
}

/** One subscriber, or a 404. */
export async function getSubscriber(db: D1Database, id: string): Promise<Subscriber> {
  const subscriber = await selectSubscriber(db, id)
  if (!subscriber) throw notFound('subscriber', id)
  return subscriber
}

/** One page of subscribers for ops, with the cursor of the next page (null at the end). */
export async function listSubscribers(
  db: D1Database,
  filter: {
    kind?: SubscriberKind
    status?: SubscriberStatus
    /** unconfirmed, active, quarantined or unsubscribed (see subscriberState). */
    state?: string
    /** Part of the address or URL, without regard to case. */
    search?: string
    cursor?: string
    limit: number
  },
): Promise<{ subscribers: Subscriber[]; nextCursor: string | null }> {
  const page = await selectSubscriberPage(db, { ...filter, limit: filter.limit + 1 })
  const subscribers = page.slice(0, filter.limit)
  const more = page.length > filter.limit
  return { subscribers, nextCursor: more ? (subscribers.at(-1)?.id ?? null) : null }
}

/** Removes a subscriber for good, with its choices, link tokens and delivery history. */
export async function removeSubscriber(ctx: VerbContext, id: string): Promise<void> {
  const subscriber = await getSubscriber(ctx.db, id)
  await ctx.db.batch([
    ...deleteSubscriberRows(ctx.db, id),
    insertAudit(
      ctx.db,
      ctx.actor,
      'subscriber.delete',
      { type: 'subscriber', id },
      { kind: subscriber.kind, status: subscriber.status },
      ctx.now.toISOString(),
    ),
  ])
}
