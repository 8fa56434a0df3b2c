import {
  insertIncidentLinkToken,
  markIncidentLinkTokenUsed,
  selectIncidentLinkToken,
} from '../db/resolution'
import { randomSecret, sha256Hex } from '../lib/ids'
import type { VerbContext } from './context'
import { CandorError } from './errors'
import { getIncident, postIncidentUpdate } from './incidents'
import { REOPEN_LINK_TTL_MS } from './resolution-check'
import {
  isClosedStatus,
  type Actor,
  type ComponentStatus,
  type Incident,
  type IncidentUpdate,
} from './types'

/** What a reopen says when ops give no text of their own. */
export const DEFAULT_REOPEN_BODY =
  'Customers report that this is still broken. We have reopened the incident and are investigating again.'

/** Who reopens through an ops alert's one-click link, as the audit log records it. */
export const REOPEN_LINK_ACTOR: Actor = { id: 'reopen-link', scopes: ['write'] }

/**
 * The status each of the incident's components had last while it was open: what it asserts
 * now, unless resolving set it to operational, in which case the newest non-operational status
 * an update gave it. Components it never took down are left out.
 */
export function lastIncidentStatuses(incident: Incident): Record<string, ComponentStatus> {
  const statuses: Record<string, ComponentStatus> = {}
  for (const { componentId, status } of incident.componentStatuses) {
    if (status !== 'operational') {
      statuses[componentId] = status
      continue
    }
    // Updates are newest first.
    for (const update of incident.updates) {
      const change = update.affectedComponents.find(
        (a) => a.code === componentId && a.new_status !== 'operational',
      )
      if (change) {
        statuses[componentId] = change.new_status
        break
      }
    }
  }
  return statuses
}

function checkReopenable(incident: Incident): void {
  if (incident.status === 'postmortem') {
    throw new CandorError('conflict', 'A postmortem is final; open a new incident instead.')
  }
  if (!isClosedStatus(incident.status)) {
    throw new CandorError('conflict', 'This incident is not resolved; it is open already.', {
      status: incident.status,
    })
  }
}

/**
 * Reopens a resolved incident in one step: an `investigating` update (announced like any
 * other) that puts its components back to the statuses they last had in it.
 */
export async function reopenIncident(
  ctx: VerbContext,
  id: string,
  input: { body?: string },
  extraStatements: () => D1PreparedStatement[] = () => [],
): Promise<{ update: IncidentUpdate; incident: Incident }> {
  const current = await getIncident(ctx.db, id, 'incident')
  checkReopenable(current)
  return postIncidentUpdate(
    ctx,
    id,
    'incident',
    {
      status: 'investigating',
      body: input.body ?? DEFAULT_REOPEN_BODY,
      components: lastIncidentStatuses(current),
    },
    // Restored by Candor, not chosen: another open incident's worse status stands.
    { alsoWrite: extraStatements, keepWorseHeld: true },
  )
}

/** `/reopen/{token}` under the base URL. */
export function reopenLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/reopen/${encodeURIComponent(token)}`
}

/**
 * A one-click reopen link for an ops alert, valid 7 days and once: its URL and the statement
 * that stores its hash, to be run in the same batch as whatever sends the alert.
 */
export async function issueReopenLink(
  db: D1Database,
  incidentId: string,
  baseUrl: string,
  now: Date,
): Promise<{ url: string; statement: D1PreparedStatement }> {
  const token = randomSecret(24)
  const statement = insertIncidentLinkToken(
    db,
    { tokenHash: await sha256Hex(token), purpose: 'reopen', incidentId, subscriberId: null },
    now.toISOString(),
    new Date(now.getTime() + REOPEN_LINK_TTL_MS).toISOString(),
  )
  return { url: reopenLinkUrl(baseUrl, token), statement }
}

/** Why a reopen link does nothing: unknown, expired or used, or its incident is not resolved. */
export type ReopenLinkOutcome =
  { ok: true; incident: Incident } | { ok: false; reason: 'unknown' | 'expired' | 'open' }

/** The incident a reopen link would reopen, if the link works and the incident is resolved. */
export async function viewReopenLink(
  db: D1Database,
  token: string,
  now: Date,
): Promise<ReopenLinkOutcome> {
  const row = await selectIncidentLinkToken(db, await sha256Hex(token))
  if (!row || row.purpose !== 'reopen') return { ok: false, reason: 'unknown' }
  if (row.usedAt || Date.parse(row.expiresAt) <= now.getTime()) {
    return { ok: false, reason: 'expired' }
  }
  const incident = await getIncident(db, row.incidentId, 'incident').catch(() => null)
  if (!incident) return { ok: false, reason: 'unknown' }
  if (!isClosedStatus(incident.status) || incident.status === 'postmortem') {
    return { ok: false, reason: 'open' }
  }
  return { ok: true, incident }
}

/**
 * Reopens through a link (its page's button): the link is used up in the same batch, and the
 * audit log names the reopen link as the actor.
 */
export async function reopenByLink(
  ctx: Omit<VerbContext, 'actor'>,
  token: string,
): Promise<ReopenLinkOutcome> {
  const outcome = await viewReopenLink(ctx.db, token, ctx.now)
  if (!outcome.ok) return outcome
  const tokenHash = await sha256Hex(token)
  const { incident } = await reopenIncident(
    { ...ctx, actor: REOPEN_LINK_ACTOR },
    outcome.incident.id,
    {},
    () => [markIncidentLinkTokenUsed(ctx.db, tokenHash, ctx.now.toISOString())],
  )
  return { ok: true, incident }
}
