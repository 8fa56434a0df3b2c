import { insertAudit } from '../db/audit'
import { selectComponents, updateComponentRow } from '../db/components'
import type { VerbContext } from './context'
import { notFound } from './errors'
import type { Component } from './types'

export type MoveDirection = 'up' | 'down'

/** The entries ordered together with `c`: its group's components, or the top level. */
function siblingsOf(all: readonly Component[], c: Component): Component[] {
  return all.filter((x) => x.groupId === c.groupId)
}

/**
 * Moves a component (or a group) one place up or down among its siblings by changing
 * `position`, the field `PATCH /api/v1/components/{id}` sets. Siblings sharing a position are
 * spread out first so the move is visible. Each changed component gets its own
 * `component.update` audit row, all in one batch. At either end nothing changes.
 */
export async function moveComponent(
  ctx: VerbContext,
  id: string,
  direction: MoveDirection,
): Promise<Component[]> {
  const all = await selectComponents(ctx.db)
  const current = all.find((c) => c.id === id)
  if (!current) throw notFound('component', id)
  const siblings = siblingsOf(all, current)
  const from = siblings.indexOf(current)
  const to = direction === 'up' ? from - 1 : from + 1
  if (to < 0 || to >= siblings.length) return []

  const slots: number[] = []
  for (const sibling of siblings) {
    slots.push(Math.max(sibling.position, (slots.at(-1) ?? -1) + 1))
  }
  const order = [...siblings]
  order[from] = siblings[to]!
  order[to] = current

  const at = ctx.now.toISOString()
  const moved = order
    .map((c, i) => ({ ...c, position: slots[i]!, updatedAt: at }))
    .filter((c, i) => c.position !== order[i]!.position)
  if (moved.length === 0) return []
  await ctx.db.batch(
    moved.flatMap((c) => [
      updateComponentRow(ctx.db, c),
      insertAudit(
        ctx.db,
        ctx.actor,
        'component.update',
        { type: 'component', id: c.id },
        { position: c.position },
        at,
      ),
    ]),
  )
  return moved
}
