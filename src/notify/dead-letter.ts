import type { AppEnv } from '../env'
import type { DeliveryQueueMessage } from './types'

/** Not built yet: the notification pipeline is under construction. */
export async function consumeDeadLetters(
  batch: MessageBatch<DeliveryQueueMessage>,
  _env: AppEnv,
  _ctx: ExecutionContext,
): Promise<void> {
  batch.retryAll({ delaySeconds: 60 })
}
