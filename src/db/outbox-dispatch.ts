/** Outbox rows to (re)send to the EVENTS queue: never sent, or sent but not fanned out in time. */
export async function selectUndispatchedOutboxIds(
  db: D1Database,
  staleBefore: string,
  limit: number,
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM outbox
       WHERE dispatched_at IS NULL AND (enqueued_at IS NULL OR enqueued_at < ?)
       ORDER BY created_at LIMIT ?`,
    )
    .bind(staleBefore, limit)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

export function markOutboxEnqueued(db: D1Database, ids: string[], at: string): D1PreparedStatement {
  return db
    .prepare('UPDATE outbox SET enqueued_at = ? WHERE id IN (SELECT value FROM json_each(?))')
    .bind(at, JSON.stringify(ids))
}
