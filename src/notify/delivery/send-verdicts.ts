import type { EmailResult } from '../types'
import type { PostOutcome } from '../webhooks/webhook-post'
import type { Claimed } from './delivery-links'
import { backoffSeconds } from './retry-schedule'

/** What becomes of a queue message: acknowledged, or tried again after a delay. */
export type Verdict = { ack: true } | { ack: false; delaySeconds: number }

export const ACK: Verdict = { ack: true }

/** What a webhook's answer means: the attempt's status, its error, and the message's fate. */
export function webhookResult(c: Claimed, outcome: PostOutcome) {
  if (outcome.result === 'sent') return { status: 'sent' as const, error: null, verdict: ACK }
  if (outcome.result === 'gone')
    return { status: 'failed' as const, error: outcome.error, verdict: ACK }
  // Nothing was sent, and trying again would change nothing.
  if (outcome.result === 'refused')
    return { status: 'dead' as const, error: outcome.error, verdict: ACK }
  const delaySeconds = outcome.retryAfter ?? backoffSeconds(c.message.attempts)
  return {
    status: 'failed' as const,
    error: outcome.error,
    verdict: { ack: false, delaySeconds } as Verdict,
  }
}

/** What the mailer's answer means: the attempt's status, its error, and the message's fate. */
export function emailResult(c: Claimed, result: EmailResult | undefined) {
  if (!result) {
    const verdict: Verdict = { ack: false, delaySeconds: backoffSeconds(c.message.attempts) }
    return { status: 'failed' as const, error: 'the mailer gave no result', verdict }
  }
  if (result.ok) return { status: 'sent' as const, error: null, verdict: ACK }
  // A permanent refusal (unknown mailbox, …) is final: recorded as dead for ops, not retried.
  if (!result.temporary) return { status: 'dead' as const, error: result.error, verdict: ACK }
  const verdict: Verdict = { ack: false, delaySeconds: backoffSeconds(c.message.attempts) }
  return { status: 'failed' as const, error: result.error, verdict }
}
