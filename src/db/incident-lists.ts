import type { IncidentFilter, IncidentKind } from '../domain/types'

/** Lists of incident ids: the admin and public lists, the clock's and the snapshot's. */

/** Where a page of a list resumes: after the incident with this creation time and id. */
export interface ListCursor {
  createdAt: string
  id: string
}

/**
 * Ids of incidents or maintenances, newest first (ties by id, so pages never overlap). Drafts
 * are left out unless `includeDrafts` (the admin API): everything else that lists incidents is
 * seen by the public or subscribers. With `after`, the list resumes after that incident.
 */
export async function selectIncidentIds(
  db: D1Database,
  kind: IncidentKind,
  filter: IncidentFilter,
  limit: number,
  after?: ListCursor,
  options: { includeDrafts?: boolean } = {},
): Promise<string[]> {
  const where =
    filter === 'unresolved'
      ? 'AND resolved_at IS NULL'
      : filter === 'resolved'
        ? 'AND resolved_at IS NOT NULL'
        : ''
  const drafts = options.includeDrafts ? '' : 'AND draft = 0'
  const cursor = after ? 'AND (created_at < ? OR (created_at = ? AND id < ?))' : ''
  const cursorValues = after ? [after.createdAt, after.createdAt, after.id] : []
  const { results } = await db
    .prepare(
      `SELECT id FROM incidents WHERE kind = ? ${where} ${drafts} ${cursor}
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    )
    .bind(kind, ...cursorValues, limit)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/** Maintenances not yet completed, soonest first. */
export async function selectOpenMaintenanceIds(db: D1Database): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM incidents WHERE kind = 'maintenance' AND resolved_at IS NULL
       ORDER BY scheduled_for`,
    )
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/** Ids of published incidents started in [from, to), newest first, for the history page. */
export async function selectIncidentIdsBetween(
  db: D1Database,
  from: string,
  to: string,
  limit: number,
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM incidents WHERE started_at >= ? AND started_at < ? AND draft = 0
       ORDER BY started_at DESC LIMIT ?`,
    )
    .bind(from, to, limit)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/** Ids of upcoming incidents whose expected start is at or before `now`, soonest first. */
export async function selectDueUpcomingIds(
  db: D1Database,
  now: string,
  limit: number,
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM incidents
       WHERE expected_start IS NOT NULL AND live_at IS NULL AND expected_start <= ?
         AND resolved_at IS NULL AND draft = 0
       ORDER BY expected_start LIMIT ?`,
    )
    .bind(now, limit)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}
