import type { Indicator } from '../domain/page-status'
import { itemStatusOf, updateStatusOf } from '../domain/status-words'
import type { ComponentStatus } from '../domain/types'
import type { MessageKey } from './catalog'
import type { Reader } from './reader'

/**
 * Statuses and impacts in the reader's words (the messages in `messages/labels.ts`). The API
 * keeps its English descriptions; these are for what people read.
 */

const STATUSES = new Set([
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
  'cancelled',
])
const IMPACTS = new Set(['none', 'minor', 'major', 'critical', 'maintenance'])

/** "Teilausfall" for `partial_outage` in German. */
export function componentStatusWord(reader: Reader, status: ComponentStatus): string {
  return reader.t(`label.component.${status}`)
}

/** Any incident or maintenance status ("In progress"); an unknown one as it is. */
export function statusWord(reader: Reader, status: string): string {
  return STATUSES.has(status) ? reader.t(`label.status.${status}` as MessageKey) : status
}

/** The status an item is shown with: "Cancelled" for a maintenance called off. */
export function itemStatusWord(
  reader: Reader,
  item: { status: string; cancelled_at?: string | null },
): string {
  return statusWord(reader, itemStatusOf(item))
}

/** An update's status: "Cancelled" for the update that cancelled, and any note after it. */
export function updateStatusWord(
  reader: Reader,
  update: { status: string; display_at: string },
  item: { status: string; cancelled_at?: string | null },
): string {
  return statusWord(reader, updateStatusOf(update, item))
}

/** "Major impact" for `major`; an unknown impact as it is. */
export function impactWord(reader: Reader, impact: string): string {
  return IMPACTS.has(impact) ? reader.t(`label.impact.${impact}` as MessageKey) : impact
}

/** The page's overall status ("All Systems Operational"), or "Service Under Maintenance". */
export function overallWord(
  reader: Reader,
  indicator: Indicator,
  maintenanceOnly: boolean,
): string {
  return reader.t(maintenanceOnly ? 'label.overall.maintenance' : `label.overall.${indicator}`)
}
