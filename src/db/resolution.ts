import type { ResolutionChoice } from '../domain/types'

/** What an incident link token is for: one answer, or ops' one-click reopen. */
export type IncidentLinkPurpose = ResolutionChoice | 'reopen'

export interface IncidentLinkTokenRow {
  purpose: IncidentLinkPurpose
  incidentId: string
  subscriberId: string | null
  expiresAt: string
  usedAt: string | null
}

/** Stores one incident link token (its hash). */
export function insertIncidentLinkToken(
  db: D1Database,
  token: {
    tokenHash: string
    purpose: IncidentLinkPurpose
    incidentId: string
    subscriberId: string | null
  },
  createdAt: string,
  expiresAt: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO incident_link_tokens (token_hash, purpose, incident_id, subscriber_id,
         created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      token.tokenHash,
      token.purpose,
      token.incidentId,
      token.subscriberId,
      createdAt,
      expiresAt,
    )
}

/** Stores many answer tokens in one statement: [hash, purpose, incident id, subscriber id]. */
export function insertIncidentLinkTokens(
  db: D1Database,
  tokens: [string, IncidentLinkPurpose, string, string][],
  createdAt: string,
  expiresAt: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO incident_link_tokens (token_hash, purpose, incident_id, subscriber_id,
         created_at, expires_at)
       SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'),
         json_extract(value, '$[2]'), json_extract(value, '$[3]'), ?, ?
       FROM json_each(?)`,
    )
    .bind(createdAt, expiresAt, JSON.stringify(tokens))
}

export async function selectIncidentLinkToken(
  db: D1Database,
  tokenHash: string,
): Promise<IncidentLinkTokenRow | null> {
  const row = await db
    .prepare(
      `SELECT purpose, incident_id, subscriber_id, expires_at, used_at
       FROM incident_link_tokens WHERE token_hash = ?`,
    )
    .bind(tokenHash)
    .first<{
      purpose: IncidentLinkPurpose
      incident_id: string
      subscriber_id: string | null
      expires_at: string
      used_at: string | null
    }>()
  return row
    ? {
        purpose: row.purpose,
        incidentId: row.incident_id,
        subscriberId: row.subscriber_id,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
      }
    : null
}

export function markIncidentLinkTokenUsed(
  db: D1Database,
  tokenHash: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare('UPDATE incident_link_tokens SET used_at = ? WHERE token_hash = ?')
    .bind(at, tokenHash)
}

/**
 * Records a voter's answer, or changes the one they gave before (one per voter and incident).
 * Giving the same answer again changes no row — unless the answer predates the incident's
 * latest resolution, when it is renewed so that it counts for the current one.
 */
export function upsertResolutionVote(
  db: D1Database,
  vote: {
    incidentId: string
    voterKey: string
    subscriberId: string | null
    choice: ResolutionChoice
    areaId: string | null
  },
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO resolution_votes (incident_id, voter_key, subscriber_id, choice, area_id,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (incident_id, voter_key) DO UPDATE SET choice = excluded.choice,
         area_id = excluded.area_id, updated_at = excluded.updated_at
       WHERE choice IS NOT excluded.choice OR area_id IS NOT excluded.area_id
         OR updated_at < (SELECT resolved_at FROM incidents WHERE id = excluded.incident_id)`,
    )
    .bind(vote.incidentId, vote.voterKey, vote.subscriberId, vote.choice, vote.areaId, at, at)
}

/** Records "I'm affected" unless this voter already reported it for this incident. */
export function insertAffectedReport(
  db: D1Database,
  report: { incidentId: string; voterKey: string; areaId: string | null },
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO affected_reports (incident_id, voter_key, area_id, created_at)
       VALUES (?, ?, ?, ?)`,
    )
    .bind(report.incidentId, report.voterKey, report.areaId, at)
}

/** A resolved incident with at least one "still broken" answer since it was resolved. */
export interface DisputeCandidate {
  incidentId: string
  name: string
  resolvedAt: string
  fixed: number
  stillBroken: number
}

/** Resolved incidents with "still broken" answers given since their resolution, with counts. */
export async function selectDisputeCandidates(db: D1Database): Promise<DisputeCandidate[]> {
  const { results } = await db
    .prepare(
      `SELECT i.id, i.name, i.resolved_at, SUM(v.choice = 'fixed') AS fixed,
         SUM(v.choice = 'still_broken') AS still_broken
       FROM incidents i JOIN resolution_votes v ON v.incident_id = i.id
       WHERE i.kind = 'incident' AND i.resolved_at IS NOT NULL AND v.updated_at >= i.resolved_at
       GROUP BY i.id HAVING SUM(v.choice = 'still_broken') > 0
       ORDER BY i.resolved_at DESC`,
    )
    .all<{ id: string; name: string; resolved_at: string; fixed: number; still_broken: number }>()
  return results.map((r) => ({
    incidentId: r.id,
    name: r.name,
    resolvedAt: r.resolved_at,
    fixed: r.fixed,
    stillBroken: r.still_broken,
  }))
}
