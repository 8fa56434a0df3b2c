import {
  selectAttempts,
  selectDeliveriesByStatus,
  selectIncidentDeliveryCounts,
  selectIncidentEvents,
  selectSubscriberDeliveries,
  type DeliveryAttempt,
  type DeliveryLogEntry,
} from '../db/delivery-log'
import type { DeliveryStatus } from './delivery-states'
import { selectIncident } from '../db/incidents'
import { notFound } from './errors'
import { getWebhook } from './webhooks'

export type { DeliveryAttempt, DeliveryLogEntry }

/** Every status a delivery can be in, in the order ops read them. */
export const DELIVERY_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'skipped',
  'dead',
] as const

/** A delivery with its attempts, newest attempt first. */
export interface DeliveryWithAttempts extends DeliveryLogEntry {
  attemptLog: DeliveryAttempt[]
}

async function withAttempts(
  db: D1Database,
  entries: DeliveryLogEntry[],
): Promise<DeliveryWithAttempts[]> {
  const attempts = await selectAttempts(
    db,
    entries.map((e) => e.id),
  )
  return entries.map((e) => ({ ...e, attemptLog: attempts.filter((a) => a.deliveryId === e.id) }))
}

/** A webhook's deliveries, newest first, each with its attempts (status codes, times, errors). */
export async function webhookDeliveries(
  db: D1Database,
  webhookId: string,
  limit: number,
): Promise<DeliveryWithAttempts[]> {
  await getWebhook(db, webhookId)
  return withAttempts(db, await selectSubscriberDeliveries(db, webhookId, limit))
}

/** Deliveries in one status (e.g. `dead`) or all, most recently changed first. */
export async function listDeliveries(
  db: D1Database,
  status: DeliveryStatus | null,
  limit: number,
): Promise<DeliveryWithAttempts[]> {
  return withAttempts(db, await selectDeliveriesByStatus(db, status, limit))
}

type Counts = Record<DeliveryStatus, number>

const zeroCounts = (): Counts => Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Counts

/** How an incident's notices went: its events, and delivery counts per status and channel. */
export interface IncidentDeliverySummary {
  incidentId: string
  events: { id: string; eventType: string; createdAt: string; dispatchedAt: string | null }[]
  total: number
  byStatus: Counts
  byChannel: { email: Counts; webhook: Counts }
}

export async function incidentDeliveries(
  db: D1Database,
  incidentId: string,
): Promise<IncidentDeliverySummary> {
  if (!(await selectIncident(db, incidentId))) throw notFound('incident', incidentId)
  const [events, counts] = await Promise.all([
    selectIncidentEvents(db, incidentId),
    selectIncidentDeliveryCounts(db, incidentId),
  ])
  const summary: IncidentDeliverySummary = {
    incidentId,
    events,
    total: 0,
    byStatus: zeroCounts(),
    byChannel: { email: zeroCounts(), webhook: zeroCounts() },
  }
  for (const { channel, status, count } of counts) {
    summary.total += count
    summary.byStatus[status] += count
    summary.byChannel[channel][status] += count
  }
  return summary
}
