import { createApp } from './app'
import type { AppEnv } from './env'
import { consumeDeadLetters } from './notify/dead-letter'
import { consumeDeliveries } from './notify/deliver'
import { consumeEvents } from './notify/fan-out'
import { runSweep } from './notify/sweep'
import type { DeliveryQueueMessage, EventQueueMessage } from './notify/types'

const app = createApp()

type QueueMessage = EventQueueMessage | DeliveryQueueMessage

export default {
  fetch: app.fetch,

  /** Queue consumers, chosen by queue name (see wrangler.toml). */
  async queue(batch, env, ctx) {
    if (batch.queue.startsWith('candor-events')) {
      return consumeEvents(batch as MessageBatch<EventQueueMessage>, env, ctx)
    }
    if (batch.queue.endsWith('-dlq')) {
      return consumeDeadLetters(batch as MessageBatch<DeliveryQueueMessage>, env, ctx)
    }
    return consumeDeliveries(batch as MessageBatch<DeliveryQueueMessage>, env, ctx)
  },

  /** The clock (every minute): make due upcoming incidents live, re-send what the queues may have lost. */
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runSweep(env, new Date(controller.scheduledTime)))
  },
} satisfies ExportedHandler<AppEnv, QueueMessage>
