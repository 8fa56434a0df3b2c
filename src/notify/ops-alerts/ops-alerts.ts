import type { DueAlert } from '../../domain/event-types'
import {
  insertOpsAlert,
  selectPendingSendIds,
  selectRaisedAlertIds,
  selectStuckSendIds,
  touchSends,
} from '../../db/ops-alerts'
import { checkWebhookUrl } from '../../domain/webhook-endpoint'
import { presentAny } from '../../domain/present'
import type { Incident } from '../../domain/types'
import type { AppEnv } from '../../env'
import { sha256Hex } from '../../lib/ids'
import { isUsableAddress } from '../email/email-sender'
import { messagePage } from '../event-message'
import { MAX_DELAY_SECONDS } from '../delivery/retry-schedule'
import { opsAlertSummary, type OpsAlertBody } from './ops-alert-message'
import { readerFor } from '../../i18n/reader'

/**
 * Stands in a stored alert for its one-click reopen link; each send fills in a fresh link, so
 * the link's token is kept only as its hash.
 */
export const REOPEN_LINK_SLOT = 'candor:reopen-link'

/** Body of a message on the OPS_ALERTS queue: one send of one alert. */
export interface OpsAlertQueueMessage {
  sendId: string
}

/** The base URL of links in messages nobody's request caused (the clock's). */
export function clockBaseUrl(env: Pick<AppEnv, 'PUBLIC_URL'>): string {
  return (env.PUBLIC_URL ?? 'http://localhost').replace(/\/+$/, '')
}

/** The OPS_WEBHOOK_URL setting as Candor reads it: the URL it posts to, or why it will not. */
export interface OpsWebhookSetting {
  configured: boolean
  /** The checked URL alerts are sent to; null when unset or refused. */
  target: string | null
  /** Why the configured URL is refused (plain http, a local or private address…), else null. */
  refused: string | null
}

/** Settings already logged as refused by this isolate: the log line is written once each. */
const reportedRefusals = new Set<string>()

/**
 * Reads OPS_WEBHOOK_URL with the rules of every outbound URL (https only, no local or private
 * address, unless ALLOW_HTTP_WEBHOOKS=true). A refused setting is logged the first time it is
 * read, and reported by `GET /api/v1/ops-alerts/settings`.
 */
export function opsWebhookSetting(env: AppEnv): OpsWebhookSetting {
  const raw = env.OPS_WEBHOOK_URL?.trim() ?? ''
  if (!raw) return { configured: false, target: null, refused: null }
  try {
    return {
      configured: true,
      target: checkWebhookUrl(raw, env.ALLOW_HTTP_WEBHOOKS === 'true', 'OPS_WEBHOOK_URL'),
      refused: null,
    }
  } catch (error) {
    const refused = error instanceof Error ? error.message : String(error)
    if (!reportedRefusals.has(raw)) {
      reportedRefusals.add(raw)
      console.error(`OPS_WEBHOOK_URL is refused; ops alerts are not sent to it: ${refused}`)
    }
    return { configured: true, target: null, refused }
  }
}

/** Where ops alerts go, from OPS_WEBHOOK_URL and OPS_EMAIL; a setting that is unusable is logged. */
export function opsChannels(env: AppEnv): { webhook: string | null; email: string | null } {
  const webhook = opsWebhookSetting(env).target
  const address = env.OPS_EMAIL?.trim() ?? ''
  if (address && !isUsableAddress(address)) {
    console.error(`OPS_EMAIL "${address}" is not an address; ops alerts are not emailed`)
  }
  return { webhook, email: address && isUsableAddress(address) ? address : null }
}

/** An alert's id: the same for the same (event type, incident, episode), so it is raised once. */
async function alertId(alert: DueAlert, incidentId: string): Promise<string> {
  return (await sha256Hex(`${alert.eventType}\n${incidentId}\n${alert.episode}`)).slice(0, 24)
}

/**
 * Raises the alerts not raised before for this incident: records each with the message it
 * carries and one pending send per configured channel (all in one batch), then hands the sends
 * to the OPS_ALERTS queue. An alert already raised for its episode is left alone, however often
 * it is asked for. `extra` adds fields (e.g. a reopen link) to an alert's `alert` object, and
 * statements to store with it. Returns how many alerts were new.
 */
export async function raiseOpsAlerts(
  env: AppEnv,
  incident: Incident,
  due: DueAlert[],
  now: Date,
  extra?: (
    alert: DueAlert,
    baseUrl: string,
  ) => Promise<{ fields: Record<string, string>; statements: D1PreparedStatement[] }>,
): Promise<number> {
  if (due.length === 0) return 0
  const ids = await Promise.all(due.map((alert) => alertId(alert, incident.id)))
  const raised = await selectRaisedAlertIds(env.DB, ids)
  const fresh = due.map((alert, i) => ({ alert, id: ids[i]! })).filter((a) => !raised.has(a.id))
  if (fresh.length === 0) return 0

  const at = now.toISOString()
  const baseUrl = clockBaseUrl(env)
  const { page, locale, ctx } = await messagePage(env.DB, env, baseUrl, now)
  // Ops read English, with times on the page's clock.
  const reader = readerFor('en', locale.timeZone)
  // Ops see how many readers say they are affected, whatever the public page shows.
  const presented = presentAny(incident, { ...ctx, showAffectedReports: true })
  const channels = opsChannels(env)
  const statements: D1PreparedStatement[] = []
  for (const { alert, id } of fresh) {
    const more = extra ? await extra(alert, baseUrl) : { fields: {}, statements: [] }
    const body: OpsAlertBody = {
      meta: {
        event_type: alert.eventType,
        event_id: id,
        generated_at: at,
        documentation: `${baseUrl}/api/v1/openapi.json`,
      },
      page,
      incident: presented,
      alert: {
        ...alert.facts,
        ...more.fields,
        summary: opsAlertSummary(alert, incident.name, at, reader),
        incident_url: `${baseUrl}/incidents/${incident.id}`,
        admin_url: `${baseUrl}/api/v1/${incident.kind === 'incident' ? 'incidents' : 'maintenances'}/${incident.id}`,
      },
    }
    const sends = [
      ...(channels.webhook
        ? [{ id: `${id}w`, channel: 'webhook' as const, target: channels.webhook }]
        : []),
      ...(channels.email
        ? [{ id: `${id}e`, channel: 'email' as const, target: channels.email }]
        : []),
    ]
    statements.push(
      ...insertOpsAlert(
        env.DB,
        {
          id,
          eventType: alert.eventType,
          incidentId: incident.id,
          episode: alert.episode,
          message: JSON.stringify(body),
        },
        sends,
        at,
      ),
      ...more.statements,
    )
  }
  await env.DB.batch(statements)
  const sendIds = await selectPendingSendIds(
    env.DB,
    fresh.map((f) => f.id),
  )
  if (sendIds.length > 0) {
    await env.OPS_ALERTS.sendBatch(sendIds.map((sendId) => ({ body: { sendId } })))
  }
  return fresh.length
}

/** An ops alert send still pending or sending after this long has lost its queue message. */
const OPS_STUCK_AFTER_MS = 2 * 60_000

/**
 * Re-sends ops alert sends whose queue message was lost: the D1 write and the queue send are not
 * atomic, and a retry's message may run out of queue retries while another worker held the claim.
 */
export async function requeueStuckOpsSends(env: AppEnv, now: Date): Promise<number> {
  const before = new Date(now.getTime() - OPS_STUCK_AFTER_MS).toISOString()
  // The longest retry delay is 12 hours: a send failed for longer than that has no message left.
  const failedBefore = new Date(now.getTime() - (MAX_DELAY_SECONDS + 3600) * 1000).toISOString()
  const ids = await selectStuckSendIds(env.DB, before, 100, failedBefore)
  if (ids.length === 0) return 0
  await env.OPS_ALERTS.sendBatch(ids.map((sendId) => ({ body: { sendId } })))
  await touchSends(env.DB, ids, now.toISOString()).run()
  return ids.length
}
