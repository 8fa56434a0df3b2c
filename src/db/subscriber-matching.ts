/** Who hears about an event: the matching rule in SQL, one keyset page at a time. */

/** What an event touches. `areas: 'all'` is an incident without areas; `'none'` is no area. */
export interface EventReach {
  componentIds: string[]
  areas: string[] | 'all' | 'none'
}

/**
 * Active subscribers the event reaches, ordered by id, after `afterId`: those following
 * everything, those following one of its components, and those following one of its areas
 * (any area when the event concerns every area).
 */
export async function selectMatchingSubscriberIds(
  db: D1Database,
  reach: EventReach,
  afterId: string,
  limit: number,
): Promise<string[]> {
  const areaMode = Array.isArray(reach.areas) ? 'some' : reach.areas
  const areaIds = Array.isArray(reach.areas) ? reach.areas : []
  const { results } = await db
    .prepare(
      `SELECT s.id FROM subscribers s
       WHERE s.status = 'active' AND s.id > ?1
         AND (s.everything = 1
           OR EXISTS (SELECT 1 FROM subscriber_components sc
                      WHERE sc.subscriber_id = s.id
                        AND sc.component_id IN (SELECT value FROM json_each(?2)))
           OR (?3 = 'all' AND EXISTS (SELECT 1 FROM subscriber_areas sa WHERE sa.subscriber_id = s.id))
           OR (?3 = 'some' AND EXISTS (SELECT 1 FROM subscriber_areas sa
                      WHERE sa.subscriber_id = s.id
                        AND sa.area_id IN (SELECT value FROM json_each(?4)))))
       ORDER BY s.id LIMIT ?5`,
    )
    .bind(afterId, JSON.stringify(reach.componentIds), areaMode, JSON.stringify(areaIds), limit)
    .all<{ id: string }>()
  return results.map((r) => r.id)
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
