import { toOutboxEvent, type OutboxDbRow, type OutboxEvent } from './outbox'

/** An outbox row as the fan-out consumer reads it. */
export interface OutboxRow extends OutboxEvent {
  /** The built message (JSON), once the first fan-out stored it. */
  message: string | null
}

/** One outbox row, or null. */
export async function selectOutboxRow(db: D1Database, id: string): Promise<OutboxRow | null> {
  const row = await db
    .prepare('SELECT * FROM outbox WHERE id = ?')
    .bind(id)
    .first<OutboxDbRow & { message: string | null }>()
  if (!row) return null
  return {
    ...toOutboxEvent(row),
    message: row.message,
  }
}

/** Stores the built message unless one is already stored (the first build wins). */
export function storeOutboxMessage(
  db: D1Database,
  id: string,
  message: string,
): D1PreparedStatement {
  return db
    .prepare('UPDATE outbox SET message = ? WHERE id = ? AND message IS NULL')
    .bind(message, id)
}

/** The stored messages of these events, by event id. */
export async function selectOutboxMessages(
  db: D1Database,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const { results } = await db
    .prepare(
      `SELECT id, message FROM outbox
       WHERE id IN (SELECT value FROM json_each(?)) AND message IS NOT NULL`,
    )
    .bind(JSON.stringify(ids))
    .all<{ id: string; message: string }>()
  return new Map(results.map((r) => [r.id, r.message]))
}

/** Marks an event as fanned out: every matching subscriber has its delivery. */
export function markOutboxDispatched(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db
    .prepare('UPDATE outbox SET dispatched_at = ? WHERE id = ? AND dispatched_at IS NULL')
    .bind(at, id)
}
