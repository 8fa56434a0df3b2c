import { insertAudit } from '../db/audit'
import { deleteIncidentRows, updateUpdateText } from '../db/incident-edits'
import { selectIncident } from '../db/incidents'
import { toIso } from '../lib/time'
import type { VerbContext } from './context'
import { invalidField, notFound } from './errors'
import type { Incident, IncidentUpdate } from './types'

/** Loads an incident or maintenance, whichever it is, or 404. */
export async function getIncidentOfAnyKind(db: D1Database, id: string): Promise<Incident> {
  const incident = await selectIncident(db, id)
  if (!incident) throw notFound('incident', id)
  return incident
}

/**
 * Deletes an incident or maintenance with its updates and ETA history, telling nobody. The
 * components keep the statuses they have. Returns the incident as it was.
 */
export async function deleteIncident(ctx: VerbContext, id: string): Promise<Incident> {
  const incident = await getIncidentOfAnyKind(ctx.db, id)
  await ctx.db.batch([
    ...deleteIncidentRows(ctx.db, id),
    insertAudit(
      ctx.db,
      ctx.actor,
      `${incident.kind}.delete`,
      { type: incident.kind, id },
      { name: incident.name, status: incident.status, updates: incident.updates.length },
      ctx.now.toISOString(),
    ),
  ])
  return incident
}

export interface UpdateCorrection {
  body?: string
  display_at?: string
}

/**
 * Corrects a posted update: its text, or when it is shown as having happened. Nobody is told
 * again, and the ETA history is never rewritten (the ETA changes keep their times).
 */
export async function editIncidentUpdate(
  ctx: VerbContext,
  incidentId: string,
  updateId: string,
  input: UpdateCorrection,
): Promise<{ update: IncidentUpdate; incident: Incident }> {
  const incident = await getIncidentOfAnyKind(ctx.db, incidentId)
  const current = incident.updates.find((u) => u.id === updateId)
  if (!current) throw notFound('incident update', updateId)
  const displayAt = input.display_at ? toIso(input.display_at) : current.displayAt
  if (Date.parse(displayAt) > ctx.now.getTime() + 60_000) {
    throw invalidField('display_at', 'display_at cannot be in the future.')
  }
  const at = ctx.now.toISOString()
  const update: IncidentUpdate = {
    ...current,
    body: input.body ?? current.body,
    displayAt,
    updatedAt: at,
  }
  await ctx.db.batch([
    updateUpdateText(ctx.db, update),
    insertAudit(
      ctx.db,
      ctx.actor,
      `${incident.kind}.update_edit`,
      { type: incident.kind, id: incidentId },
      {
        update_id: updateId,
        before: { body: current.body, display_at: current.displayAt },
        ...input,
      },
      at,
    ),
  ])
  const updates = incident.updates.map((u) => (u.id === updateId ? update : u))
  return { update, incident: { ...incident, updates } }
}
