import type { Context } from 'hono'
import type { AppBindings } from '../app-types'
import { deliveryLogReach } from '../domain/retention'

/**
 * Says on a list of deliveries how far back it reaches: `Candor-Retention-Days` and
 * `Candor-Retained-Since` (documented by DELIVERY_LOG_REACH_HEADERS).
 */
export function setDeliveryLogReach(c: Context<AppBindings>): void {
  const reach = deliveryLogReach(c.env, new Date())
  c.header('Candor-Retention-Days', String(reach.days))
  c.header('Candor-Retained-Since', reach.since)
}
