import { insertAudit } from '../db/audit'
import { replaceChoices, selectSubscriber } from '../db/subscribers'
import type { VerbContext } from './context'
import { invalidField, notFound } from './errors'
import type { Subscriber } from './subscriber-types'
import { checkChoices, loadCatalog } from './subscription-input'

/**
 * Ops set the components a subscriber follows (Statuspage's subscriber PATCH): the ids given,
 * or everything when none are. Its areas are cleared with them, since the list given is the
 * whole choice. Unknown ids are refused at `component_ids.<n>`, nothing changed. Recorded in
 * the audit log with who did it.
 */
export async function setSubscriberComponents(
  ctx: VerbContext,
  id: string,
  componentIds: string[],
): Promise<Subscriber> {
  const subscriber = await selectSubscriber(ctx.db, id)
  if (!subscriber) throw notFound('subscriber', id)
  const catalog = await loadCatalog(ctx.db)
  componentIds.forEach((componentId, index) => {
    if (!catalog.components.some((c) => c.id === componentId)) {
      throw invalidField(`component_ids.${index}`, `No component with id "${componentId}".`)
    }
  })
  const choices = checkChoices(catalog, { componentIds })
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    ...replaceChoices(ctx.db, id, choices, at, subscriber.status),
    insertAudit(
      ctx.db,
      ctx.actor,
      'subscriber.update',
      { type: 'subscriber', id },
      { kind: subscriber.kind, component_ids: choices.componentIds },
      at,
    ),
  ])
  return (await selectSubscriber(ctx.db, id)) ?? subscriber
}
