import type { MessageKey } from '../i18n/catalog'
import type { Reader } from '../i18n/reader'
import { isCancelled } from '../domain/status-words'
import type { ComponentStatus } from '../domain/types'

/** The words notices use for statuses and impacts, in the reader's language. */

const COMPONENT: Record<ComponentStatus, MessageKey> = {
  operational: 'notify.component.operational',
  degraded_performance: 'notify.component.degraded_performance',
  partial_outage: 'notify.component.partial_outage',
  major_outage: 'notify.component.major_outage',
  under_maintenance: 'notify.component.under_maintenance',
}

const STATUS: Record<string, MessageKey> = {
  investigating: 'notify.status.investigating',
  identified: 'notify.status.identified',
  monitoring: 'notify.status.monitoring',
  resolved: 'notify.status.resolved',
  postmortem: 'notify.status.postmortem',
  scheduled: 'notify.status.scheduled',
  in_progress: 'notify.status.in_progress',
  verifying: 'notify.status.verifying',
  completed: 'notify.status.completed',
}

const IMPACT: Record<string, MessageKey> = {
  none: 'notify.impact.none',
  minor: 'notify.impact.minor',
  major: 'notify.impact.major',
  critical: 'notify.impact.critical',
  maintenance: 'notify.impact.maintenance',
}

/** The page's overall status, from the English description the page status carries. */
const PAGE: Record<string, MessageKey> = {
  'All Systems Operational': 'notify.page.none',
  'Minor Service Outage': 'notify.page.minor',
  'Partial System Outage': 'notify.page.major',
  'Major System Outage': 'notify.page.critical',
  'Service Under Maintenance': 'notify.page.maintenance',
}

/** "Partial outage" for `partial_outage`; an unknown status as it is. */
export function componentStatusWord(reader: Reader, status: string): string {
  const key = COMPONENT[status as ComponentStatus]
  return key ? reader.t(key) : status
}

/** "In progress" for `in_progress`: any incident or maintenance status. */
export function statusWord(reader: Reader, status: string): string {
  const key = STATUS[status]
  return key ? reader.t(key) : status
}

/** "Cancelled" for a maintenance called off before it began, else its status. */
export function itemStatusWord(
  reader: Reader,
  item: { status: string; cancelled_at?: string | null },
): string {
  return isCancelled(item) ? reader.t('notify.status.cancelled') : statusWord(reader, item.status)
}

/** An update's status: "Cancelled" for the update that cancelled, and any note after it. */
export function updateStatusWord(
  reader: Reader,
  update: { status: string; display_at: string },
  item: { status: string; cancelled_at?: string | null },
): string {
  const cancelling =
    isCancelled(item) && update.status === 'completed' && update.display_at >= item.cancelled_at!
  return cancelling ? reader.t('notify.status.cancelled') : statusWord(reader, update.status)
}

/** "Major impact" for `major`. */
export function impactWord(reader: Reader, impact: string): string {
  const key = IMPACT[impact]
  return key ? reader.t(key) : impact
}

/** "Major System Outage", in the reader's language. */
export function pageStatusWord(reader: Reader, description: string): string {
  const key = PAGE[description]
  return key ? reader.t(key) : description
}
