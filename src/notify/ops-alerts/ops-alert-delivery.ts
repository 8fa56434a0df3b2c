import {
  claimSend,
  recordSendAttempt,
  selectSendTarget,
  type OpsSendTarget,
} from '../../db/ops-alerts'
import type { AppEnv } from '../../env'
import { createMailer } from '../email/mailer'
import { stableMessageId } from '../email/message-id'
import { renderOpsAlertEmail, type OpsAlertBody } from './ops-alert-message'
import { REOPEN_LINK_SLOT, type OpsAlertQueueMessage } from './ops-alerts'
import { issueReopenLink } from '../../domain/reopen'
import { backoffSeconds } from '../delivery/retry-schedule'
import { postWebhook } from '../webhooks/webhook-post'
import { standardWebhookHeaders } from '../webhooks/webhook-signing'

/** Attempts after which an ops alert's send is given up and recorded dead. */
export const OPS_MAX_ATTEMPTS = 8
/** How long a claim protects a send being sent. */
const LEASE_MS = 60_000

/** What one attempt came to. */
type Attempt =
  | { ok: true; statusCode: number | null }
  | {
      ok: false
      statusCode: number | null
      error: string
      permanent: boolean
      retryAfter: number | null
    }

async function postOpsWebhook(env: AppEnv, send: OpsSendTarget, now: Date): Promise<Attempt> {
  const secret = env.OPS_WEBHOOK_SECRET?.trim()
  const signing = secret
    ? await standardWebhookHeaders(send.id, send.message, [secret], now)
    : { 'webhook-id': send.id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)) }
  const outcome = await postWebhook(
    send.target,
    send.message,
    { 'content-type': 'application/json', 'user-agent': 'Candor-Webhooks', ...signing },
    { allowHttp: env.ALLOW_HTTP_WEBHOOKS === 'true' },
  )
  if (outcome.result === 'sent') return { ok: true, statusCode: outcome.statusCode }
  return {
    ok: false,
    statusCode: outcome.statusCode,
    error: outcome.error,
    // A refused target stays refused: retrying would change nothing.
    permanent: outcome.result === 'refused',
    retryAfter: outcome.result === 'retry' ? outcome.retryAfter : null,
  }
}

async function emailOps(env: AppEnv, send: OpsSendTarget): Promise<Attempt> {
  const rendered = renderOpsAlertEmail(JSON.parse(send.message) as OpsAlertBody)
  const [result] = await createMailer(env).send([
    { to: send.target, ...rendered, headers: {}, messageId: stableMessageId(send.id, env) },
  ])
  if (result?.ok) return { ok: true, statusCode: null }
  return {
    ok: false,
    statusCode: null,
    error: result?.error ?? 'no result from the mail transport',
    permanent: result ? !result.temporary : false,
    retryAfter: null,
  }
}

/** The send with a fresh one-click reopen link in its message, where the alert carries one. */
async function withReopenLink(env: AppEnv, send: OpsSendTarget, now: Date): Promise<OpsSendTarget> {
  if (!send.message.includes(REOPEN_LINK_SLOT)) return send
  const body = JSON.parse(send.message) as OpsAlertBody
  // The base URL the alert was raised with: its page's.
  const link = await issueReopenLink(env.DB, body.incident.id, body.page.url, now)
  await link.statement.run()
  return { ...send, message: send.message.replaceAll(REOPEN_LINK_SLOT, link.url) }
}

/**
 * Sends one ops alert on one channel, once: the send is claimed before anything goes out, so a
 * message delivered twice or re-sent by the sweep sends nothing more. Returns the queue's
 * verdict: acknowledge, or retry after a delay.
 */
export async function deliverOpsSend(
  env: AppEnv,
  sendId: string,
  attempts: number,
  now: Date,
): Promise<{ ack: true } | { ack: false; delaySeconds: number }> {
  const send = await selectSendTarget(env.DB, sendId)
  if (!send || send.status === 'sent' || send.status === 'dead') return { ack: true }
  const at = now.toISOString()
  const leaseExpired = new Date(now.getTime() - LEASE_MS).toISOString()
  const claim = await claimSend(env.DB, send.id, at, leaseExpired).run()
  if (claim.meta.changes !== 1) return { ack: false, delaySeconds: LEASE_MS / 1000 }

  let attempt: Attempt
  try {
    const ready = await withReopenLink(env, send, now)
    attempt =
      ready.channel === 'webhook'
        ? await postOpsWebhook(env, ready, now)
        : await emailOps(env, ready)
  } catch (error) {
    attempt = {
      ok: false,
      statusCode: null,
      error: error instanceof Error ? error.message : String(error),
      permanent: false,
      retryAfter: null,
    }
  }
  const finished = new Date().toISOString()
  if (attempt.ok) {
    await recordSendAttempt(env.DB, {
      id: send.id,
      status: 'sent',
      statusCode: attempt.statusCode,
      error: null,
      at: finished,
    }).run()
    return { ack: true }
  }
  const giveUp = attempt.permanent || send.attempts + 1 >= OPS_MAX_ATTEMPTS
  await recordSendAttempt(env.DB, {
    id: send.id,
    status: giveUp ? 'dead' : 'failed',
    statusCode: attempt.statusCode,
    error: attempt.error,
    at: finished,
  }).run()
  if (giveUp) return { ack: true }
  return { ack: false, delaySeconds: attempt.retryAfter ?? backoffSeconds(attempts) }
}

/**
 * The OPS_ALERTS consumer: each message is one send of one alert. A failure is retried on the
 * notification schedule (Retry-After honoured); after OPS_MAX_ATTEMPTS the send is recorded
 * dead with its last error, for GET /api/v1/ops-alerts.
 */
export async function consumeOpsAlerts(
  batch: MessageBatch<OpsAlertQueueMessage>,
  env: AppEnv,
): Promise<void> {
  for (const message of batch.messages) {
    try {
      const verdict = await deliverOpsSend(env, message.body.sendId, message.attempts, new Date())
      if (verdict.ack) message.ack()
      else message.retry({ delaySeconds: verdict.delaySeconds })
    } catch (error) {
      console.error('ops alert send failed; retrying', error)
      message.retry({ delaySeconds: backoffSeconds(message.attempts) })
    }
  }
}
