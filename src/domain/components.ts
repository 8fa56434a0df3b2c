import { insertAudit } from '../db/audit'
import {
  deleteComponentRow,
  insertComponent,
  insertStatusChange,
  selectComponent,
  selectComponentByName,
  selectComponents,
  selectGroupByName,
  selectNextPosition,
  selectOpenIncidentIdsForComponent,
  updateComponentRow,
} from '../db/components'
import { insertOutbox } from '../db/outbox'
import { newId } from '../lib/ids'
import type { VerbContext } from './context'
import { CandorError, invalidField, notFound } from './errors'
import type { Component, ComponentStatus } from './types'

export interface ComponentInput {
  name: string
  description?: string | null
  group_name?: string | null
  /** The group by id (as Statuspage names it); wins over `group_name` when both are given. */
  group_id?: string | null
  position?: number
  status?: ComponentStatus
  showcase?: boolean
  only_show_if_degraded?: boolean
  start_date?: string | null
  help_url?: string | null
}

export async function listComponents(db: D1Database): Promise<Component[]> {
  return selectComponents(db)
}

export async function getComponent(db: D1Database, id: string): Promise<Component> {
  const component = await selectComponent(db, id)
  if (!component) throw notFound('component', id)
  return component
}

/** Finds the group by name, or prepares the statement that creates it. */
async function resolveGroup(
  ctx: VerbContext,
  groupName: string,
  at: string,
): Promise<{ groupId: string; statements: D1PreparedStatement[] }> {
  const existing = await selectGroupByName(ctx.db, groupName)
  if (existing) return { groupId: existing.id, statements: [] }
  const group: Component = {
    id: newId(),
    name: groupName,
    description: null,
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
  return { groupId: group.id, statements: [insertComponent(ctx.db, group)] }
}

/** The group `input` names, by id or by name (created on first use), else none. */
async function groupOf(
  ctx: VerbContext,
  input: { group_id?: string | null; group_name?: string | null },
  at: string,
): Promise<{ groupId: string | null; statements: D1PreparedStatement[] }> {
  if (input.group_id) {
    const group = await selectComponent(ctx.db, input.group_id)
    if (!group?.isGroup) throw invalidField('group_id', `No component group "${input.group_id}".`)
    return { groupId: group.id, statements: [] }
  }
  if (input.group_name) return resolveGroup(ctx, input.group_name, at)
  return { groupId: null, statements: [] }
}

export async function createComponent(ctx: VerbContext, input: ComponentInput): Promise<Component> {
  const at = ctx.now.toISOString()
  if (await selectComponentByName(ctx.db, input.name)) {
    throw new CandorError('conflict', `A component named "${input.name}" already exists.`, {
      path: 'name',
    })
  }
  const group = await groupOf(ctx, input, at)
  const position = input.position ?? (await selectNextPosition(ctx.db)) + group.statements.length
  const component: Component = {
    id: newId(),
    name: input.name,
    description: input.description ?? null,
    status: input.status ?? 'operational',
    position,
    isGroup: false,
    groupId: group.groupId,
    showcase: input.showcase ?? true,
    onlyShowIfDegraded: input.only_show_if_degraded ?? false,
    startDate: input.start_date ?? null,
    helpUrl: input.help_url ?? null,
    createdAt: at,
    updatedAt: at,
  }
  await ctx.db.batch([
    ...group.statements,
    insertComponent(ctx.db, component),
    insertStatusChange(ctx.db, component.id, component.status, at, null),
    insertAudit(
      ctx.db,
      ctx.actor,
      'component.create',
      { type: 'component', id: component.id },
      input,
      at,
    ),
  ])
  return component
}

export type ComponentPatch = Partial<ComponentInput>

/**
 * Changes a component. A status change made here (outside any incident) is recorded in the
 * status history and announced as `component.updated`.
 */
export async function updateComponent(
  ctx: VerbContext,
  id: string,
  patch: ComponentPatch,
): Promise<Component> {
  const current = await getComponent(ctx.db, id)
  const at = ctx.now.toISOString()
  if (patch.name !== undefined && patch.name.toLowerCase() !== current.name.toLowerCase()) {
    const clash = current.isGroup
      ? await selectGroupByName(ctx.db, patch.name)
      : await selectComponentByName(ctx.db, patch.name)
    if (clash) {
      throw new CandorError('conflict', `A component named "${patch.name}" already exists.`, {
        path: 'name',
      })
    }
  }
  if (current.isGroup && patch.status !== undefined && patch.status !== current.status) {
    throw invalidField('status', 'A group has no status of its own; set its components instead.')
  }
  let group: { groupId: string | null; statements: D1PreparedStatement[] } = {
    groupId: current.groupId,
    statements: [],
  }
  if (patch.group_name !== undefined || patch.group_id !== undefined) {
    if (current.isGroup && (patch.group_name || patch.group_id)) {
      throw invalidField(patch.group_id ? 'group_id' : 'group_name', 'Groups cannot be nested.')
    }
    group = await groupOf(ctx, patch, at)
  }
  const next: Component = {
    ...current,
    name: patch.name ?? current.name,
    description: patch.description !== undefined ? patch.description : current.description,
    status: patch.status ?? current.status,
    position: patch.position ?? current.position,
    groupId: group.groupId,
    showcase: patch.showcase ?? current.showcase,
    onlyShowIfDegraded: patch.only_show_if_degraded ?? current.onlyShowIfDegraded,
    startDate: patch.start_date !== undefined ? patch.start_date : current.startDate,
    helpUrl: patch.help_url !== undefined ? patch.help_url : current.helpUrl,
    updatedAt: at,
  }
  const statements = [...group.statements, updateComponentRow(ctx.db, next)]
  if (next.status !== current.status) {
    statements.push(insertStatusChange(ctx.db, id, next.status, at, null))
    statements.push(
      insertOutbox(ctx.db, {
        id: newId(16),
        eventType: 'component.updated',
        incidentId: null,
        updateId: null,
        componentId: id,
        payload: {
          old_status: current.status,
          new_status: next.status,
          base_url: ctx.baseUrl ?? null,
        },
        createdAt: at,
      }),
    )
  }
  statements.push(
    insertAudit(ctx.db, ctx.actor, 'component.update', { type: 'component', id }, patch, at),
  )
  await ctx.db.batch(statements)
  return next
}

/** Deletes a component; refused (409) while an unresolved incident still involves it. */
export async function deleteComponent(ctx: VerbContext, id: string): Promise<void> {
  const current = await getComponent(ctx.db, id)
  const open = await selectOpenIncidentIdsForComponent(ctx.db, id)
  if (open.length > 0) {
    throw new CandorError(
      'conflict',
      `Component "${current.name}" is part of unresolved incidents; resolve them first.`,
      { incident_ids: open },
    )
  }
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    ...deleteComponentRow(ctx.db, id),
    insertAudit(
      ctx.db,
      ctx.actor,
      'component.delete',
      { type: 'component', id },
      { name: current.name },
      at,
    ),
  ])
}
