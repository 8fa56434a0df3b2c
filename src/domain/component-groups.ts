import { insertAudit } from '../db/audit'
import {
  deleteComponentRow,
  insertComponent,
  selectComponents,
  selectGroupByName,
  selectNextPosition,
  updateComponentRow,
} from '../db/components'
import { newId } from '../lib/ids'
import type { VerbContext } from './context'
import { CandorError, invalidField, notFound } from './errors'
import type { Component } from './types'

/**
 * Component groups as objects of their own. A group is stored as a component row marked
 * `isGroup`; its members are the components whose `groupId` names it.
 */
export interface ComponentGroup {
  group: Component
  /** Member ids in position order. */
  componentIds: string[]
}

export interface ComponentGroupInput {
  name: string
  description?: string | null
  component_ids: string[]
}

export type ComponentGroupChanges = Partial<ComponentGroupInput>

function membersOf(all: Component[], groupId: string): string[] {
  return all
    .filter((c) => c.groupId === groupId)
    .sort((a, b) => a.position - b.position)
    .map((c) => c.id)
}

/** Every group with its members, in position order. */
export async function listComponentGroups(db: D1Database): Promise<ComponentGroup[]> {
  const all = await selectComponents(db)
  return all
    .filter((c) => c.isGroup)
    .map((group) => ({ group, componentIds: membersOf(all, group.id) }))
}

/** One group with its members; 404 for an unknown id or a component that is not a group. */
export async function getComponentGroup(db: D1Database, id: string): Promise<ComponentGroup> {
  const all = await selectComponents(db)
  const group = all.find((c) => c.id === id && c.isGroup)
  if (!group) throw notFound('component group', id)
  return { group, componentIds: membersOf(all, id) }
}

async function refuseNameInUse(ctx: VerbContext, name: string, exceptId?: string) {
  const clash = await selectGroupByName(ctx.db, name)
  if (clash && clash.id !== exceptId) {
    throw new CandorError('conflict', `A component group named "${name}" already exists.`, {
      path: 'name',
    })
  }
}

/** The statements that make exactly `ids` the members of `groupId` (others leave it). */
function membershipStatements(
  ctx: VerbContext,
  all: Component[],
  groupId: string,
  ids: string[],
  at: string,
): D1PreparedStatement[] {
  const byId = new Map(all.map((c) => [c.id, c]))
  ids.forEach((id, index) => {
    const member = byId.get(id)
    if (!member) throw invalidField(`component_ids.${index}`, `No component with id "${id}".`)
    if (member.isGroup) throw invalidField(`component_ids.${index}`, 'Groups cannot be nested.')
  })
  const wanted = new Set(ids)
  return all
    .filter((c) => !c.isGroup && (c.groupId === groupId) !== wanted.has(c.id))
    .map((c) =>
      updateComponentRow(ctx.db, {
        ...c,
        groupId: wanted.has(c.id) ? groupId : null,
        updatedAt: at,
      }),
    )
}

/** Creates a group holding `component_ids` (taken out of any group they were in). */
export async function createComponentGroup(
  ctx: VerbContext,
  input: ComponentGroupInput,
): Promise<ComponentGroup> {
  await refuseNameInUse(ctx, input.name)
  const all = await selectComponents(ctx.db)
  const at = ctx.now.toISOString()
  const group: Component = {
    id: newId(),
    name: input.name,
    description: input.description ?? null,
    status: 'operational',
    position: await selectNextPosition(ctx.db),
    isGroup: true,
    groupId: null,
    showcase: false,
    onlyShowIfDegraded: false,
    startDate: null,
    helpUrl: null,
    createdAt: at,
    updatedAt: at,
  }
  const members = membershipStatements(ctx, all, group.id, input.component_ids, at)
  await ctx.db.batch([
    insertComponent(ctx.db, group),
    ...members,
    insertAudit(
      ctx.db,
      ctx.actor,
      'component_group.create',
      { type: 'component', id: group.id },
      input,
      at,
    ),
  ])
  return getComponentGroup(ctx.db, group.id)
}

/** Renames a group, changes its description, or makes `component_ids` its members. */
export async function updateComponentGroup(
  ctx: VerbContext,
  id: string,
  changes: ComponentGroupChanges,
): Promise<ComponentGroup> {
  const current = await getComponentGroup(ctx.db, id)
  if (changes.name !== undefined) await refuseNameInUse(ctx, changes.name, id)
  const all = await selectComponents(ctx.db)
  const at = ctx.now.toISOString()
  const group: Component = {
    ...current.group,
    name: changes.name ?? current.group.name,
    description:
      changes.description !== undefined ? changes.description : current.group.description,
    updatedAt: at,
  }
  const members =
    changes.component_ids === undefined
      ? []
      : membershipStatements(ctx, all, id, changes.component_ids, at)
  await ctx.db.batch([
    updateComponentRow(ctx.db, group),
    ...members,
    insertAudit(
      ctx.db,
      ctx.actor,
      'component_group.update',
      { type: 'component', id },
      changes,
      at,
    ),
  ])
  return getComponentGroup(ctx.db, id)
}

/** Deletes a group; its components stay, ungrouped. Returns the group as it was. */
export async function deleteComponentGroup(ctx: VerbContext, id: string): Promise<ComponentGroup> {
  const current = await getComponentGroup(ctx.db, id)
  await ctx.db.batch([
    ...deleteComponentRow(ctx.db, id),
    insertAudit(
      ctx.db,
      ctx.actor,
      'component_group.delete',
      { type: 'component', id },
      { name: current.group.name, component_ids: current.componentIds },
      ctx.now.toISOString(),
    ),
  ])
  return current
}
