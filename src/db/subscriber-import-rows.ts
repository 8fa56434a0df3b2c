import type { SubscriberStatus } from '../domain/subscriber-types'

/**
 * Inserts many email subscribers sharing one status and consent, with their choices, in three
 * statements whatever their number (for imports).
 */
export function insertEmailSubscribers(
  db: D1Database,
  rows: { id: string; email: string; componentIds: string[]; areaIds: string[] }[],
  shared: {
    status: SubscriberStatus
    consent: string
    at: string
    confirmedAt: string | null
    confirmExpiresAt: string | null
  },
): D1PreparedStatement[] {
  const subscribers = rows.map((r) => [
    r.id,
    r.email,
    r.componentIds.length === 0 && r.areaIds.length === 0 ? 1 : 0,
  ])
  const components = rows.flatMap((r) => r.componentIds.map((c) => [r.id, c]))
  const areas = rows.flatMap((r) => r.areaIds.map((a) => [r.id, a]))
  return [
    db
      .prepare(
        `INSERT INTO subscribers (id, kind, email, format, status, everything, consent, created_at,
           updated_at, confirmed_at, confirm_expires_at)
         SELECT json_extract(value, '$[0]'), 'email', json_extract(value, '$[1]'), 'email', ?,
           json_extract(value, '$[2]'), ?, ?, ?, ?, ?
         FROM json_each(?)`,
      )
      .bind(
        shared.status,
        shared.consent,
        shared.at,
        shared.at,
        shared.confirmedAt,
        shared.confirmExpiresAt,
        JSON.stringify(subscribers),
      ),
    db
      .prepare(
        `INSERT INTO subscriber_components (subscriber_id, component_id)
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)`,
      )
      .bind(JSON.stringify(components)),
    db
      .prepare(
        `INSERT INTO subscriber_areas (subscriber_id, area_id)
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)`,
      )
      .bind(JSON.stringify(areas)),
  ]
}
