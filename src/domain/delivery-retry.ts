import { insertAuditIfChanged } from '../db/audit'
import { requeueDeadDelivery, selectDeliveryState } from '../db/delivery-retry'
import type { VerbContext } from './context'
import { CandorError, notFound } from './errors'

/**
 * "Retry now" for a dead delivery (its retries were spent, or it was refused for good): it
 * goes back to pending for the delivery consumer, which tries it once more as soon as the
 * caller puts it on the queue (or the clock's sweep does, within minutes, if that is lost). If
 * that attempt fails too, the usual retry schedule follows. Only a dead delivery to an active
 * subscriber can be retried (409 otherwise: the consumer would only skip it). Recorded in the
 * audit log. Returns the delivery's id, to enqueue.
 */
export async function retryDelivery(ctx: VerbContext, id: string): Promise<string> {
  const delivery = await selectDeliveryState(ctx.db, id)
  if (!delivery) throw notFound('delivery', id)
  if (delivery.status !== 'dead') {
    throw new CandorError(
      'conflict',
      `Only a dead delivery can be retried; this one is ${delivery.status}.`,
      { status: delivery.status },
    )
  }
  if (delivery.subscriberStatus !== 'active') {
    throw new CandorError(
      'conflict',
      `Its ${delivery.subscriberKind === 'webhook' ? 'webhook' : 'subscriber'} is ${delivery.subscriberStatus}: a retry would not be sent.`,
      { subscriber_status: delivery.subscriberStatus },
    )
  }
  const at = ctx.now.toISOString()
  const [requeued] = await ctx.db.batch([
    requeueDeadDelivery(ctx.db, id, at),
    insertAuditIfChanged(
      ctx.db,
      ctx.actor,
      'delivery.retry',
      { type: 'delivery', id },
      { subscriber_id: delivery.subscriberId },
      at,
    ),
  ])
  if ((requeued?.meta.changes ?? 0) !== 1) {
    throw new CandorError('conflict', 'This delivery was retried already.')
  }
  return id
}
