import { attachCounts, countStatements } from './resolution-counts'
import { toIncident, toUpdate, type IncidentRow, type UpdateRow } from './incident-rows'
import type { Area, ComponentStatus, EtaChange, Incident, IncidentUpdate } from '../domain/types'

/** Writes a new incident or maintenance row (its parts are written by the other builders). */
export function insertIncident(db: D1Database, i: Incident): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO incidents (id, kind, name, status, impact, created_at, updated_at, started_at,
         monitoring_at, resolved_at, eta, next_update_at, progress, workaround, scheduled_for,
         scheduled_until, remind_before_minutes, auto_start, auto_complete, expected_start, live_at,
         cancelled_at, draft)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      i.id,
      i.kind,
      i.name,
      i.status,
      i.impact,
      i.createdAt,
      i.updatedAt,
      i.startedAt,
      i.monitoringAt,
      i.resolvedAt,
      i.eta,
      i.nextUpdateAt,
      i.progress,
      i.workaround,
      i.scheduledFor,
      i.scheduledUntil,
      i.remindBeforeMinutes,
      i.autoStart ? 1 : 0,
      i.autoComplete ? 1 : 0,
      i.expectedStart,
      i.liveAt,
      i.cancelledAt,
      i.isDraft ? 1 : 0,
    )
}

/** Marks an incident as recorded after it happened (see migration 0020). */
export function markBackfilled(db: D1Database, id: string): D1PreparedStatement {
  return db.prepare('UPDATE incidents SET backfilled = 1 WHERE id = ?').bind(id)
}

/** Stores the Statuspage-only fields of an incident (see migration 0022). */
export function setStatuspageFieldsRow(
  db: D1Database,
  id: string,
  fields: Record<string, unknown>,
): D1PreparedStatement {
  return db
    .prepare('UPDATE incidents SET statuspage_fields = ? WHERE id = ?')
    .bind(JSON.stringify(fields), id)
}

/**
 * Publishes a draft. Guarded like `updateIncidentRow`: if the incident changed since it was
 * read, or is no longer a draft, `updated_at` would become NULL, the NOT NULL constraint fails
 * and the whole batch (its events, its component changes) is rolled back.
 */
export function publishDraftRow(
  db: D1Database,
  id: string,
  expectedUpdatedAt: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE incidents SET draft = 0,
         updated_at = CASE WHEN updated_at = ? AND draft = 1 THEN ? END
       WHERE id = ?`,
    )
    .bind(expectedUpdatedAt, at, id)
}

/**
 * Rewrites the incident's own columns. Guarded by `expectedUpdatedAt` so that two updates
 * racing on the same incident cannot both apply: the loser's batch changes nothing.
 */
export function updateIncidentRow(
  db: D1Database,
  i: Incident,
  expectedUpdatedAt: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE incidents SET name = ?, status = ?, impact = ?, updated_at = ?, started_at = ?,
         monitoring_at = ?, resolved_at = ?, eta = ?, next_update_at = ?, progress = ?,
         workaround = ?, scheduled_for = ?, scheduled_until = ?, remind_before_minutes = ?,
         auto_start = ?, auto_complete = ?, expected_start = ?, live_at = ?, cancelled_at = ?
       WHERE id = ? AND updated_at = ?`,
    )
    .bind(
      i.name,
      i.status,
      i.impact,
      i.updatedAt,
      i.startedAt,
      i.monitoringAt,
      i.resolvedAt,
      i.eta,
      i.nextUpdateAt,
      i.progress,
      i.workaround,
      i.scheduledFor,
      i.scheduledUntil,
      i.remindBeforeMinutes,
      i.autoStart ? 1 : 0,
      i.autoComplete ? 1 : 0,
      i.expectedStart,
      i.liveAt,
      i.cancelledAt,
      i.id,
      expectedUpdatedAt,
    )
}

/**
 * Inserts an update. Its incident_id is looked up with the incident's new `updated_at` and the
 * number of updates the planner saw (`priorUpdates`), so if another update landed since the
 * incident was read the lookup is NULL, the NOT NULL constraint fails and D1 rolls the whole
 * batch back: a lost race writes nothing. The count matters because two updates planned in the
 * same millisecond carry the same `updated_at`.
 */
export function insertUpdate(
  db: D1Database,
  u: IncidentUpdate,
  actor: string,
  priorUpdates: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO incident_updates (id, incident_id, status, body, created_at, updated_at, display_at,
         eta, next_update_at, promised_by, progress, next_steps, workaround, affected_components,
         deliver_notifications, actor)
       VALUES (?, (SELECT id FROM incidents WHERE id = ? AND updated_at = ?
           AND (SELECT COUNT(*) FROM incident_updates WHERE incident_id = ?) = ?),
         ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      u.id,
      u.incidentId,
      u.createdAt,
      u.incidentId,
      priorUpdates,
      u.status,
      u.body,
      u.createdAt,
      u.updatedAt,
      u.displayAt,
      u.eta,
      u.nextUpdateAt,
      u.promisedBy,
      u.progress,
      u.nextSteps,
      u.workaround,
      JSON.stringify(u.affectedComponents),
      u.deliverNotifications ? 1 : 0,
      actor,
    )
}

export function insertEtaChange(
  db: D1Database,
  incidentId: string,
  change: EtaChange,
): D1PreparedStatement {
  return db
    .prepare('INSERT INTO eta_changes (incident_id, update_id, eta, set_at) VALUES (?, ?, ?, ?)')
    .bind(incidentId, change.updateId, change.eta, change.setAt)
}

export function upsertIncidentComponent(
  db: D1Database,
  incidentId: string,
  componentId: string,
  status: ComponentStatus,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO incident_components (incident_id, component_id, status) VALUES (?, ?, ?)
       ON CONFLICT (incident_id, component_id) DO UPDATE SET status = excluded.status`,
    )
    .bind(incidentId, componentId, status)
}

export function insertIncidentArea(
  db: D1Database,
  incidentId: string,
  areaId: string,
): D1PreparedStatement {
  return db
    .prepare('INSERT OR IGNORE INTO incident_areas (incident_id, area_id) VALUES (?, ?)')
    .bind(incidentId, areaId)
}

/**
 * Loads incidents with their updates, ETA history, components, areas and customers' answers,
 * in `ids` order.
 */
export async function selectIncidentsByIds(db: D1Database, ids: string[]): Promise<Incident[]> {
  if (ids.length === 0) return []
  const idList = JSON.stringify(ids)
  const inList = 'IN (SELECT value FROM json_each(?))'
  const [incidents, updates, etas, components, areas, ...counts] = await db.batch<unknown>([
    db.prepare(`SELECT * FROM incidents WHERE id ${inList}`).bind(idList),
    db
      .prepare(
        `SELECT * FROM incident_updates WHERE incident_id ${inList}
         ORDER BY display_at DESC, created_at DESC`,
      )
      .bind(idList),
    db
      .prepare(
        `SELECT incident_id, update_id, eta, set_at FROM eta_changes WHERE incident_id ${inList} ORDER BY id`,
      )
      .bind(idList),
    db
      .prepare(
        `SELECT ic.incident_id, ic.component_id, ic.status FROM incident_components ic
         JOIN components c ON c.id = ic.component_id
         WHERE ic.incident_id ${inList} ORDER BY c.position`,
      )
      .bind(idList),
    db
      .prepare(
        `SELECT ia.incident_id, a.id, a.name, a.created_at FROM incident_areas ia
         JOIN areas a ON a.id = ia.area_id WHERE ia.incident_id ${inList} ORDER BY a.name`,
      )
      .bind(idList),
    ...countStatements(db, idList),
  ])
  const byId = new Map<string, Incident>()
  for (const row of incidents!.results as IncidentRow[]) byId.set(row.id, toIncident(row))
  for (const row of updates!.results as UpdateRow[])
    byId.get(row.incident_id)?.updates.push(toUpdate(row))
  for (const row of etas!.results as {
    incident_id: string
    update_id: string
    eta: string | null
    set_at: string
  }[]) {
    byId
      .get(row.incident_id)
      ?.etaHistory.push({ eta: row.eta, setAt: row.set_at, updateId: row.update_id })
  }
  for (const row of components!.results as {
    incident_id: string
    component_id: string
    status: ComponentStatus
  }[]) {
    byId
      .get(row.incident_id)
      ?.componentStatuses.push({ componentId: row.component_id, status: row.status })
  }
  for (const row of areas!.results as ({ incident_id: string } & {
    id: string
    name: string
    created_at: string
  })[]) {
    const area: Area = { id: row.id, name: row.name, createdAt: row.created_at }
    byId.get(row.incident_id)?.areas.push(area)
  }
  attachCounts(byId, counts)
  return ids.map((id) => byId.get(id)).filter((i): i is Incident => i !== undefined)
}

export async function selectIncident(db: D1Database, id: string): Promise<Incident | null> {
  const [incident] = await selectIncidentsByIds(db, [id])
  return incident ?? null
}
