/** Webhook subscribers (subscribers of kind `webhook`) as ops manage them. */

export interface Webhook {
  id: string
  url: string
  format: 'standard' | 'slack' | 'discord' | 'teams'
  /** `pending_verification`: confirmed by its owner, waiting for its receiver's 2xx. */
  status: 'pending' | 'pending_verification' | 'active' | 'disabled' | 'unsubscribed'
  email: string | null
  componentIds: string[]
  areaIds: string[]
  createdAt: string
  updatedAt: string
  disabledAt: string | null
  disabledReason: string | null
  consecutiveFailures: number
  previousSecretExpiresAt: string | null
}

interface WebhookRow {
  id: string
  url: string
  format: Webhook['format']
  status: Webhook['status']
  email: string | null
  created_at: string
  updated_at: string
  disabled_at: string | null
  disabled_reason: string | null
  consecutive_failures: number
  previous_secret_expires_at: string | null
  component_ids: string | null
  area_ids: string | null
}

const SELECT = `SELECT s.id, s.url, s.format,
    CASE WHEN s.status = 'pending' AND s.verification = 'pending'
      THEN 'pending_verification' ELSE s.status END AS status, s.email, s.created_at, s.updated_at,
    s.disabled_at, s.disabled_reason, s.consecutive_failures, s.previous_secret_expires_at,
    (SELECT json_group_array(component_id) FROM subscriber_components WHERE subscriber_id = s.id)
      AS component_ids,
    (SELECT json_group_array(area_id) FROM subscriber_areas WHERE subscriber_id = s.id) AS area_ids
  FROM subscribers s WHERE s.kind = 'webhook'`

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    format: row.format,
    status: row.status,
    email: row.email,
    componentIds: (JSON.parse(row.component_ids ?? '[]') as string[]).sort(),
    areaIds: (JSON.parse(row.area_ids ?? '[]') as string[]).sort(),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
    consecutiveFailures: row.consecutive_failures,
    previousSecretExpiresAt: row.previous_secret_expires_at,
  }
}

/** All webhooks, newest first. */
export async function selectWebhooks(db: D1Database): Promise<Webhook[]> {
  const { results } = await db.prepare(`${SELECT} ORDER BY s.created_at DESC`).all<WebhookRow>()
  return results.map(toWebhook)
}

export async function selectWebhook(db: D1Database, id: string): Promise<Webhook | null> {
  const row = await db.prepare(`${SELECT} AND s.id = ?`).bind(id).first<WebhookRow>()
  return row ? toWebhook(row) : null
}

/** The statements that create an active webhook with what it follows. */
export function insertWebhook(
  db: D1Database,
  w: Pick<Webhook, 'id' | 'url' | 'format' | 'email' | 'componentIds' | 'areaIds'> & {
    secret: string
    consent: string
    at: string
  },
): D1PreparedStatement[] {
  const everything = w.componentIds.length === 0 && w.areaIds.length === 0 ? 1 : 0
  return [
    db
      .prepare(
        `INSERT INTO subscribers (id, kind, email, url, format, secret, status, everything, consent,
           created_at, updated_at, confirmed_at)
         VALUES (?1, 'webhook', ?2, ?3, ?4, ?5, 'active', ?6, ?7, ?8, ?8, ?8)`,
      )
      .bind(w.id, w.email, w.url, w.format, w.secret, everything, w.consent, w.at),
    db
      .prepare(
        `INSERT INTO subscriber_components (subscriber_id, component_id)
         SELECT ?, value FROM json_each(?)`,
      )
      .bind(w.id, JSON.stringify(w.componentIds)),
    db
      .prepare(
        `INSERT INTO subscriber_areas (subscriber_id, area_id) SELECT ?, value FROM json_each(?)`,
      )
      .bind(w.id, JSON.stringify(w.areaIds)),
  ]
}

/**
 * Makes `secret` the signing secret; the current one becomes the previous secret, which keeps
 * signing until `previousExpiresAt`.
 */
export function rotateWebhookSecret(
  db: D1Database,
  id: string,
  secret: string,
  previousExpiresAt: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE subscribers SET previous_secret = secret, secret = ?2,
         previous_secret_expires_at = ?3, updated_at = ?4
       WHERE id = ?1 AND kind = 'webhook'`,
    )
    .bind(id, secret, previousExpiresAt, at)
}

/** Removes a webhook with its choices, link tokens and delivery log. */
export function deleteWebhookRow(db: D1Database, id: string): D1PreparedStatement {
  return db.prepare(`DELETE FROM subscribers WHERE id = ? AND kind = 'webhook'`).bind(id)
}

/** Which of these component and area ids do not exist. */
export async function selectUnknownTargets(
  db: D1Database,
  componentIds: string[],
  areaIds: string[],
): Promise<{ componentIds: string[]; areaIds: string[] }> {
  const [components, areas] = await db.batch<{ id: string }>([
    db
      .prepare(
        `SELECT value AS id FROM json_each(?) WHERE value NOT IN (SELECT id FROM components)`,
      )
      .bind(JSON.stringify(componentIds)),
    db
      .prepare(`SELECT value AS id FROM json_each(?) WHERE value NOT IN (SELECT id FROM areas)`)
      .bind(JSON.stringify(areaIds)),
  ])
  return {
    componentIds: components!.results.map((r) => r.id),
    areaIds: areas!.results.map((r) => r.id),
  }
}
