import { selectArea } from '../db/areas'
import { insertAuditIfChanged } from '../db/audit'
import { selectIncident } from '../db/incidents'
import { selectVoterSalt } from '../db/page'
import {
  insertAffectedReport,
  insertIncidentLinkTokens,
  selectIncidentLinkToken,
  upsertResolutionVote,
} from '../db/resolution'
import { randomSecret, sha256Hex } from '../lib/ids'
import { ensurePage } from './page'
import { CandorError, invalidField, notFound } from './errors'
import { ANSWER_LINK_TTL_MS, pageAnswersOpen } from './resolution-check'
import { isClosedStatus, type Actor, type Incident, type ResolutionChoice } from './types'

/** What the public answer verbs need: the database and the clock. */
export interface PublicWriteContext {
  db: D1Database
  now: Date
}

/** The result of following a link: its value, or why it does not work. */
export type AnswerLinkOutcome<T> =
  { ok: true; value: T } | { ok: false; reason: 'unknown' | 'expired' | 'reopened' }

/** A subscriber's answer link, as its page shows it. */
export interface AnswerLink {
  incident: Incident
  choice: ResolutionChoice
  subscriberId: string
  /** After answering: whether the answer changed anything (the same answer again does not). */
  changed?: boolean
}

/** `/resolution/{token}` under the base URL. */
export function answerLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/resolution/${encodeURIComponent(token)}`
}

/**
 * Both answer links of a resolution email for each subscriber ("fixed for me", "still
 * broken"), and the one statement storing their hashes — run before the emails are sent.
 */
export async function issueAnswerLinks(
  db: D1Database,
  incidentId: string,
  subscriberIds: string[],
  baseUrl: string,
  now: Date,
): Promise<{
  links: Map<string, { fixed: string; stillBroken: string }>
  statement: D1PreparedStatement | null
}> {
  const links = new Map<string, { fixed: string; stillBroken: string }>()
  const rows: [string, ResolutionChoice, string, string][] = []
  for (const subscriberId of subscriberIds) {
    const fixed = randomSecret(24)
    const stillBroken = randomSecret(24)
    rows.push([await sha256Hex(fixed), 'fixed', incidentId, subscriberId])
    rows.push([await sha256Hex(stillBroken), 'still_broken', incidentId, subscriberId])
    links.set(subscriberId, {
      fixed: answerLinkUrl(baseUrl, fixed),
      stillBroken: answerLinkUrl(baseUrl, stillBroken),
    })
  }
  if (rows.length === 0) return { links, statement: null }
  const expiresAt = new Date(now.getTime() + ANSWER_LINK_TTL_MS).toISOString()
  return {
    links,
    statement: insertIncidentLinkTokens(db, rows, now.toISOString(), expiresAt),
  }
}

/** What an answer link stands for, if it is one, works, and its incident is still resolved. */
export async function viewAnswerLink(
  db: D1Database,
  token: string,
  now: Date,
): Promise<AnswerLinkOutcome<AnswerLink>> {
  const row = await selectIncidentLinkToken(db, await sha256Hex(token))
  if (!row || row.purpose === 'reopen' || !row.subscriberId) return { ok: false, reason: 'unknown' }
  if (Date.parse(row.expiresAt) <= now.getTime()) return { ok: false, reason: 'expired' }
  const incident = await selectIncident(db, row.incidentId)
  if (!incident) return { ok: false, reason: 'unknown' }
  if (!isClosedStatus(incident.status)) return { ok: false, reason: 'reopened' }
  return { ok: true, value: { incident, choice: row.purpose, subscriberId: row.subscriberId } }
}

/**
 * The answer a link carries, given by pressing its page's button: recorded as the
 * subscriber's one answer for the incident (replacing an earlier one), with its audit row.
 */
export async function answerByLink(
  ctx: PublicWriteContext,
  token: string,
): Promise<AnswerLinkOutcome<AnswerLink>> {
  const outcome = await viewAnswerLink(ctx.db, token, ctx.now)
  if (!outcome.ok) return outcome
  const { incident, choice, subscriberId } = outcome.value
  const at = ctx.now.toISOString()
  const actor: Actor = { id: `subscriber:${subscriberId}`, scopes: [] }
  const [vote] = await ctx.db.batch([
    upsertResolutionVote(
      ctx.db,
      {
        incidentId: incident.id,
        voterKey: `subscriber:${subscriberId}`,
        subscriberId,
        choice,
        areaId: null,
      },
      at,
    ),
    // The same answer again changes nothing, so it leaves no audit line either.
    insertAuditIfChanged(
      ctx.db,
      actor,
      'resolution.answer',
      { type: 'incident', id: incident.id },
      { choice },
      at,
    ),
  ])
  return { ok: true, value: { ...outcome.value, changed: (vote?.meta.changes ?? 0) > 0 } }
}

/**
 * "ip:" and a salted hash of the address and the incident: counts a reader once per incident
 * without keeping the address, and without linking one reader's answers across incidents.
 */
async function readerKey(db: D1Database, ip: string, incidentId: string, now: Date) {
  await ensurePage(db, now)
  const salt = (await selectVoterSalt(db)) ?? ''
  return `ip:${await sha256Hex(`${salt}:${incidentId}:${ip}`)}`
}

async function checkedArea(db: D1Database, areaId: string | null): Promise<string | null> {
  if (!areaId) return null
  if (!(await selectArea(db, areaId))) throw invalidField('area', `No area with id "${areaId}".`)
  return areaId
}

const READER: Actor = { id: 'reader', scopes: [] }

/** An incident readers can see (published), or 404: what page answers and reports are about. */
async function publishedIncident(db: D1Database, id: string): Promise<Incident> {
  const incident = await selectIncident(db, id)
  if (!incident || incident.kind !== 'incident' || incident.isDraft) throw notFound('incident', id)
  return incident
}

/**
 * A reader's answer from the incident page, open for 48 hours after resolution: one per IP
 * address and incident (answering again changes it), optionally naming an area. `changed` is
 * false when it repeats the reader's current answer.
 */
export async function answerOnPage(
  ctx: PublicWriteContext,
  input: { incidentId: string; choice: ResolutionChoice; ip: string; areaId: string | null },
): Promise<{ incident: Incident; changed: boolean }> {
  const incident = await publishedIncident(ctx.db, input.incidentId)
  if (!pageAnswersOpen(incident, ctx.now)) {
    throw new CandorError(
      'conflict',
      'Answers on this page are taken for 48 hours after an incident is resolved.',
    )
  }
  const areaId = await checkedArea(ctx.db, input.areaId)
  const at = ctx.now.toISOString()
  const [vote] = await ctx.db.batch([
    upsertResolutionVote(
      ctx.db,
      {
        incidentId: incident.id,
        voterKey: await readerKey(ctx.db, input.ip, incident.id, ctx.now),
        subscriberId: null,
        choice: input.choice,
        areaId,
      },
      at,
    ),
    insertAuditIfChanged(
      ctx.db,
      READER,
      'resolution.answer',
      { type: 'incident', id: incident.id },
      { choice: input.choice, area_id: areaId },
      at,
    ),
  ])
  return { incident, changed: (vote?.meta.changes ?? 0) > 0 }
}

/**
 * "I'm affected" from the page of an open incident: counted once per IP address and incident,
 * optionally naming an area. Returns whether this report was new.
 */
export async function reportAffected(
  ctx: PublicWriteContext,
  input: { incidentId: string; ip: string; areaId: string | null },
): Promise<{ incident: Incident; counted: boolean }> {
  const incident = await publishedIncident(ctx.db, input.incidentId)
  if (isClosedStatus(incident.status)) {
    throw new CandorError('conflict', 'This incident is resolved; reports are closed.')
  }
  const areaId = await checkedArea(ctx.db, input.areaId)
  const at = ctx.now.toISOString()
  const [insert] = await ctx.db.batch([
    insertAffectedReport(
      ctx.db,
      {
        incidentId: incident.id,
        voterKey: await readerKey(ctx.db, input.ip, incident.id, ctx.now),
        areaId,
      },
      at,
    ),
    // A repeat changes nothing, so it leaves no audit line either.
    insertAuditIfChanged(
      ctx.db,
      READER,
      'incident.affected_report',
      { type: 'incident', id: incident.id },
      { area_id: areaId },
      at,
    ),
  ])
  return { incident, counted: (insert?.meta.changes ?? 0) > 0 }
}
