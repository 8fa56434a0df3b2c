import { selectIncident, selectIncidentsByIds } from '../db/incidents'
import { selectIncidentIdsBetween } from '../db/incident-lists'
import type { Incident } from './types'

/** An incident or maintenance for its public page, or null when it is unknown or a draft. */
export async function loadPublishedIncident(db: D1Database, id: string): Promise<Incident | null> {
  const incident = await selectIncident(db, id)
  return !incident || incident.isDraft ? null : incident
}

/** Incidents shown on one page of the history. */
const HISTORY_PAGE_LIMIT = 1000

/**
 * The incidents that began in `[oldest, until)` (at most a thousand), and whether any began
 * before `oldest`, so the history page knows to offer older months.
 */
export async function loadHistoryWindow(
  db: D1Database,
  oldest: string,
  until: string,
): Promise<{ incidents: Incident[]; hasOlder: boolean }> {
  const [ids, older] = await Promise.all([
    selectIncidentIdsBetween(db, oldest, until, HISTORY_PAGE_LIMIT),
    selectIncidentIdsBetween(db, '0000', oldest, 1),
  ])
  return { incidents: await selectIncidentsByIds(db, ids), hasOlder: older.length > 0 }
}
