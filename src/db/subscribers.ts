import { isLanguage } from '../i18n/languages'
import { STATE_OF_STATUS } from './subscriber-states'
import type {
  Subscriber,
  SubscriberKind,
  SubscriberStatus,
  SubscriptionChoices,
} from '../domain/subscriber-types'

/**
 * A subscriber's status as the API shows it: a stored `pending` whose receiver is being
 * verified reads `pending_verification` (migration 0012).
 */
export const SHOWN_STATUS = `CASE WHEN status = 'pending' AND verification = 'pending'
  THEN 'pending_verification' ELSE status END`

interface SubscriberRow {
  id: string
  kind: SubscriberKind
  email: string | null
  url: string | null
  format: Subscriber['format']
  secret: string | null
  previous_secret: string | null
  previous_secret_expires_at: string | null
  status: Exclude<SubscriberStatus, 'pending_verification'>
  verification: 'pending' | 'verified' | null
  everything: number
  consent: string
  created_at: string
  updated_at: string
  confirmed_at: string | null
  confirm_expires_at: string | null
  unsubscribed_at: string | null
  disabled_at: string | null
  disabled_reason: string | null
  consecutive_failures: number
  time_zone: string | null
  language: string | null
}

interface ChoiceRow {
  subscriber_id: string
  id: string
}

function toSubscriber(
  row: SubscriberRow,
  choices: SubscriptionChoices & { incidentIds: string[] },
): Subscriber {
  return {
    id: row.id,
    kind: row.kind,
    email: row.email,
    url: row.url,
    format: row.format,
    secret: row.secret,
    previousSecret: row.previous_secret,
    previousSecretExpiresAt: row.previous_secret_expires_at,
    status:
      row.status === 'pending' && row.verification === 'pending'
        ? 'pending_verification'
        : row.status,
    everything: row.everything === 1,
    componentIds: choices.componentIds,
    areaIds: choices.areaIds,
    incidentIds: choices.incidentIds,
    consent: row.consent,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    confirmedAt: row.confirmed_at,
    confirmExpiresAt: row.confirm_expires_at,
    unsubscribedAt: row.unsubscribed_at,
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
    consecutiveFailures: row.consecutive_failures,
    timeZone: row.time_zone,
    language: isLanguage(row.language) ? row.language : null,
  }
}

/** Subscriber rows plus their chosen components, areas and incidents, in the rows' order. */
async function withChoices(db: D1Database, rows: SubscriberRow[]): Promise<Subscriber[]> {
  if (rows.length === 0) return []
  const ids = JSON.stringify(rows.map((r) => r.id))
  const [components, areas, incidents] = await db.batch<ChoiceRow>([
    db
      .prepare(
        `SELECT subscriber_id, component_id AS id FROM subscriber_components
         WHERE subscriber_id IN (SELECT value FROM json_each(?)) ORDER BY component_id`,
      )
      .bind(ids),
    db
      .prepare(
        `SELECT subscriber_id, area_id AS id FROM subscriber_areas
         WHERE subscriber_id IN (SELECT value FROM json_each(?)) ORDER BY area_id`,
      )
      .bind(ids),
    db
      .prepare(
        `SELECT subscriber_id, incident_id AS id FROM subscriber_incidents
         WHERE subscriber_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, incident_id`,
      )
      .bind(ids),
  ])
  const pick = (list: ChoiceRow[], id: string) =>
    list.filter((r) => r.subscriber_id === id).map((r) => r.id)
  return rows.map((row) =>
    toSubscriber(row, {
      componentIds: pick(components!.results, row.id),
      areaIds: pick(areas!.results, row.id),
      incidentIds: pick(incidents!.results, row.id),
    }),
  )
}

/** One subscriber with what it follows, or null. */
export async function selectSubscriber(db: D1Database, id: string): Promise<Subscriber | null> {
  const row = await db
    .prepare('SELECT * FROM subscribers WHERE id = ?')
    .bind(id)
    .first<SubscriberRow>()
  return row ? ((await withChoices(db, [row]))[0] ?? null) : null
}

/** The subscribers with these ids, in the order given (unknown ids left out). */
export async function selectSubscribersByIds(db: D1Database, ids: string[]): Promise<Subscriber[]> {
  if (ids.length === 0) return []
  const { results } = await db
    .prepare('SELECT * FROM subscribers WHERE id IN (SELECT value FROM json_each(?))')
    .bind(JSON.stringify(ids))
    .all<SubscriberRow>()
  const found = new Map((await withChoices(db, results)).map((s) => [s.id, s]))
  return ids.flatMap((id) => found.get(id) ?? [])
}

/** The email subscriber with this address (compared without regard to case), or null. */
export async function selectEmailSubscriber(
  db: D1Database,
  email: string,
): Promise<Subscriber | null> {
  const row = await db
    .prepare("SELECT * FROM subscribers WHERE kind = 'email' AND email = ? COLLATE NOCASE")
    .bind(email)
    .first<SubscriberRow>()
  return row ? ((await withChoices(db, [row]))[0] ?? null) : null
}

/** Lower-cased addresses, among `emails`, that already belong to an email subscriber. */
export async function selectKnownEmails(
  db: D1Database,
  emails: string[],
): Promise<Map<string, SubscriberStatus>> {
  if (emails.length === 0) return new Map()
  const { results } = await db
    .prepare(
      `SELECT lower(email) AS email, status FROM subscribers
       WHERE kind = 'email' AND lower(email) IN (SELECT lower(value) FROM json_each(?))`,
    )
    .bind(JSON.stringify(emails))
    .all<{ email: string; status: SubscriberStatus }>()
  return new Map(results.map((r) => [r.email, r.status]))
}

/** Which subscribers a page holds, and how many at most. */
export interface SubscriberPageFilter {
  kind?: SubscriberKind
  status?: SubscriberStatus
  /** unconfirmed, active, quarantined or unsubscribed: a state in Statuspage's sense (see STATE_OF_STATUS). */
  state?: string
  /** Part of the address or URL, without regard to case. */
  search?: string
  cursor?: string
  limit: number
}

/** A page of subscribers in id order, after `cursor`, optionally of one kind and status. */
export async function selectSubscriberPage(
  db: D1Database,
  filter: SubscriberPageFilter,
): Promise<Subscriber[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM subscribers
       WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR ${SHOWN_STATUS} = ?2)
         AND (?3 IS NULL OR id > ?3)
         AND (?5 IS NULL OR instr(lower(coalesce(email, '') || ' ' || coalesce(url, '')), lower(?5)) > 0)
         AND (?6 IS NULL OR ${STATE_OF_STATUS} = ?6)
       ORDER BY id LIMIT ?4`,
    )
    .bind(
      filter.kind ?? null,
      filter.status ?? null,
      filter.cursor ?? null,
      filter.limit,
      filter.search || null,
      filter.state ?? null,
    )
    .all<SubscriberRow>()
  return withChoices(db, results)
}

/** Inserts a subscriber and its choices, incidents it follows included. */
export function insertSubscriber(db: D1Database, s: Subscriber): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO subscribers (id, kind, email, url, format, secret, status, everything, consent,
           created_at, updated_at, confirmed_at, confirm_expires_at, time_zone, language)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        s.id,
        s.kind,
        s.email,
        s.url,
        s.format,
        s.secret,
        s.status,
        s.everything ? 1 : 0,
        s.consent,
        s.createdAt,
        s.updatedAt,
        s.confirmedAt,
        s.confirmExpiresAt,
        s.timeZone,
        s.language,
      ),
    ...insertChoices(db, s.id, s),
    db
      .prepare(
        `INSERT INTO subscriber_incidents (subscriber_id, incident_id, created_at)
         SELECT ?, value, ? FROM json_each(?)`,
      )
      .bind(s.id, s.createdAt, JSON.stringify(s.incidentIds)),
  ]
}

function insertChoices(
  db: D1Database,
  id: string,
  choices: SubscriptionChoices,
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO subscriber_components (subscriber_id, component_id)
         SELECT ?, value FROM json_each(?)`,
      )
      .bind(id, JSON.stringify(choices.componentIds)),
    db
      .prepare(
        'INSERT INTO subscriber_areas (subscriber_id, area_id) SELECT ?, value FROM json_each(?)',
      )
      .bind(id, JSON.stringify(choices.areaIds)),
  ]
}

/**
 * Replaces what a subscriber follows, only while it has status `whenStatus`: a change that
 * raced with a status change does nothing. Nothing chosen means everything — except for a
 * subscriber that follows incidents, which keeps its `everything` as it was (one following
 * only incidents is not turned into one following everything by accident), unless
 * `noneMeansEverything` (it asked for the whole page).
 */
export function replaceChoices(
  db: D1Database,
  id: string,
  choices: SubscriptionChoices,
  at: string,
  whenStatus: SubscriberStatus,
  options: { noneMeansEverything?: boolean } = {},
): D1PreparedStatement[] {
  const chosen = choices.componentIds.length > 0 || choices.areaIds.length > 0
  const guard = 'EXISTS (SELECT 1 FROM subscribers WHERE id = ? AND status = ?)'
  return [
    db
      .prepare(`DELETE FROM subscriber_components WHERE subscriber_id = ? AND ${guard}`)
      .bind(id, id, whenStatus),
    db
      .prepare(`DELETE FROM subscriber_areas WHERE subscriber_id = ? AND ${guard}`)
      .bind(id, id, whenStatus),
    db
      .prepare(
        `INSERT INTO subscriber_components (subscriber_id, component_id)
         SELECT ?, value FROM json_each(?) WHERE ${guard}`,
      )
      .bind(id, JSON.stringify(choices.componentIds), id, whenStatus),
    db
      .prepare(
        `INSERT INTO subscriber_areas (subscriber_id, area_id)
         SELECT ?, value FROM json_each(?) WHERE ${guard}`,
      )
      .bind(id, JSON.stringify(choices.areaIds), id, whenStatus),
    db
      .prepare(
        `UPDATE subscribers SET updated_at = ?1,
           everything = CASE WHEN ?2 THEN 0 WHEN ?3 THEN 1
             WHEN EXISTS (SELECT 1 FROM subscriber_incidents WHERE subscriber_id = ?4) THEN everything
             ELSE 1 END
         WHERE id = ?4 AND status = ?5`,
      )
      .bind(at, chosen ? 1 : 0, options.noneMeansEverything ? 1 : 0, id, whenStatus),
  ]
}

/** Deletes a subscriber with its choices, link tokens and delivery history. */
export function deleteSubscriberRows(db: D1Database, id: string): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `DELETE FROM delivery_attempts
         WHERE delivery_id IN (SELECT id FROM deliveries WHERE subscriber_id = ?)`,
      )
      .bind(id),
    db.prepare('DELETE FROM deliveries WHERE subscriber_id = ?').bind(id),
    db.prepare('DELETE FROM link_tokens WHERE subscriber_id = ?').bind(id),
    db.prepare('DELETE FROM subscriber_components WHERE subscriber_id = ?').bind(id),
    db.prepare('DELETE FROM subscriber_areas WHERE subscriber_id = ?').bind(id),
    db.prepare('DELETE FROM subscriber_incidents WHERE subscriber_id = ?').bind(id),
    db.prepare('DELETE FROM subscribers WHERE id = ?').bind(id),
  ]
}

/** True when a write failed because the email address is already taken (two at once). */
export function isDuplicateAddress(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed/i.test(error.message)
}
