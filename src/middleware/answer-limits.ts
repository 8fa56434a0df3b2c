/** What a client is told to wait after hitting the answer limit: the limit's period. */
export const ANSWER_RETRY_AFTER_SECONDS = 60

/**
 * Counts a public answer or "I'm affected" report against the RESOLUTION_BY_IP limit (a
 * Workers Rate Limiting binding, see wrangler.toml). True when the client is within it.
 */
export async function withinAnswerLimit(
  env: { RESOLUTION_BY_IP: RateLimit },
  ip: string,
): Promise<boolean> {
  const outcome = await env.RESOLUTION_BY_IP.limit({ key: `ip:${ip}` })
  return outcome.success
}
