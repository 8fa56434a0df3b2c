import type { Template, TemplateKind } from '../domain/templates'
import type { ComponentStatus, Impact } from '../domain/types'

interface TemplateRow {
  id: string
  kind: TemplateKind
  name: string
  title: string | null
  status: string
  impact: Impact | null
  body: string
  components: string
  area_ids: string
  workaround: string | null
  created_at: string
  updated_at: string
}

function toTemplate(row: TemplateRow): Template {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    title: row.title,
    status: row.status,
    impact: row.impact,
    body: row.body,
    components: JSON.parse(row.components) as Record<string, ComponentStatus>,
    areaIds: JSON.parse(row.area_ids) as string[],
    workaround: row.workaround,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Every template, incident ones first, then by name. */
export async function selectTemplates(db: D1Database): Promise<Template[]> {
  const { results } = await db
    .prepare('SELECT * FROM templates ORDER BY kind, name COLLATE NOCASE')
    .all<TemplateRow>()
  return results.map(toTemplate)
}

export async function selectTemplate(db: D1Database, id: string): Promise<Template | null> {
  const row = await db.prepare('SELECT * FROM templates WHERE id = ?').bind(id).first<TemplateRow>()
  return row ? toTemplate(row) : null
}

export async function selectTemplateByName(db: D1Database, name: string): Promise<Template | null> {
  const row = await db
    .prepare('SELECT * FROM templates WHERE name = ? COLLATE NOCASE')
    .bind(name)
    .first<TemplateRow>()
  return row ? toTemplate(row) : null
}

export function insertTemplate(db: D1Database, t: Template): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO templates (id, kind, name, title, status, impact, body, components, area_ids,
         workaround, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      t.id,
      t.kind,
      t.name,
      t.title,
      t.status,
      t.impact,
      t.body,
      JSON.stringify(t.components),
      JSON.stringify(t.areaIds),
      t.workaround,
      t.createdAt,
      t.updatedAt,
    )
}

export function updateTemplateRow(db: D1Database, t: Template): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE templates SET kind = ?, name = ?, title = ?, status = ?, impact = ?, body = ?,
         components = ?, area_ids = ?, workaround = ?, updated_at = ? WHERE id = ?`,
    )
    .bind(
      t.kind,
      t.name,
      t.title,
      t.status,
      t.impact,
      t.body,
      JSON.stringify(t.components),
      JSON.stringify(t.areaIds),
      t.workaround,
      t.updatedAt,
      t.id,
    )
}

export function deleteTemplateRow(db: D1Database, id: string): D1PreparedStatement {
  return db.prepare('DELETE FROM templates WHERE id = ?').bind(id)
}
