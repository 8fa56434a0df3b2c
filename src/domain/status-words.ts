import type { ComponentStatus } from './types'

/** The words a reader sees for each status and impact, on pages, in emails, feeds and chat. */

const COMPONENT_LABELS: Record<ComponentStatus, string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  under_maintenance: 'Under maintenance',
}

const STATUS_LABELS: Record<string, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
  cancelled: 'Cancelled',
}

const IMPACT_LABELS: Record<string, string> = {
  none: 'No impact',
  minor: 'Minor impact',
  major: 'Major impact',
  critical: 'Critical impact',
  maintenance: 'Maintenance',
}

/** "Partial outage" for `partial_outage`. */
export function componentStatusLabel(status: ComponentStatus): string {
  return COMPONENT_LABELS[status]
}

/** "In progress" for `in_progress`; any incident or maintenance status. */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status
}

/** Anything with a status that may have been cancelled: incidents and maintenances alike. */
interface MaybeCancelled {
  status: string
  cancelled_at?: string | null
}

/** True for a maintenance called off before it began. */
export function isCancelled(item: MaybeCancelled): boolean {
  return typeof item.cancelled_at === 'string'
}

/**
 * "Cancelled" for a maintenance called off before it began (its status is `completed`, which
 * alone would tell readers the work was done), else the status's label.
 */
export function itemStatusLabel(item: MaybeCancelled): string {
  return statusLabel(itemStatusOf(item))
}

/** The status an item is shown with: `cancelled` for a cancelled maintenance, else its own. */
export function itemStatusOf(item: MaybeCancelled): string {
  return isCancelled(item) ? 'cancelled' : item.status
}

/** An update's status label: "Cancelled" for the update that cancelled, and any note after it. */
export function updateStatusLabel(
  update: { status: string; display_at: string },
  item: MaybeCancelled,
): string {
  return statusLabel(updateStatusOf(update, item))
}

/** The status an update is shown with: `cancelled` for the update that cancelled, and after. */
export function updateStatusOf(
  update: { status: string; display_at: string },
  item: MaybeCancelled,
): string {
  const cancelling =
    isCancelled(item) && update.status === 'completed' && update.display_at >= item.cancelled_at!
  return cancelling ? 'cancelled' : update.status
}

/** "Major impact" for `major`. */
export function impactLabel(impact: string): string {
  return IMPACT_LABELS[impact] ?? impact
}
