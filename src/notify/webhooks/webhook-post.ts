import { outboundUrlRefusal } from '../../domain/webhook-endpoint'
import { retryAfterSeconds } from '../delivery/retry-schedule'

/** How long a receiver may take to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000

/** What a receiver's answer means for the delivery. */
export type PostOutcome =
  | { result: 'sent'; statusCode: number; durationMs: number }
  /** 410 Gone: the receiver wants no more; the webhook is disabled. */
  | { result: 'gone'; statusCode: 410; durationMs: number; error: string }
  /** Try again later: after `retryAfter` seconds if the receiver said so, else by the schedule. */
  | {
      result: 'retry'
      statusCode: number | null
      durationMs: number
      error: string
      retryAfter: number | null
    }
  /** The URL may not be fetched (local or private, or plain http): nothing was sent. */
  | { result: 'refused'; statusCode: null; durationMs: 0; error: string }

/**
 * POSTs one webhook and classifies the answer: 2xx delivered; 410 gone; 429/503 honour
 * `Retry-After`; redirects (not followed), other codes, network errors and timeouts retry.
 * The URL is checked again first (a URL stored before the rules, or a setting changed since):
 * one naming a local or private place, or plain http, is refused unless `allowHttp`
 * (ALLOW_HTTP_WEBHOOKS=true).
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { allowHttp: boolean; timeoutMs?: number },
): Promise<PostOutcome> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS
  const refusal = outboundUrlRefusal(url, options.allowHttp)
  if (refusal) return { result: 'refused', statusCode: null, durationMs: 0, error: refusal }
  const started = Date.now()
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      body,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    const durationMs = Date.now() - started
    const name = error instanceof Error ? error.name : ''
    const message =
      name === 'TimeoutError' || name === 'AbortError'
        ? `no answer within ${timeoutMs / 1000} s`
        : `network error: ${error instanceof Error ? error.message : String(error)}`
    return { result: 'retry', statusCode: null, durationMs, error: message, retryAfter: null }
  }
  const durationMs = Date.now() - started
  const statusCode = res.status
  // The answer's body is not needed; release the connection.
  await res.body?.cancel().catch(() => undefined)
  if (statusCode >= 200 && statusCode < 300) return { result: 'sent', statusCode, durationMs }
  if (statusCode === 410) {
    return {
      result: 'gone',
      statusCode,
      durationMs,
      error: 'HTTP 410 Gone: the receiver asked to stop',
    }
  }
  if (statusCode >= 300 && statusCode < 400) {
    const location = res.headers.get('location')
    const error = `HTTP ${statusCode} redirect${location ? ` to ${location}` : ''} (redirects are not followed)`
    return { result: 'retry', statusCode, durationMs, error, retryAfter: null }
  }
  const retryAfter =
    statusCode === 429 || statusCode === 503
      ? retryAfterSeconds(res.headers.get('retry-after'))
      : null
  return { result: 'retry', statusCode, durationMs, error: `HTTP ${statusCode}`, retryAfter }
}
