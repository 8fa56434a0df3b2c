import { insertAudit } from '../db/audit'
import {
  deleteIncidentFollow,
  followsIncident,
  insertIncidentFollow,
  selectIncidentFollowerIds,
  unsubscribeIfFollowingNothing,
} from '../db/incident-subscribers'
import { selectIncident } from '../db/incidents'
import { selectEmailSubscriber, selectSubscriber, selectSubscribersByIds } from '../db/subscribers'
import type { VerbContext } from './context'
import { CandorError, notFound } from './errors'
import { resendConfirmation } from './subscriber-admin'
import { createEmailSubscriber } from './subscriber-create'
import { subscriberState } from './subscriber-states'
import type { Subscriber } from './subscriber-types'
import { checkEmail } from './subscription-input'
import type { ConfirmationRequest } from './subscriptions'

/**
 * Subscribers of one incident (Statuspage's "incident subscribers"): an address that hears
 * every event of one incident or maintenance, besides whatever else it follows.
 */

/** The incident or maintenance `id`, or a 404: both kinds can be followed. */
async function incidentOrNotFound(db: D1Database, id: string): Promise<void> {
  if (!(await selectIncident(db, id))) throw notFound('incident', id)
}

/** The subscribers following incident `incidentId`, in the order they began to. */
export async function listIncidentSubscribers(
  db: D1Database,
  incidentId: string,
): Promise<Subscriber[]> {
  await incidentOrNotFound(db, incidentId)
  return selectSubscribersByIds(db, await selectIncidentFollowerIds(db, incidentId))
}

/** One subscriber of incident `incidentId`; a 404 unless it follows that incident. */
export async function getIncidentSubscriber(
  db: D1Database,
  incidentId: string,
  subscriberId: string,
): Promise<Subscriber> {
  await incidentOrNotFound(db, incidentId)
  const subscriber = await selectSubscriber(db, subscriberId)
  if (!subscriber || !(await followsIncident(db, subscriberId, incidentId))) {
    throw notFound('subscriber of this incident', subscriberId)
  }
  return subscriber
}

/**
 * Ops subscribe an email address to one incident. A new address becomes a subscriber that
 * follows only that incident, created as `createEmailSubscriber` creates one (pending with the
 * confirmation email, or active at once when `consented`). An address Candor knows that is
 * active or unconfirmed follows the incident besides what it follows already (nothing sent).
 * One that unsubscribed or is quarantined is refused (409; 422 under /v1), nothing written.
 * Recorded in the audit log with who did it.
 */
export async function subscribeToIncident(
  ctx: VerbContext & { baseUrl: string },
  incidentId: string,
  input: { email: string; consented: boolean },
): Promise<{ subscriber: Subscriber; confirmation: ConfirmationRequest | null }> {
  await incidentOrNotFound(ctx.db, incidentId)
  const email = checkEmail(input.email)
  const existing = await selectEmailSubscriber(ctx.db, email)
  if (!existing) {
    return createEmailSubscriber(ctx, { email, consented: input.consented, incidentId })
  }
  const state = subscriberState(existing)
  if (state === 'unsubscribed' || state === 'quarantined') {
    throw new CandorError(
      'conflict',
      state === 'unsubscribed'
        ? 'This address unsubscribed: Candor never signs it up again on its behalf; it can subscribe again itself on the status page.'
        : 'This subscriber is quarantined (its deliveries kept failing): reactivate it before it follows an incident.',
      { id: existing.id, state },
    )
  }
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    insertIncidentFollow(ctx.db, existing.id, incidentId, at),
    insertAudit(
      ctx.db,
      ctx.actor,
      'subscriber.follow_incident',
      { type: 'subscriber', id: existing.id },
      { kind: existing.kind, incident_id: incidentId },
      at,
    ),
  ])
  return {
    subscriber: (await selectSubscriber(ctx.db, existing.id)) ?? existing,
    confirmation: null,
  }
}

/**
 * Ops remove a subscriber from an incident: it no longer hears of that incident through it.
 * One left following nothing at all (not everything, no component, area or incident) is
 * unsubscribed. A 404 unless it followed the incident. Recorded in the audit log.
 */
export async function removeIncidentSubscriber(
  ctx: VerbContext,
  incidentId: string,
  subscriberId: string,
): Promise<Subscriber> {
  const subscriber = await getIncidentSubscriber(ctx.db, incidentId, subscriberId)
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    deleteIncidentFollow(ctx.db, subscriberId, incidentId),
    unsubscribeIfFollowingNothing(ctx.db, subscriberId, at),
    insertAudit(
      ctx.db,
      ctx.actor,
      'subscriber.unfollow_incident',
      { type: 'subscriber', id: subscriberId },
      { kind: subscriber.kind, incident_id: incidentId },
      at,
    ),
  ])
  return (await selectSubscriber(ctx.db, subscriberId)) ?? subscriber
}

/**
 * Sends an unconfirmed subscriber of incident `incidentId` a fresh confirmation link, as
 * `resendConfirmation` does for any subscriber; a 404 unless it follows that incident.
 */
export async function resendIncidentConfirmation(
  ctx: VerbContext & { baseUrl: string },
  incidentId: string,
  subscriberId: string,
  withinLimit: (address: string) => Promise<boolean>,
): Promise<{ subscriber: Subscriber; confirmation: ConfirmationRequest }> {
  await getIncidentSubscriber(ctx.db, incidentId, subscriberId)
  return resendConfirmation(ctx, subscriberId, withinLimit)
}
