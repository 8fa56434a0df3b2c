import {
  insertSubscriber,
  isDuplicateAddress,
  replaceChoices,
  selectEmailSubscriber,
} from '../db/subscribers'
import { markPending } from '../db/subscriber-transitions'
import { newId } from '../lib/ids'
import { insertMails } from '../db/transactional-mail'
import { detectWebhookFormat } from './webhook-format'
import { confirmationMail } from './confirmation-mail'
import { LINK_TTL_MS } from './link-purpose'
import { issueLinkToken } from './link-tokens'
import type { Subscriber, SubscriberKind, SubscriptionChoices } from './subscriber-types'
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
