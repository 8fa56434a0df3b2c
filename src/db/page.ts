import type { PageSettings } from '../domain/types'

interface PageRow {
  page_id: string
  name: string | null
  time_zone: string
  created_at: string
  updated_at: string
}

export async function selectPage(db: D1Database): Promise<PageSettings | null> {
  const row = await db.prepare('SELECT * FROM page_settings WHERE id = 1').first<PageRow>()
  return row
    ? {
        pageId: row.page_id,
        name: row.name,
        timeZone: row.time_zone,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }
    : null
}

/** Creates the single page row if it does not exist yet (first run). */
export function insertPageIfMissing(db: D1Database, page: PageSettings): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO page_settings (id, page_id, name, time_zone, created_at, updated_at)
       VALUES (1, ?, ?, ?, ?, ?)`,
    )
    .bind(page.pageId, page.name, page.timeZone, page.createdAt, page.updatedAt)
}

export function updatePageRow(
  db: D1Database,
  name: string | null,
  timeZone: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare('UPDATE page_settings SET name = ?, time_zone = ?, updated_at = ? WHERE id = 1')
    .bind(name, timeZone, at)
}
