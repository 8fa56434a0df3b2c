import { insertAudit } from '../db/audit'
import {
  deleteAreaRow,
  insertArea,
  selectArea,
  selectAreaByName,
  selectAreas,
  updateAreaName,
} from '../db/areas'
import { newId } from '../lib/ids'
import type { VerbContext } from './context'
import { CandorError, notFound } from './errors'
import type { Area } from './types'

export async function listAreas(db: D1Database): Promise<Area[]> {
  return selectAreas(db)
}

export async function getArea(db: D1Database, id: string): Promise<Area> {
  const area = await selectArea(db, id)
  if (!area) throw notFound('area', id)
  return area
}

async function assertNameFree(db: D1Database, name: string): Promise<void> {
  if (await selectAreaByName(db, name)) {
    throw new CandorError('conflict', `An area named "${name}" already exists.`, { path: 'name' })
  }
}

export async function createArea(ctx: VerbContext, input: { name: string }): Promise<Area> {
  await assertNameFree(ctx.db, input.name)
  const area: Area = { id: newId(), name: input.name, createdAt: ctx.now.toISOString() }
  await ctx.db.batch([
    insertArea(ctx.db, area),
    insertAudit(
      ctx.db,
      ctx.actor,
      'area.create',
      { type: 'area', id: area.id },
      input,
      area.createdAt,
    ),
  ])
  return area
}

export async function renameArea(ctx: VerbContext, id: string, name: string): Promise<Area> {
  const area = await getArea(ctx.db, id)
  if (area.name.toLowerCase() !== name.toLowerCase()) await assertNameFree(ctx.db, name)
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    updateAreaName(ctx.db, id, name),
    insertAudit(ctx.db, ctx.actor, 'area.update', { type: 'area', id }, { name }, at),
  ])
  return { ...area, name }
}

export async function deleteArea(ctx: VerbContext, id: string): Promise<void> {
  const area = await getArea(ctx.db, id)
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    ...deleteAreaRow(ctx.db, id),
    insertAudit(ctx.db, ctx.actor, 'area.delete', { type: 'area', id }, { name: area.name }, at),
  ])
}
