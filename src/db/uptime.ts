import type { ComponentStatus } from '../domain/types'
import { toStatusChange, type StatusChange } from './components'

/** What an uptime reads: the components' status history and the incidents that touched them. */

/**
 * The statuses `componentIds` took in `[from, to)`, with each one's last status before `from`
 * (the one it entered the range with), oldest first; changes at the same instant in the order
 * they were recorded.
 */
export async function selectStatusHistory(
  db: D1Database,
  componentIds: string[],
  from: string,
  to: string,
): Promise<StatusChange[]> {
  const { results } = await db
    .prepare(
      `SELECT component_id, status, changed_at, id FROM component_status_changes
       WHERE component_id IN (SELECT value FROM json_each(?1)) AND changed_at >= ?2
         AND changed_at < ?3
       UNION ALL
       SELECT component_id, status, changed_at, id FROM (
         SELECT component_id, status, changed_at, id, ROW_NUMBER() OVER (
             PARTITION BY component_id ORDER BY changed_at DESC, id DESC) AS latest
         FROM component_status_changes
         WHERE component_id IN (SELECT value FROM json_each(?1)) AND changed_at < ?2)
       WHERE latest = 1
       ORDER BY changed_at, id`,
    )
    .bind(JSON.stringify(componentIds), from, to)
    .all<{ component_id: string; status: ComponentStatus; changed_at: string }>()
  return results.map(toStatusChange)
}

/**
 * Published, live incidents (not maintenance) that touched `componentIds` and were open at
 * some time in `[from, to)`, by component, oldest first.
 */
export async function selectIncidentsTouching(
  db: D1Database,
  componentIds: string[],
  from: string,
  to: string,
): Promise<{ componentId: string; incidentId: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT ic.component_id, i.id FROM incident_components ic
       JOIN incidents i ON i.id = ic.incident_id
       WHERE ic.component_id IN (SELECT value FROM json_each(?)) AND i.kind = 'incident'
         AND i.draft = 0 AND NOT (i.expected_start IS NOT NULL AND i.live_at IS NULL)
         AND i.started_at < ? AND (i.resolved_at IS NULL OR i.resolved_at >= ?)
       ORDER BY i.started_at, i.id`,
    )
    .bind(JSON.stringify(componentIds), to, from)
    .all<{ component_id: string; id: string }>()
  return results.map((r) => ({ componentId: r.component_id, incidentId: r.id }))
}
