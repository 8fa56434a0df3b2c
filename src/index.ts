import { createApp } from './app'
import { runClock } from './clock/run-clock'
import type { AppEnv } from './env'
import { consumeDeadLetters } from './notify/dead-letter'
import { consumeDeliveries } from './notify/deliver'
import { consumeEvents } from './notify/fan-out'
import { consumeOpsAlerts } from './notify/ops-alert-delivery'
import type { OpsAlertQueueMessage } from './notify/ops-alerts'
import type { DeliveryQueueMessage, EventQueueMessage } from './notify/types'

/** The single snapshot writer (Durable Object, see wrangler.toml). */
export { SnapshotWriter } from './durable/snapshot-writer'

const app = createApp()

type QueueMessage = EventQueueMessage | DeliveryQueueMessage | OpsAlertQueueMessage

export default {
  fetch: app.fetch,

  /** Queue consumers, chosen by queue name (see wrangler.toml). */
  async queue(batch, env, ctx) {
    if (batch.queue.startsWith('candor-events')) {
      return consumeEvents(batch as MessageBatch<EventQueueMessage>, env, ctx)
    }
    if (batch.queue.startsWith('candor-ops-alerts')) {
      return consumeOpsAlerts(batch as MessageBatch<OpsAlertQueueMessage>, env)
    }
    if (batch.queue.endsWith('-dlq')) {
      return consumeDeadLetters(batch as MessageBatch<DeliveryQueueMessage>, env, ctx)
    }
    return consumeDeliveries(batch as MessageBatch<DeliveryQueueMessage>, env, ctx)
  },

  /** The clock (every minute): see runClock. */
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runClock(env, new Date(controller.scheduledTime)))
  },
} satisfies ExportedHandler<AppEnv, QueueMessage>
