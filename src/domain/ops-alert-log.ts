import { selectOpsAlerts, type OpsAlertRecord } from '../db/ops-alerts'

export type { OpsAlertRecord }

/** The ops alerts raised, newest first, with their sends; of one incident when `incidentId` is given. */
export function listOpsAlerts(
  db: D1Database,
  options: { incidentId?: string; limit: number },
): Promise<OpsAlertRecord[]> {
  return selectOpsAlerts(db, options)
}
