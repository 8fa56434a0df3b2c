import { insertAudit } from '../db/audit'
import { setStatuspageFieldsRow } from '../db/incidents'
import type { VerbContext } from './context'
import { invalidField } from './errors'
import { getIncidentOfAnyKind } from './incident-edits'
import type { Incident } from './types'

/**
 * Fields of a Statuspage incident that Candor has no use for but keeps, so that a Manage API
 * v1 client reads back what it wrote (`metadata`, `reminder_intervals`…), as one JSON object.
 */
export type StatuspageFields = Record<string, unknown>

/** The most a stored object may take, as JSON text: beyond it the write is refused. */
export const STATUSPAGE_FIELDS_MAX_BYTES = 8192

/**
 * The fields after `sent` is applied to `kept`: a key sent replaces that key (an object such as
 * `metadata` is replaced whole). 400 (422 under /v1) when the result is too large.
 */
export function mergeStatuspageFields(
  kept: StatuspageFields | undefined,
  sent: StatuspageFields,
): StatuspageFields {
  const merged = { ...(kept ?? {}), ...sent }
  const size = new TextEncoder().encode(JSON.stringify(merged)).length
  if (size > STATUSPAGE_FIELDS_MAX_BYTES) {
    const field = Object.keys(sent).includes('metadata') ? 'metadata' : Object.keys(sent)[0]!
    throw invalidField(
      field,
      `Statuspage fields take at most ${STATUSPAGE_FIELDS_MAX_BYTES} bytes of JSON; these take ${size}.`,
    )
  }
  return merged
}

/**
 * Applies `sent` to the incident as planned (`next`) and returns the statement that stores
 * the result, for the batch of the change; nothing when nothing was sent.
 */
export function planStatuspageFields(
  db: D1Database,
  next: Incident,
  sent: StatuspageFields | undefined,
): D1PreparedStatement[] {
  if (!sent || Object.keys(sent).length === 0) return []
  next.statuspageFields = mergeStatuspageFields(next.statuspageFields, sent)
  return [setStatuspageFieldsRow(db, next.id, next.statuspageFields)]
}

/**
 * Keeps Statuspage fields sent alone (a PATCH that changes nothing else): merged into the
 * incident's, audited, no update posted and nobody told.
 */
export async function keepStatuspageFields(
  ctx: VerbContext,
  id: string,
  sent: StatuspageFields,
): Promise<Incident> {
  const incident = await getIncidentOfAnyKind(ctx.db, id)
  const statements = planStatuspageFields(ctx.db, incident, sent)
  if (statements.length === 0) return incident
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    ...statements,
    insertAudit(
      ctx.db,
      ctx.actor,
      `${incident.kind}.update`,
      { type: incident.kind, id },
      sent,
      at,
    ),
  ])
  return incident
}
