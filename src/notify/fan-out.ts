import type { AppEnv } from '../env'
import type { EventQueueMessage } from './types'

/** Not built yet: the notification pipeline is under construction. */
export async function consumeEvents(
  batch: MessageBatch<EventQueueMessage>,
  _env: AppEnv,
  _ctx: ExecutionContext,
): Promise<void> {
  batch.retryAll({ delaySeconds: 60 })
}
