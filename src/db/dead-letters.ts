/** Messages that reached a dead-letter queue: one row per (queue, subject), counted up. */

export interface DeadLetter {
  queue: string
  subjectId: string
  body: string
  error: string | null
  times: number
  firstAt: string
  lastAt: string
}

/** Records that the message about `subjectId` reached `queue` (again). */
export function recordDeadLetter(
  db: D1Database,
  r: { queue: string; subjectId: string; body: unknown; error: string | null; at: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO dead_letters (queue, subject_id, body, error, times, first_at, last_at)
       VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5)
       ON CONFLICT (queue, subject_id) DO UPDATE SET times = times + 1, last_at = ?5,
         body = ?3, error = COALESCE(?4, error)`,
    )
    .bind(r.queue, r.subjectId, JSON.stringify(r.body), r.error, r.at)
}

/** Dead letters, most recent first, optionally of one queue. */
export async function selectDeadLetters(
  db: D1Database,
  options: { queue: string | null; limit: number },
): Promise<DeadLetter[]> {
  const { results } = await db
    .prepare(
      `SELECT queue, subject_id, body, error, times, first_at, last_at FROM dead_letters
       WHERE ?1 IS NULL OR queue = ?1
       ORDER BY last_at DESC, queue, subject_id LIMIT ?2`,
    )
    .bind(options.queue, options.limit)
    .all<{
      queue: string
      subject_id: string
      body: string
      error: string | null
      times: number
      first_at: string
      last_at: string
    }>()
  return results.map((r) => ({
    queue: r.queue,
    subjectId: r.subject_id,
    body: r.body,
    error: r.error,
    times: r.times,
    firstAt: r.first_at,
    lastAt: r.last_at,
  }))
}
