import {
  insertStatusChange,
  selectComponents,
  selectStatusesHeldByOpenIncidents,
  setComponentStatus,
} from '../db/components'
import { upsertIncidentComponent } from '../db/incidents'
import type { VerbContext } from './context'
import { CandorError, invalidField } from './errors'
import type { UpdateFields } from './update-fields'
import { worseStatus } from './page-status'
import {
  isClosedStatus,
  isUpcoming,
  type AffectedComponent,
  type Component,
  type ComponentStatus,
  type Incident,
} from './types'

/**
 * Component effects of an update: statuses it sets explicitly, or all the incident asserts
 * when it takes effect (`takingEffect`: it is new, or an upcoming one going live); a
 * maintenance in progress puts its components under maintenance; closing hands each component
 * back to operational unless another open incident still holds it.
 */
export async function planComponentChanges(
  ctx: VerbContext,
  next: Incident,
  before: Incident,
  takingEffect: boolean,
  input: UpdateFields,
  effectiveAt: string,
  statements: D1PreparedStatement[],
  keepWorseHeld = false,
): Promise<AffectedComponent[]> {
  const explicit = input.components ?? {}
  const requested = Object.keys(explicit)
  if (requested.length === 0 && next.componentStatuses.length === 0) return []
  const all = new Map<string, Component>((await selectComponents(ctx.db)).map((c) => [c.id, c]))
  const named = new Set([...requested, ...next.componentStatuses.map((s) => s.componentId)])
  for (const id of named) {
    const component = all.get(id)
    const path = id in explicit ? `components.${id}` : 'component_ids'
    if (!component) {
      throw new CandorError('not_found', `No component with id "${id}".`, [
        { path, message: 'unknown component' },
      ])
    }
    if (component.isGroup) {
      throw invalidField(path, `"${component.name}" is a group; name its components.`)
    }
  }

  // What this incident asserts for each component after the update.
  const asserted = new Map(next.componentStatuses.map((s) => [s.componentId, s.status]))
  for (const [id, status] of Object.entries(explicit)) asserted.set(id, status)
  if (next.kind === 'maintenance') {
    for (const id of asserted.keys()) if (!(id in explicit)) asserted.set(id, 'under_maintenance')
  }
  next.componentStatuses = [...asserted].map(([componentId, status]) => ({ componentId, status }))
  for (const [id, status] of asserted) {
    const was = before.componentStatuses.find((s) => s.componentId === id)?.status
    if (takingEffect || was !== status)
      statements.push(upsertIncidentComponent(ctx.db, next.id, id, status))
  }

  // A backfilled (created already closed) incident leaves today's statuses alone, as does an
  // upcoming one closed before it took effect (it never set them); an upcoming one leaves them
  // until it goes live, and a draft leaves the page alone until it is published.
  if (takingEffect && isClosedStatus(next.status)) return []
  if (isUpcoming(next)) return []
  if (next.isDraft) return []

  const closing = isClosedStatus(next.status)
  // A maintenance closed (or cancelled) before it began never put its components under
  // maintenance, so there is nothing to hand back: only statuses the update names change.
  const closingUnstarted = closing && next.kind === 'maintenance' && before.status === 'scheduled'
  const target = new Map<string, ComponentStatus>()
  if (closingUnstarted) {
    for (const [id, status] of Object.entries(explicit)) target.set(id, status)
  } else if (closing) {
    const others = await selectStatusesHeldByOpenIncidents(ctx.db, [...asserted.keys()], next.id)
    for (const id of asserted.keys()) {
      if (id in explicit) {
        target.set(id, explicit[id]!)
        continue
      }
      const held = others.filter((o) => o.componentId === id).map((o) => o.status)
      target.set(id, held.reduce<ComponentStatus>(worseStatus, 'operational'))
    }
  } else if (next.kind === 'maintenance' && next.status === 'scheduled') {
    for (const [id, status] of Object.entries(explicit)) target.set(id, status)
  } else {
    for (const [id, status] of asserted) {
      if (takingEffect || id in explicit || next.kind === 'maintenance') target.set(id, status)
    }
  }

  if (keepWorseHeld && !closing && target.size > 0) {
    const others = await selectStatusesHeldByOpenIncidents(ctx.db, [...target.keys()], next.id)
    for (const o of others)
      target.set(o.componentId, worseStatus(target.get(o.componentId)!, o.status))
  }

  const affected: AffectedComponent[] = []
  for (const [id, status] of target) {
    const component = all.get(id)!
    if (component.status === status) continue
    affected.push({
      code: id,
      name: component.name,
      old_status: component.status,
      new_status: status,
    })
    statements.push(setComponentStatus(ctx.db, id, status, ctx.now.toISOString()))
    statements.push(insertStatusChange(ctx.db, id, status, effectiveAt, next.id))
  }
  return affected
}
