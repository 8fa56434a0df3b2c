import type { AffectedCounts, Incident, ResolutionCounts } from '../domain/types'

const IN_LIST = 'IN (SELECT value FROM json_each(?))'

/**
 * Only answers given since the incident was last resolved count: a reopened and resolved-again
 * incident starts a fresh check, and an open one has none.
 */
const CURRENT_VOTES = `FROM resolution_votes v JOIN incidents i ON i.id = v.incident_id
  WHERE v.incident_id ${IN_LIST} AND i.resolved_at IS NOT NULL AND v.updated_at >= i.resolved_at`

/**
 * The four read statements behind the counts of the incidents in `idList` (a JSON array), to
 * run in the same batch as the incidents themselves; `attachCounts` reads their results.
 */
export function countStatements(db: D1Database, idList: string): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `SELECT v.incident_id, SUM(v.choice = 'fixed') AS fixed,
           SUM(v.choice = 'still_broken') AS still_broken
         ${CURRENT_VOTES} GROUP BY v.incident_id`,
      )
      .bind(idList),
    db
      .prepare(
        `SELECT v.incident_id, a.id AS area_id, a.name, SUM(v.choice = 'fixed') AS fixed,
           SUM(v.choice = 'still_broken') AS still_broken
         FROM resolution_votes v JOIN incidents i ON i.id = v.incident_id
         JOIN areas a ON a.id = v.area_id OR (v.area_id IS NULL AND a.id IN
           (SELECT sa.area_id FROM subscriber_areas sa WHERE sa.subscriber_id = v.subscriber_id))
         WHERE v.incident_id ${IN_LIST} AND i.resolved_at IS NOT NULL
           AND v.updated_at >= i.resolved_at
         GROUP BY v.incident_id, a.id ORDER BY a.name`,
      )
      .bind(idList),
    db
      .prepare(
        `SELECT incident_id, COUNT(*) AS n FROM affected_reports
         WHERE incident_id ${IN_LIST} GROUP BY incident_id`,
      )
      .bind(idList),
    db
      .prepare(
        `SELECT r.incident_id, a.id AS area_id, a.name, COUNT(*) AS n
         FROM affected_reports r JOIN areas a ON a.id = r.area_id
         WHERE r.incident_id ${IN_LIST} GROUP BY r.incident_id, a.id ORDER BY a.name`,
      )
      .bind(idList),
  ]
}

type VoteRow = { incident_id: string; fixed: number; still_broken: number }
type VoteAreaRow = VoteRow & { area_id: string; name: string }
type ReportRow = { incident_id: string; n: number }
type ReportAreaRow = ReportRow & { area_id: string; name: string }

/** Fills each incident's resolutionCheck and affectedReports from countStatements' results. */
export function attachCounts(byId: Map<string, Incident>, results: D1Result<unknown>[]): void {
  const [votes, voteAreas, reports, reportAreas] = results
  const check = (id: string): ResolutionCounts | undefined => byId.get(id)?.resolutionCheck
  const affected = (id: string): AffectedCounts | undefined => byId.get(id)?.affectedReports
  for (const row of votes!.results as VoteRow[]) {
    const counts = check(row.incident_id)
    if (!counts) continue
    counts.fixed = row.fixed
    counts.stillBroken = row.still_broken
  }
  for (const row of voteAreas!.results as VoteAreaRow[]) {
    check(row.incident_id)?.byArea.push({
      areaId: row.area_id,
      name: row.name,
      fixed: row.fixed,
      stillBroken: row.still_broken,
    })
  }
  for (const row of reports!.results as ReportRow[]) {
    const counts = affected(row.incident_id)
    if (counts) counts.total = row.n
  }
  for (const row of reportAreas!.results as ReportAreaRow[]) {
    affected(row.incident_id)?.byArea.push({ areaId: row.area_id, name: row.name, count: row.n })
  }
}
