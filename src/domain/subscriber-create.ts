import { insertAudit } from '../db/audit'
import { insertSubscriber, isDuplicateAddress, selectEmailSubscriber } from '../db/subscribers'
import { insertMails } from '../db/transactional-mail'
import { confirmationMail } from './confirmation-mail'
import type { VerbContext } from './context'
import { CandorError, invalidField } from './errors'
import { LINK_TTL_MS } from './link-purpose'
import { issueLinkToken } from './link-tokens'
import { subscriberState } from './subscriber-states'
import type { Subscriber } from './subscriber-types'
import { checkChoices, checkEmail, loadCatalog } from './subscription-input'
import { newSubscriber, type ConfirmationRequest } from './subscriptions'

/**
 * Ops add one email subscriber. With `consented` (they state the address agreed) it is active
 * at once, as an import with consent; otherwise it is pending and gets Candor's confirmation
 * email (valid 48 hours). An address Candor already knows, in any state, is a conflict: one
 * that unsubscribed is never signed up again this way. Unknown component ids are refused at
 * `component_ids.<n>`. Recorded in the audit log with who did it. Returns the confirmation to
 * send, if any. With `incidentId` (an incident or maintenance, checked by the caller) the
 * subscriber follows only that incident: not everything, no component or area.
 */
export async function createEmailSubscriber(
  ctx: VerbContext & { baseUrl: string },
  input: { email: string; componentIds?: string[]; consented: boolean; incidentId?: string },
): Promise<{ subscriber: Subscriber; confirmation: ConfirmationRequest | null }> {
  const email = checkEmail(input.email)
  const catalog = await loadCatalog(ctx.db)
  ;(input.componentIds ?? []).forEach((id, index) => {
    if (!catalog.components.some((c) => c.id === id)) {
      throw invalidField(`component_ids.${index}`, `No component with id "${id}".`)
    }
  })
  const choices = checkChoices(catalog, { componentIds: input.componentIds })
  const existing = await selectEmailSubscriber(ctx.db, email)
  if (existing) {
    throw new CandorError(
      'conflict',
      `This address is already a subscriber (${subscriberState(existing)}).`,
      { id: existing.id, state: subscriberState(existing) },
    )
  }
  const at = ctx.now.toISOString()
  const expiresAt = input.consented
    ? null
    : new Date(ctx.now.getTime() + LINK_TTL_MS.confirm).toISOString()
  const fresh = newSubscriber(
    {
      kind: 'email',
      email,
      url: null,
      format: 'email',
      secret: null,
      status: input.consented ? 'active' : 'pending',
      consent: input.consented ? 'imported_with_consent' : 'double_opt_in',
    },
    choices,
    ctx.now,
    expiresAt,
  )
  const subscriber: Subscriber = input.incidentId
    ? { ...fresh, everything: false, incidentIds: [input.incidentId] }
    : fresh
  const audit = insertAudit(
    ctx.db,
    ctx.actor,
    'subscriber.create',
    { type: 'subscriber', id: subscriber.id },
    {
      kind: 'email',
      status: subscriber.status,
      consent: subscriber.consent,
      ...(input.incidentId ? { incident_id: input.incidentId } : {}),
    },
    at,
  )
  let confirmation: ConfirmationRequest | null = null
  const statements = [...insertSubscriber(ctx.db, subscriber), audit]
  if (expiresAt) {
    const link = await issueLinkToken(ctx.db, subscriber.id, 'confirm', ctx.baseUrl, ctx.now)
    const mail = confirmationMail({ to: email, confirmUrl: link.url, kind: 'email' }, expiresAt)
    statements.push(link.statement, insertMails(ctx.db, [mail], at))
    confirmation = mail.request
  }
  try {
    await ctx.db.batch(statements)
  } catch (error) {
    if (isDuplicateAddress(error)) {
      throw new CandorError('conflict', 'This address subscribed at the same moment.')
    }
    throw error
  }
  return { subscriber, confirmation }
}
