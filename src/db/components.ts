import type { Component, ComponentStatus } from '../domain/types'

interface ComponentRow {
  id: string
  name: string
  description: string | null
  status: ComponentStatus
  position: number
  is_group: number
  group_id: string | null
  showcase: number
  only_show_if_degraded: number
  start_date: string | null
  help_url: string | null
  created_at: string
  updated_at: string
}

function toComponent(row: ComponentRow): Component {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    position: row.position,
    isGroup: row.is_group === 1,
    groupId: row.group_id,
    showcase: row.showcase === 1,
    onlyShowIfDegraded: row.only_show_if_degraded === 1,
    startDate: row.start_date,
    helpUrl: row.help_url,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** All components and groups, in display order. */
export async function selectComponents(db: D1Database): Promise<Component[]> {
  const { results } = await db
    .prepare('SELECT * FROM components ORDER BY position, created_at')
    .all<ComponentRow>()
  return results.map(toComponent)
}

export async function selectComponent(db: D1Database, id: string): Promise<Component | null> {
  const row = await db
    .prepare('SELECT * FROM components WHERE id = ?')
    .bind(id)
    .first<ComponentRow>()
  return row ? toComponent(row) : null
}

export async function selectGroupByName(db: D1Database, name: string): Promise<Component | null> {
  const row = await db
    .prepare('SELECT * FROM components WHERE is_group = 1 AND name = ? COLLATE NOCASE')
    .bind(name)
    .first<ComponentRow>()
  return row ? toComponent(row) : null
}

export async function selectComponentByName(
  db: D1Database,
  name: string,
): Promise<Component | null> {
  const row = await db
    .prepare('SELECT * FROM components WHERE is_group = 0 AND name = ? COLLATE NOCASE')
    .bind(name)
    .first<ComponentRow>()
  return row ? toComponent(row) : null
}

export async function selectNextPosition(db: D1Database): Promise<number> {
  const row = await db
    .prepare('SELECT COALESCE(MAX(position), 0) + 1 AS next FROM components')
    .first<{ next: number }>()
  return row?.next ?? 1
}

export function insertComponent(db: D1Database, c: Component): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO components (id, name, description, status, position, is_group, group_id, showcase,
         only_show_if_degraded, start_date, help_url, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      c.id,
      c.name,
      c.description,
      c.status,
      c.position,
      c.isGroup ? 1 : 0,
      c.groupId,
      c.showcase ? 1 : 0,
      c.onlyShowIfDegraded ? 1 : 0,
      c.startDate,
      c.helpUrl,
      c.createdAt,
      c.updatedAt,
    )
}

export function updateComponentRow(db: D1Database, c: Component): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE components SET name = ?, description = ?, status = ?, position = ?, group_id = ?,
         showcase = ?, only_show_if_degraded = ?, start_date = ?, help_url = ?, updated_at = ?
       WHERE id = ?`,
    )
    .bind(
      c.name,
      c.description,
      c.status,
      c.position,
      c.groupId,
      c.showcase ? 1 : 0,
      c.onlyShowIfDegraded ? 1 : 0,
      c.startDate,
      c.helpUrl,
      c.updatedAt,
      c.id,
    )
}

export function setComponentStatus(
  db: D1Database,
  id: string,
  status: ComponentStatus,
  at: string,
): D1PreparedStatement {
  return db
    .prepare('UPDATE components SET status = ?, updated_at = ? WHERE id = ?')
    .bind(status, at, id)
}

export function deleteComponentRow(db: D1Database, id: string): D1PreparedStatement[] {
  return [
    db.prepare('UPDATE components SET group_id = NULL WHERE group_id = ?').bind(id),
    db.prepare('DELETE FROM component_status_changes WHERE component_id = ?').bind(id),
    db.prepare('DELETE FROM incident_components WHERE component_id = ?').bind(id),
    db.prepare('DELETE FROM components WHERE id = ?').bind(id),
  ]
}

/** Records a status the component took, for its history bars. */
export function insertStatusChange(
  db: D1Database,
  componentId: string,
  status: ComponentStatus,
  at: string,
  incidentId: string | null,
): D1PreparedStatement {
  return db
    .prepare(
      'INSERT INTO component_status_changes (component_id, status, changed_at, incident_id) VALUES (?, ?, ?, ?)',
    )
    .bind(componentId, status, at, incidentId)
}

/**
 * The status a component had at `at` by its recorded changes (the latest at or before it, an
 * incident recorded after it happened included), or null when none was recorded by then.
 */
export async function selectStatusAt(
  db: D1Database,
  componentId: string,
  at: string,
): Promise<ComponentStatus | null> {
  const row = await db
    .prepare(
      `SELECT status FROM component_status_changes WHERE component_id = ? AND changed_at <= ?
       ORDER BY changed_at DESC, id DESC LIMIT 1`,
    )
    .bind(componentId, at)
    .first<{ status: ComponentStatus }>()
  return row?.status ?? null
}

export interface StatusChange {
  componentId: string
  status: ComponentStatus
  changedAt: string
}

/** A `component_status_changes` row as a `StatusChange`. */
export function toStatusChange(r: {
  component_id: string
  status: ComponentStatus
  changed_at: string
}): StatusChange {
  return { componentId: r.component_id, status: r.status, changedAt: r.changed_at }
}

/**
 * Status changes from `since` on, plus each component's last change before `since` (the
 * status it entered the window with), oldest first.
 */
export async function selectStatusChangesSince(
  db: D1Database,
  since: string,
): Promise<StatusChange[]> {
  const { results } = await db
    .prepare(
      `SELECT component_id, status, changed_at FROM component_status_changes
       WHERE changed_at >= ?1
       UNION ALL
       SELECT component_id, status, changed_at FROM (
         SELECT component_id, status, changed_at, ROW_NUMBER() OVER (
             PARTITION BY component_id ORDER BY changed_at DESC, id DESC) AS latest
         FROM component_status_changes WHERE changed_at < ?1)
       WHERE latest = 1
       ORDER BY changed_at`,
    )
    .bind(since)
    .all<{ component_id: string; status: ComponentStatus; changed_at: string }>()
  return results.map(toStatusChange)
}

/**
 * Components held in a non-operational state by open incidents other than `exceptId` (live
 * ones: an upcoming incident holds nothing yet).
 */
export async function selectStatusesHeldByOpenIncidents(
  db: D1Database,
  componentIds: string[],
  exceptId: string,
): Promise<{ componentId: string; status: ComponentStatus }[]> {
  const { results } = await db
    .prepare(
      `SELECT ic.component_id, ic.status FROM incident_components ic
       JOIN incidents i ON i.id = ic.incident_id
       WHERE i.resolved_at IS NULL AND i.id != ? AND i.status NOT IN ('scheduled') AND i.draft = 0
         AND NOT (i.expected_start IS NOT NULL AND i.live_at IS NULL)
         AND ic.component_id IN (SELECT value FROM json_each(?))`,
    )
    .bind(exceptId, JSON.stringify(componentIds))
    .all<{ component_id: string; status: ComponentStatus }>()
  return results.map((r) => ({ componentId: r.component_id, status: r.status }))
}

/** Ids of unresolved incidents that touch a component (deleting it would orphan them). */
export async function selectOpenIncidentIdsForComponent(
  db: D1Database,
  componentId: string,
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT i.id FROM incident_components ic JOIN incidents i ON i.id = ic.incident_id
       WHERE ic.component_id = ? AND i.resolved_at IS NULL`,
    )
    .bind(componentId)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}
