/** Who hears about an event: the matching rule in SQL, one keyset page at a time. */

/**
 * What an event touches. `areas: 'all'` is an incident without areas; `'none'` is no area.
 * `incidentId`: the incident or maintenance it is about (null for a component's own change).
 */
export interface EventReach {
  componentIds: string[]
  areas: string[] | 'all' | 'none'
  incidentId: string | null
}

/**
 * The matching rule: active, and following everything, one of the event's components, one of
 * its areas (any area when it concerns every area), or its incident. Parameters ?1–?4:
 * `reachParams`.
 */
const MATCHES = `s.status = 'active'
  AND (s.everything = 1
    OR EXISTS (SELECT 1 FROM subscriber_components sc
               WHERE sc.subscriber_id = s.id
                 AND sc.component_id IN (SELECT value FROM json_each(?1)))
    OR (?2 = 'all' AND EXISTS (SELECT 1 FROM subscriber_areas sa WHERE sa.subscriber_id = s.id))
    OR (?2 = 'some' AND EXISTS (SELECT 1 FROM subscriber_areas sa
               WHERE sa.subscriber_id = s.id
                 AND sa.area_id IN (SELECT value FROM json_each(?3))))
    OR (?4 IS NOT NULL AND EXISTS (SELECT 1 FROM subscriber_incidents si
               WHERE si.subscriber_id = s.id AND si.incident_id = ?4)))`

function reachParams(reach: EventReach): [string, string, string, string | null] {
  const areaMode = Array.isArray(reach.areas) ? 'some' : reach.areas
  const areaIds = Array.isArray(reach.areas) ? reach.areas : []
  return [JSON.stringify(reach.componentIds), areaMode, JSON.stringify(areaIds), reach.incidentId]
}

/**
 * Active subscribers the event reaches, ordered by id, after `afterId`: those following
 * everything, one of its components, one of its areas (any area when the event concerns every
 * area), or its incident.
 */
export async function selectMatchingSubscriberIds(
  db: D1Database,
  reach: EventReach,
  afterId: string,
  limit: number,
): Promise<string[]> {
  const { results } = await db
    .prepare(`SELECT s.id FROM subscribers s WHERE ${MATCHES} AND s.id > ?5 ORDER BY s.id LIMIT ?6`)
    .bind(...reachParams(reach), afterId, limit)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/**
 * How many active subscribers the event reaches: the same rule as
 * `selectMatchingSubscriberIds`, counted (a preview of a fan-out).
 */
export async function countMatchingSubscribers(db: D1Database, reach: EventReach): Promise<number> {
  const row = await db
    .prepare(`SELECT COUNT(*) AS n FROM subscribers s WHERE ${MATCHES}`)
    .bind(...reachParams(reach))
    .first<{ n: number }>()
  return row?.n ?? 0
}

/** The webhook a `webhook.verify` event is for, while it still waits for its receiver. */
export async function selectVerifyingSubscriberIds(
  db: D1Database,
  subscriberId: string,
  afterId: string,
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM subscribers
       WHERE id = ? AND id > ? AND kind = 'webhook' AND status = 'pending' AND verification = 'pending'`,
    )
    .bind(subscriberId, afterId)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}
