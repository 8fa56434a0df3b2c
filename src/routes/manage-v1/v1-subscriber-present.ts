import type { Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { CandorError } from '../../domain/errors'
import type { PresentContext } from '../../domain/present'
import { quarantinedAt } from '../../domain/subscriber-states'
import type { Subscriber, SubscriberKind } from '../../domain/subscriber-types'
import { V1_SUBSCRIBER_TYPES, type V1SubscriberType } from '../../schemas/manage-v1-subscribers'

/**
 * A subscriber in Statuspage's shape. `components` lists what it follows: every component when
 * it chose none (Candor's "everything"). Candor never purges a quarantined subscriber by
 * itself, so `purge_at` is null; a webhook's secret never leaves through here.
 */
export function presentV1Subscriber(s: Subscriber, ctx: PresentContext) {
  return {
    id: s.id,
    skip_confirmation_notification: s.consent !== 'double_opt_in',
    mode: s.kind,
    email: s.email,
    endpoint: s.kind === 'webhook' ? s.url : null,
    phone_number: null,
    phone_country: null,
    display_phone_number: null,
    obfuscated_channel_name: null,
    workspace_name: null,
    quarantined_at: quarantinedAt(s),
    purge_at: null,
    components: s.everything ? [...ctx.components.keys()] : s.componentIds,
    page_access_user_id: null,
    created_at: s.createdAt,
  }
}

/** Candor's kind for a Statuspage subscriber type; 422 for the types Candor has no such subscribers of. */
export function candorKind(type: V1SubscriberType | undefined): SubscriberKind | undefined {
  if (type === undefined || type === 'email' || type === 'webhook') return type
  throw new CandorError(
    'validation_failed',
    `Candor has no ${type} subscribers: only email and webhook subscribers (chat channels are webhook subscribers).`,
    [{ path: 'type', message: 'only email and webhook' }],
  )
}

/** The `type` query parameter, checked: one of Statuspage's types, and one Candor has. */
export function typeQuery(c: Context<AppBindings>): SubscriberKind | undefined {
  const raw = c.req.query('type')
  if (raw === undefined || raw === '') return undefined
  if (!(V1_SUBSCRIBER_TYPES as readonly string[]).includes(raw)) {
    throw new CandorError('validation_failed', `Unknown subscriber type "${raw}".`, [
      { path: 'type', message: `one of ${V1_SUBSCRIBER_TYPES.join(', ')}` },
    ])
  }
  return candorKind(raw as V1SubscriberType)
}
