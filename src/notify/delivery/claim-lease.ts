import { CLAIM_LEASE_MS } from '../../db/deliveries'

/**
 * How long a claim on a delivery or a mail holds without being extended: DELIVERY_CLAIM_SECONDS
 * when it is a positive number, else 60 s. A live consumer extends its claims every third of
 * that, so it bounds how long the sends of a consumer that died wait before another takes them.
 */
export function claimLeaseMs(env: { DELIVERY_CLAIM_SECONDS?: string }): number {
  const seconds = Number(env.DELIVERY_CLAIM_SECONDS)
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : CLAIM_LEASE_MS
}
