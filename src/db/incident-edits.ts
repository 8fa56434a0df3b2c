/**
 * Removing an incident and correcting a posted update. The incident's updates, ETA history,
 * components, areas, votes, link tokens and alerts go with it (their foreign keys cascade);
 * outbox rows not yet handed on are dropped so nobody is told of an incident that is gone.
 * Component status history stays: it is what the components went through.
 */
export function deleteIncidentRows(db: D1Database, id: string): D1PreparedStatement[] {
  return [
    db.prepare('DELETE FROM outbox WHERE incident_id = ? AND dispatched_at IS NULL').bind(id),
    db.prepare('DELETE FROM incidents WHERE id = ?').bind(id),
  ]
}

/** Rewrites an update's text and display time; its ETA and promises are left as they were. */
export function updateUpdateText(
  db: D1Database,
  update: { id: string; incidentId: string; body: string; displayAt: string; updatedAt: string },
): D1PreparedStatement {
  return db
    .prepare(
      'UPDATE incident_updates SET body = ?, display_at = ?, updated_at = ? WHERE id = ? AND incident_id = ?',
    )
    .bind(update.body, update.displayAt, update.updatedAt, update.id, update.incidentId)
}
