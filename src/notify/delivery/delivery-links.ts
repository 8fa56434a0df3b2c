import type { DeliveryTarget } from '../../db/deliveries'
import { issueLinkToken } from '../../domain/link-tokens'
import { issueAnswerLinks } from '../../domain/resolution-votes'
import type { DeliveryQueueMessage, EmailLinks, EventMessage } from '../types'

/** One claimed delivery on its way out. */
export interface Claimed {
  message: Message<DeliveryQueueMessage>
  target: DeliveryTarget
  event: EventMessage
}

/**
 * The links a delivery carries: the incident page, fresh manage/unsubscribe tokens, and for a
 * resolution email the subscriber's "fixed for me / still broken" answer links.
 */
export type DeliveryLinks = EmailLinks

/**
 * Issues the link tokens of this batch in one write, before anything is sent, so a link works
 * the moment its message arrives. Signed webhooks get an unsubscribe link; emails get both,
 * and resolution emails their two answer links as well.
 */
export async function issueLinks(
  db: D1Database,
  webhooks: Claimed[],
  emails: Claimed[],
  now: Date,
): Promise<Map<string, DeliveryLinks>> {
  const links = new Map<string, DeliveryLinks>()
  const statements: D1PreparedStatement[] = []
  const wanting = [
    ...webhooks
      .filter((c) => c.target.subscriber.format === 'standard')
      .map((c) => ({ c, manage: false })),
    ...emails.map((c) => ({ c, manage: true })),
  ]
  for (const { c, manage } of wanting) {
    const base = c.event.baseUrl
    const subscriberId = c.target.subscriber.id
    const unsubscribe = await issueLinkToken(db, subscriberId, 'unsubscribe', base, now)
    statements.push(unsubscribe.statement)
    let manageUrl = ''
    if (manage) {
      const token = await issueLinkToken(db, subscriberId, 'manage', base, now)
      statements.push(token.statement)
      manageUrl = token.url
    }
    links.set(c.target.id, {
      incident: c.event.incident?.shortlink ?? c.event.page.url,
      manage: manageUrl,
      unsubscribe: unsubscribe.url,
    })
  }
  for (const [incidentId, resolved] of resolutionEmails(emails)) {
    const base = resolved[0]!.event.baseUrl
    const subscriberIds = resolved.map((c) => c.target.subscriber.id)
    const answers = await issueAnswerLinks(db, incidentId, subscriberIds, base, now)
    if (answers.statement) statements.push(answers.statement)
    for (const c of resolved) {
      const link = links.get(c.target.id)
      const pair = answers.links.get(c.target.subscriber.id)
      if (link && pair) link.answers = pair
    }
  }
  if (statements.length > 0) await db.batch(statements)
  return links
}

/** An incident posted early and closed before it took effect (it starts after it ended). */
function neverTookEffect(incident: {
  expected_start?: string | null
  started_at: string
  resolved_at: string | null
}): boolean {
  return (
    !!incident.expected_start &&
    !!incident.resolved_at &&
    Date.parse(incident.started_at) >= Date.parse(incident.resolved_at)
  )
}

/** Whether the event's email asks each reader "is it fixed for you?" (a resolved incident). */
export function asksIfFixed(event: EventMessage): boolean {
  const incident = event.incident
  if (event.eventType !== 'incident.resolved' || !incident) return false
  if (incident.impact === 'maintenance') return false
  // A fault announced early and called off before it took effect: nothing to have fixed.
  return !neverTookEffect(incident)
}

/** The batch's `incident.resolved` emails, by incident. */
function resolutionEmails(emails: Claimed[]): Map<string, Claimed[]> {
  const byIncident = new Map<string, Claimed[]>()
  for (const c of emails) {
    const incident = c.event.incident
    if (!incident || !asksIfFixed(c.event)) continue
    byIncident.set(incident.id, [...(byIncident.get(incident.id) ?? []), c])
  }
  return byIncident
}
