import { insertAudit } from '../db/audit'
import {
  insertStatusChange,
  selectComponents,
  selectStatusesHeldByOpenIncidents,
  setComponentStatus,
} from '../db/components'
import { publishDraftRow, selectIncident } from '../db/incidents'
import { markGroupsNotified } from '../db/intake'
import { insertOutbox } from '../db/outbox'
import { newId } from '../lib/ids'
import type { VerbContext } from './context'
import { CandorError, notFound } from './errors'
import { worseStatus } from './page-status'
import { isClosedStatus, type Incident } from './types'

/**
 * Publishes an incident held as a draft: it appears on the page and in the public API, its
 * components take the statuses it asserts, and subscribers are told of it as a new incident,
 * as it stands now. 409 if it is not a draft (or changed while this ran).
 */
export async function publishIncident(ctx: VerbContext, id: string): Promise<Incident> {
  const current = await selectIncident(ctx.db, id)
  if (!current || current.kind !== 'incident') throw notFound('incident', id)
  if (!current.isDraft) {
    throw new CandorError('conflict', 'This incident is already published.', { id })
  }
  const now = ctx.now.toISOString()
  const statements: D1PreparedStatement[] = [publishDraftRow(ctx.db, id, current.updatedAt, now)]

  // What the draft asserted was kept off the page; now it applies.
  if (!isClosedStatus(current.status)) {
    const components = new Map((await selectComponents(ctx.db)).map((c) => [c.id, c]))
    // No component is set better than another open incident holds it.
    const others = await selectStatusesHeldByOpenIncidents(
      ctx.db,
      current.componentStatuses.map((s) => s.componentId),
      id,
    )
    for (const asserted of current.componentStatuses) {
      const { componentId } = asserted
      const status = others
        .filter((o) => o.componentId === componentId)
        .reduce((worst, o) => worseStatus(worst, o.status), asserted.status)
      const component = components.get(componentId)
      if (!component || component.status === status) continue
      statements.push(setComponentStatus(ctx.db, componentId, status, now))
      statements.push(insertStatusChange(ctx.db, componentId, status, now, id))
    }
  }
  const latest = current.updates[0]
  statements.push(
    insertOutbox(ctx.db, {
      id: newId(16),
      eventType: 'incident.created',
      incidentId: id,
      updateId: latest?.id ?? null,
      componentId: null,
      payload: { status: current.status, previous_status: null, base_url: ctx.baseUrl ?? null },
      createdAt: now,
    }),
    insertAudit(ctx.db, ctx.actor, 'incident.publish', { type: 'incident', id }, {}, now),
    markGroupsNotified(ctx.db, id, now),
  )
  try {
    await ctx.db.batch(statements)
  } catch (error) {
    if (String(error).includes('NOT NULL constraint failed: incidents.updated_at')) {
      throw new CandorError('conflict', 'The incident changed while it was published; retry.')
    }
    throw error
  }
  return (await selectIncident(ctx.db, id))!
}
