/** The intake's tables: its settings, which incident each alert group feeds, each alert's state. */

export interface IntakeGroupRow {
  groupKey: string
  incidentId: string
  lastNotifiedAt: string | null
  version: number
}

export interface IntakeAlertRow {
  fingerprint: string
  status: 'firing' | 'resolved'
  startsAt: string | null
  summary: string
}

/** The stored settings as JSON text, or null when never changed. */
export async function selectIntakeSettings(
  db: D1Database,
): Promise<{ settings: string; updatedAt: string } | null> {
  const row = await db
    .prepare('SELECT settings, updated_at FROM intake_settings WHERE id = 1')
    .first<{ settings: string; updated_at: string }>()
  return row ? { settings: row.settings, updatedAt: row.updated_at } : null
}

export function upsertIntakeSettings(
  db: D1Database,
  settings: unknown,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO intake_settings (id, settings, updated_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
    )
    .bind(JSON.stringify(settings), at)
}

export async function selectIntakeGroup(
  db: D1Database,
  groupKey: string,
): Promise<IntakeGroupRow | null> {
  const row = await db
    .prepare(
      'SELECT group_key, incident_id, last_notified_at, version FROM intake_groups WHERE group_key = ?',
    )
    .bind(groupKey)
    .first<{
      group_key: string
      incident_id: string
      last_notified_at: string | null
      version: number
    }>()
  return row
    ? {
        groupKey: row.group_key,
        incidentId: row.incident_id,
        lastNotifiedAt: row.last_notified_at,
        version: row.version,
      }
    : null
}

/**
 * Points a group at its incident. Guarded by the version the writer read (0: no row yet): if
 * another delivery of the group wrote first, `version` would be NULL, the NOT NULL constraint
 * fails and the writer's whole batch is rolled back, to be tried again on fresh state.
 */
export function writeIntakeGroup(
  db: D1Database,
  group: Omit<IntakeGroupRow, 'version'>,
  readVersion: number,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO intake_groups (group_key, incident_id, last_notified_at, version, updated_at)
       VALUES (?1, ?2, ?3,
         (SELECT ?4 + 1 WHERE COALESCE((SELECT version FROM intake_groups WHERE group_key = ?1), 0) = ?4),
         ?5)
       ON CONFLICT (group_key) DO UPDATE SET incident_id = excluded.incident_id,
         last_notified_at = excluded.last_notified_at, version = excluded.version,
         updated_at = excluded.updated_at`,
    )
    .bind(group.groupKey, group.incidentId, group.lastNotifiedAt, readVersion, at)
}

/**
 * Counts a publication as the intake's notification of the groups that feed the incident, so
 * that flapping right after publishing a draft does not notify again within the interval.
 */
export function markGroupsNotified(
  db: D1Database,
  incidentId: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare('UPDATE intake_groups SET last_notified_at = ? WHERE incident_id = ?')
    .bind(at, incidentId)
}

/** True when a batch failed because another delivery of the same group wrote first. */
export function isIntakeRace(error: unknown): boolean {
  return String(error).includes('NOT NULL constraint failed: intake_groups.version')
}

export async function selectIntakeAlerts(
  db: D1Database,
  incidentId: string,
): Promise<IntakeAlertRow[]> {
  const { results } = await db
    .prepare(
      'SELECT fingerprint, status, starts_at, summary FROM intake_alerts WHERE incident_id = ?',
    )
    .bind(incidentId)
    .all<{
      fingerprint: string
      status: 'firing' | 'resolved'
      starts_at: string | null
      summary: string
    }>()
  return results.map((r) => ({
    fingerprint: r.fingerprint,
    status: r.status,
    startsAt: r.starts_at,
    summary: r.summary,
  }))
}

export function upsertIntakeAlert(
  db: D1Database,
  incidentId: string,
  alert: IntakeAlertRow,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO intake_alerts (incident_id, fingerprint, status, starts_at, summary, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (incident_id, fingerprint) DO UPDATE SET status = excluded.status,
         starts_at = excluded.starts_at, summary = excluded.summary, updated_at = excluded.updated_at`,
    )
    .bind(incidentId, alert.fingerprint, alert.status, alert.startsAt, alert.summary, at)
}

/** Records which of the group's updates the flapping limit held back (null: none). */
export function setHeldUpdate(
  db: D1Database,
  groupKey: string,
  updateId: string | null,
): D1PreparedStatement {
  return db
    .prepare('UPDATE intake_groups SET held_update_id = ? WHERE group_key = ?')
    .bind(updateId, groupKey)
}

/** Groups with an update held back, and when they last notified. */
export async function selectHeldGroups(
  db: D1Database,
): Promise<
  { groupKey: string; incidentId: string; heldUpdateId: string; lastNotifiedAt: string | null }[]
> {
  const { results } = await db
    .prepare(
      `SELECT group_key, incident_id, held_update_id, last_notified_at FROM intake_groups
       WHERE held_update_id IS NOT NULL LIMIT 200`,
    )
    .all<{
      group_key: string
      incident_id: string
      held_update_id: string
      last_notified_at: string | null
    }>()
  return results.map((r) => ({
    groupKey: r.group_key,
    incidentId: r.incident_id,
    heldUpdateId: r.held_update_id,
    lastNotifiedAt: r.last_notified_at,
  }))
}

/** Marks a held update as told (or superseded), if it is still the one held. */
export function releaseHeldUpdate(
  db: D1Database,
  groupKey: string,
  updateId: string,
  notifiedAt: string | null,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE intake_groups SET held_update_id = NULL,
         last_notified_at = COALESCE(?3, last_notified_at)
       WHERE group_key = ?1 AND held_update_id = ?2`,
    )
    .bind(groupKey, updateId, notifiedAt)
}
