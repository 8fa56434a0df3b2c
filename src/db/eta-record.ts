/** Per-incident ETA facts of the incidents created since a time (kind incident only). */
export interface EtaRecordRow {
  id: string
  created_at: string
  resolved_at: string | null
  first_eta: string | null
  last_eta: string | null
}

/** One promise of a next update and when the first update answering it was posted. */
export interface PromiseRow {
  incident_id: string
  promise: string
  answered_at: string | null
}

/**
 * The facts behind the ETA record (incidents recorded after they happened promised nothing and
 * are left out), in two queries: each incident's first and last ETA (an
 * estimate withdrawn is skipped), and each distinct next-update promise with its answer — the
 * first update whose `promised_by` is that promise.
 */
export async function selectEtaRecordRows(
  db: D1Database,
  since: string,
): Promise<{ incidents: EtaRecordRow[]; promises: PromiseRow[] }> {
  const [incidents, promises] = await db.batch<unknown>([
    db
      .prepare(
        `SELECT i.id, i.created_at, i.resolved_at,
           (SELECT e.eta FROM eta_changes e WHERE e.incident_id = i.id AND e.eta IS NOT NULL
             ORDER BY e.id LIMIT 1) AS first_eta,
           (SELECT e.eta FROM eta_changes e WHERE e.incident_id = i.id AND e.eta IS NOT NULL
             ORDER BY e.id DESC LIMIT 1) AS last_eta
         FROM incidents i WHERE i.kind = 'incident' AND i.draft = 0 AND i.backfilled = 0
           AND i.created_at >= ?
         ORDER BY i.created_at`,
      )
      .bind(since),
    db
      .prepare(
        `SELECT p.incident_id, p.promise,
           (SELECT MIN(a.created_at) FROM incident_updates a
             WHERE a.incident_id = p.incident_id AND a.promised_by = p.promise) AS answered_at
         FROM (SELECT DISTINCT u.incident_id, u.next_update_at AS promise
               FROM incident_updates u JOIN incidents i ON i.id = u.incident_id
               WHERE i.kind = 'incident' AND i.draft = 0 AND i.backfilled = 0
                 AND i.created_at >= ? AND u.next_update_at IS NOT NULL) p
         ORDER BY p.incident_id, p.promise`,
      )
      .bind(since),
  ])
  return {
    incidents: incidents!.results as EtaRecordRow[],
    promises: promises!.results as PromiseRow[],
  }
}
