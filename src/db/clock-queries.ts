/** What the clock looks for each minute. Times are ISO strings, compared as text. */

/**
 * Open, published incidents and maintenances whose promised update is late or whose ETA has
 * passed (a draft is no promise to anyone yet).
 */
export async function selectIdsOverdueOrPastEta(db: D1Database, now: string): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM incidents
       WHERE resolved_at IS NULL AND draft = 0
         AND status NOT IN ('resolved', 'postmortem', 'completed')
         AND ((next_update_at IS NOT NULL AND next_update_at < ?1) OR (eta IS NOT NULL AND eta < ?1))
       ORDER BY id LIMIT 500`,
    )
    .bind(now)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/** Maintenance to start by itself: scheduled, `auto_start`, its start time reached. */
export async function selectMaintenanceToStart(db: D1Database, now: string): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM incidents
       WHERE kind = 'maintenance' AND status = 'scheduled' AND auto_start = 1 AND scheduled_for <= ?
       ORDER BY scheduled_for LIMIT 100`,
    )
    .bind(now)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/** Maintenance to complete by itself: under way, `auto_complete`, its end time reached. */
export async function selectMaintenanceToComplete(db: D1Database, now: string): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM incidents
       WHERE kind = 'maintenance' AND status IN ('in_progress', 'verifying') AND auto_complete = 1
         AND scheduled_until <= ?
       ORDER BY scheduled_until LIMIT 100`,
    )
    .bind(now)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/** Scheduled maintenance that asked for a reminder and has not started yet. */
export async function selectMaintenanceWithReminders(
  db: D1Database,
  now: string,
): Promise<{ id: string; scheduledFor: string; remindBeforeMinutes: number }[]> {
  const { results } = await db
    .prepare(
      `SELECT id, scheduled_for, remind_before_minutes FROM incidents
       WHERE kind = 'maintenance' AND status = 'scheduled' AND remind_before_minutes IS NOT NULL
         AND scheduled_for > ?
       ORDER BY scheduled_for LIMIT 500`,
    )
    .bind(now)
    .all<{ id: string; scheduled_for: string; remind_before_minutes: number }>()
  return results.map((r) => ({
    id: r.id,
    scheduledFor: r.scheduled_for,
    remindBeforeMinutes: r.remind_before_minutes,
  }))
}

/**
 * Records an event the clock announces, once: its id is derived from what it announces, so a
 * second cron run seeing the same thing inserts nothing (check `meta.changes`).
 */
export function insertClockEvent(
  db: D1Database,
  e: {
    id: string
    eventType: string
    incidentId: string
    /** The update the event tells of; none for a reminder. */
    updateId?: string
    payload: Record<string, unknown>
  },
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO outbox (id, event_type, incident_id, update_id, component_id, payload, created_at)
       VALUES (?, ?, ?, ?, NULL, ?, ?)`,
    )
    .bind(e.id, e.eventType, e.incidentId, e.updateId ?? null, JSON.stringify(e.payload), at)
}
