import type { DeliveryQueueMessage } from '../types'

/**
 * Puts deliveries already pending in D1 on the DELIVERIES queue (100 per call at most). If
 * this is lost, the sweep finds them pending and sends them.
 */
export async function enqueueDeliveries(
  queue: Queue<DeliveryQueueMessage> | Queue,
  ids: string[],
): Promise<void> {
  for (let i = 0; i < ids.length; i += 100) {
    await queue.sendBatch(ids.slice(i, i + 100).map((deliveryId) => ({ body: { deliveryId } })))
  }
}
