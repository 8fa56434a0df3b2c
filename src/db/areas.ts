import type { Area } from '../domain/types'

interface AreaRow {
  id: string
  name: string
  created_at: string
}

function toArea(row: AreaRow): Area {
  return { id: row.id, name: row.name, createdAt: row.created_at }
}

export async function selectAreas(db: D1Database): Promise<Area[]> {
  const { results } = await db
    .prepare('SELECT * FROM areas ORDER BY name COLLATE NOCASE')
    .all<AreaRow>()
  return results.map(toArea)
}

export async function selectAreaByName(db: D1Database, name: string): Promise<Area | null> {
  const row = await db
    .prepare('SELECT * FROM areas WHERE name = ? COLLATE NOCASE')
    .bind(name)
    .first<AreaRow>()
  return row ? toArea(row) : null
}

export async function selectArea(db: D1Database, id: string): Promise<Area | null> {
  const row = await db.prepare('SELECT * FROM areas WHERE id = ?').bind(id).first<AreaRow>()
  return row ? toArea(row) : null
}

export function insertArea(db: D1Database, area: Area): D1PreparedStatement {
  return db
    .prepare('INSERT INTO areas (id, name, created_at) VALUES (?, ?, ?)')
    .bind(area.id, area.name, area.createdAt)
}

export function updateAreaName(db: D1Database, id: string, name: string): D1PreparedStatement {
  return db.prepare('UPDATE areas SET name = ? WHERE id = ?').bind(name, id)
}

export function deleteAreaRow(db: D1Database, id: string): D1PreparedStatement[] {
  return [
    db.prepare('DELETE FROM incident_areas WHERE area_id = ?').bind(id),
    db.prepare('DELETE FROM areas WHERE id = ?').bind(id),
  ]
}
