import { createApp } from './app'
import { runClock } from './clock/run-clock'
import type { AppEnv } from './env'
import {
  consumeDeadLetters,
  consumeEventDeadLetters,
  consumeOpsAlertDeadLetters,
} from './notify/delivery/dead-letter'
import { consumeDeliveries } from './notify/delivery/deliver'
import { consumeEvents } from './notify/delivery/fan-out'
import { consumeOpsAlerts } from './notify/ops-alerts/ops-alert-delivery'
import { opsWebhookSetting, type OpsAlertQueueMessage } from './notify/ops-alerts/ops-alerts'
import { QUEUES } from './lib/queue-names'
import type { DeliveriesQueueMessage, EventQueueMessage } from './notify/types'

/** The single snapshot writer (Durable Object, see wrangler.toml). */
export { SnapshotWriter } from './durable/snapshot-writer'

const app = createApp()

type QueueMessage = EventQueueMessage | DeliveriesQueueMessage | OpsAlertQueueMessage

export default {
  /** Requests; the first one also reads OPS_WEBHOOK_URL, so a refused setting is logged at once. */
  fetch(request, env, ctx) {
    opsWebhookSetting(env)
    return app.fetch(request, env, ctx)
  },

  /** Queue consumers, one per queue name of wrangler.toml (see QUEUES). */
  async queue(batch, env, ctx) {
    switch (batch.queue) {
      case QUEUES.events:
        return consumeEvents(batch as MessageBatch<EventQueueMessage>, env, ctx)
      case QUEUES.eventsDeadLetters:
        return consumeEventDeadLetters(batch as MessageBatch<EventQueueMessage>, env)
      case QUEUES.deliveries:
        return consumeDeliveries(batch as MessageBatch<DeliveriesQueueMessage>, env, ctx)
      case QUEUES.deliveriesDeadLetters:
        return consumeDeadLetters(batch as MessageBatch<DeliveriesQueueMessage>, env, ctx)
      case QUEUES.opsAlerts:
        return consumeOpsAlerts(batch as MessageBatch<OpsAlertQueueMessage>, env)
      case QUEUES.opsAlertsDeadLetters:
        return consumeOpsAlertDeadLetters(batch as MessageBatch<OpsAlertQueueMessage>, env)
      default:
        // A queue this Worker does not know: keep its messages rather than drop them.
        console.error(`no consumer for queue "${batch.queue}"; its messages are retried`)
        batch.retryAll({ delaySeconds: 300 })
    }
  },

  /** The clock (every minute): see runClock. */
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runClock(env, new Date(controller.scheduledTime)))
  },
} satisfies ExportedHandler<AppEnv, QueueMessage>
