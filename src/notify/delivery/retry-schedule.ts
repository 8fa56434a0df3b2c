/** When to try a failed delivery again. */

/** Seconds to wait after the 1st, 2nd, … failed attempt; the last step repeats. */
export const RETRY_SCHEDULE_SECONDS = [5, 60, 300, 1800, 7200, 21600, 43200] as const

/** Queues accept delays up to 12 hours. */
export const MAX_DELAY_SECONDS = 43_200

/**
 * The delay before the next attempt, after `attempts` attempts (a queue message's `attempts`,
 * starting at 1): the schedule's step, spread by ±20% so receivers coming back up are not hit
 * by every retry at the same second.
 */
export function backoffSeconds(attempts: number, random = Math.random): number {
  const step = Math.min(Math.max(attempts, 1), RETRY_SCHEDULE_SECONDS.length) - 1
  const base = RETRY_SCHEDULE_SECONDS[step]!
  const jittered = Math.round(base * (0.8 + 0.4 * random()))
  return Math.min(Math.max(jittered, 1), MAX_DELAY_SECONDS)
}

/**
 * A `Retry-After` header in seconds (delta-seconds or an HTTP date), capped at 12 hours;
 * null when absent or unreadable.
 */
export function retryAfterSeconds(header: string | null, now = new Date()): number | null {
  if (!header) return null
  const trimmed = header.trim()
  let seconds: number
  if (/^\d+$/.test(trimmed)) seconds = Number(trimmed)
  else {
    const at = Date.parse(trimmed)
    if (Number.isNaN(at)) return null
    seconds = Math.ceil((at - now.getTime()) / 1000)
  }
  return Math.min(Math.max(seconds, 0), MAX_DELAY_SECONDS)
}
