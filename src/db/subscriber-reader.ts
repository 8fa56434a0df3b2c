/** A subscriber's own time zone and language (migration 0025): null columns mean the page's. */

/** Sets both; with `whenStatus`, only while the subscriber has that status. */
export function updateSubscriberReader(
  db: D1Database,
  id: string,
  reader: { timeZone: string | null; language: string | null },
  at: string,
  whenStatus?: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE subscribers SET time_zone = ?1, language = ?2, updated_at = ?3
       WHERE id = ?4 AND (?5 IS NULL OR status = ?5)`,
    )
    .bind(reader.timeZone, reader.language, at, id, whenStatus ?? null)
}
