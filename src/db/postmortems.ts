import type { Postmortem, PostmortemState } from '../domain/postmortems'

interface PostmortemRow {
  incident_id: string
  state: PostmortemState
  body_draft: string
  body_draft_updated_at: string
  body: string | null
  body_updated_at: string | null
  published_at: string | null
  notify_subscribers: number
  status_before: string | null
  created_at: string
  created_by: string
  updated_at: string
  updated_by: string
}

function toPostmortem(row: PostmortemRow): Postmortem {
  return {
    incidentId: row.incident_id,
    state: row.state,
    bodyDraft: row.body_draft,
    bodyDraftUpdatedAt: row.body_draft_updated_at,
    body: row.body,
    bodyUpdatedAt: row.body_updated_at,
    publishedAt: row.published_at,
    notifySubscribers: row.notify_subscribers === 1,
    statusBefore: row.status_before,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }
}

export async function selectPostmortem(
  db: D1Database,
  incidentId: string,
): Promise<Postmortem | null> {
  const row = await db
    .prepare('SELECT * FROM postmortems WHERE incident_id = ?')
    .bind(incidentId)
    .first<PostmortemRow>()
  return row ? toPostmortem(row) : null
}

/** The published postmortems of these incidents (public incidents only: no drafts). */
export async function selectPublishedPostmortems(
  db: D1Database,
  incidentIds: string[],
): Promise<Postmortem[]> {
  if (incidentIds.length === 0) return []
  const { results } = await db
    .prepare(
      `SELECT p.* FROM postmortems p JOIN incidents i ON i.id = p.incident_id
       WHERE p.state = 'published' AND i.draft = 0
         AND p.incident_id IN (SELECT value FROM json_each(?))`,
    )
    .bind(JSON.stringify(incidentIds))
    .all<PostmortemRow>()
  return results.map(toPostmortem)
}

/** Creates the postmortem or rewrites it whole. */
export function upsertPostmortemRow(db: D1Database, p: Postmortem): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO postmortems (incident_id, state, body_draft, body_draft_updated_at, body,
         body_updated_at, published_at, notify_subscribers, status_before, created_at,
         created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (incident_id) DO UPDATE SET state = excluded.state,
         body_draft = excluded.body_draft, body_draft_updated_at = excluded.body_draft_updated_at,
         body = excluded.body, body_updated_at = excluded.body_updated_at,
         published_at = excluded.published_at, notify_subscribers = excluded.notify_subscribers,
         status_before = excluded.status_before, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    )
    .bind(
      p.incidentId,
      p.state,
      p.bodyDraft,
      p.bodyDraftUpdatedAt,
      p.body,
      p.bodyUpdatedAt,
      p.publishedAt,
      p.notifySubscribers ? 1 : 0,
      p.statusBefore,
      p.createdAt,
      p.createdBy,
      p.updatedAt,
      p.updatedBy,
    )
}

export function deletePostmortemRow(db: D1Database, incidentId: string): D1PreparedStatement {
  return db.prepare('DELETE FROM postmortems WHERE incident_id = ?').bind(incidentId)
}

/**
 * Moves the incident's status from `from` to `to` (publishing sets `postmortem`, reverting
 * restores what it was). Changes nothing when the status is no longer `from`.
 */
export function setIncidentStatusRow(
  db: D1Database,
  incidentId: string,
  from: string,
  to: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare('UPDATE incidents SET status = ?, updated_at = ? WHERE id = ? AND status = ?')
    .bind(to, at, incidentId, from)
}
