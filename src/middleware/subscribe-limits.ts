import type { Context } from 'hono'
import type { AppBindings } from '../app-types'
import { clientNetwork } from '../lib/client-network'

/** What a client is told to wait after hitting a subscribe limit: the limits' period. */
export const SUBSCRIBE_RETRY_AFTER_SECONDS = 60

/**
 * The client as Cloudflare reports it — its IPv4 address or its IPv6 /64 network (see
 * clientNetwork); `local` under tests and plain local runs.
 */
export function clientIp(c: Context<AppBindings>): string {
  const ip = c.req.header('cf-connecting-ip')
  return ip ? clientNetwork(ip) : 'local'
}

/** Which subscribe limit a request hit, if any. */
export type SubscribeLimit = 'ip' | 'address' | null

/**
 * Counts a public subscribe against the SUBSCRIBE_BY_IP limit and, when an address is given,
 * the SUBSCRIBE_BY_ADDRESS limit (Workers Rate Limiting bindings, see wrangler.toml). The
 * address is only counted when the IP is within its limit.
 */
export async function checkSubscribeLimits(
  env: { SUBSCRIBE_BY_IP: RateLimit; SUBSCRIBE_BY_ADDRESS: RateLimit },
  ip: string,
  address?: string,
): Promise<SubscribeLimit> {
  const byIp = await env.SUBSCRIBE_BY_IP.limit({ key: `ip:${ip}` })
  if (!byIp.success) return 'ip'
  if (address === undefined) return null
  return (await checkAddressLimit(env, address)) ? null : 'address'
}

/**
 * Counts one confirmation mail to `address` against the SUBSCRIBE_BY_ADDRESS limit (shared
 * with public subscribes, so no one can flood an inbox by either way): true while within it.
 */
export async function checkAddressLimit(
  env: { SUBSCRIBE_BY_ADDRESS: RateLimit },
  address: string,
): Promise<boolean> {
  const byAddress = await env.SUBSCRIBE_BY_ADDRESS.limit({
    key: `address:${address.trim().toLowerCase()}`,
  })
  return byAddress.success
}
