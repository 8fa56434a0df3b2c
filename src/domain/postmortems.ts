import { insertAudit } from '../db/audit'
import { selectIncident } from '../db/incidents'
import { insertOutbox } from '../db/outbox'
import {
  deletePostmortemRow,
  selectPostmortem,
  selectPublishedPostmortems,
  setIncidentStatusRow,
  upsertPostmortemRow,
} from '../db/postmortems'
import { newId } from '../lib/ids'
import { renderMarkdown } from '../lib/markdown'
import type { VerbContext } from './context'
import { CandorError, notFound } from './errors'
import { isClosedStatus, type Actor, type Incident } from './types'

export type PostmortemState = 'draft' | 'published'

/**
 * An incident's postmortem, in markdown. `bodyDraft` is what editors work on; `body` is the
 * text last published, shown to readers while `state` is `published`.
 */
export interface Postmortem {
  incidentId: string
  state: PostmortemState
  bodyDraft: string
  bodyDraftUpdatedAt: string
  body: string | null
  bodyUpdatedAt: string | null
  publishedAt: string | null
  /** Whether subscribers were told when it was last published. */
  notifySubscribers: boolean
  /** The incident's status before publishing set it to `postmortem`. */
  statusBefore: string | null
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
}

/** A published postmortem as readers get it: rendered and sanitised, ready for a page or feed. */
export interface PublishedPostmortem {
  incidentId: string
  /** The published markdown, for plain-text uses. */
  body: string
  html: string
  publishedAt: string
}

/** The longest postmortem accepted, in characters (its request stays within the 64 KB body limit). */
export const POSTMORTEM_MAX_LENGTH = 30_000

/** The name written beside a change: the member's address, else the token's id. */
function who(actor: Actor): string {
  return actor.member?.email ?? actor.id
}

/** The incident a postmortem belongs to: an incident (not a maintenance) that exists. */
async function incidentFor(db: D1Database, incidentId: string): Promise<Incident> {
  const incident = await selectIncident(db, incidentId)
  if (!incident || incident.kind !== 'incident') throw notFound('incident', incidentId)
  return incident
}

async function existing(db: D1Database, incidentId: string): Promise<Postmortem> {
  const postmortem = await selectPostmortem(db, incidentId)
  if (!postmortem) throw notFound('postmortem of incident', incidentId)
  return postmortem
}

/** The incident's postmortem (draft or published). 404 when it has none. */
export async function getPostmortem(db: D1Database, incidentId: string): Promise<Postmortem> {
  await incidentFor(db, incidentId)
  return existing(db, incidentId)
}

/** The incident's postmortem, or null when it has none yet (404 for an unknown incident). */
export async function findPostmortem(
  db: D1Database,
  incidentId: string,
): Promise<Postmortem | null> {
  await incidentFor(db, incidentId)
  return selectPostmortem(db, incidentId)
}

function checkBody(body: string): string {
  if (body.trim() === '') {
    throw new CandorError('validation_failed', 'Write the postmortem first.', [
      { path: 'body', message: 'Write the postmortem first.' },
    ])
  }
  if (body.length > POSTMORTEM_MAX_LENGTH) {
    throw new CandorError('validation_failed', 'The postmortem is too long.', [
      { path: 'body', message: `At most ${POSTMORTEM_MAX_LENGTH} characters.` },
    ])
  }
  return body
}

/**
 * Saves the draft (creating the postmortem if it has none). A published postmortem stays as
 * published until the draft is published again.
 */
export async function savePostmortemDraft(
  ctx: VerbContext,
  incidentId: string,
  input: { body: string },
): Promise<Postmortem> {
  await incidentFor(ctx.db, incidentId)
  const body = checkBody(input.body)
  const now = ctx.now.toISOString()
  const before = await selectPostmortem(ctx.db, incidentId)
  const next: Postmortem = {
    incidentId,
    state: before?.state ?? 'draft',
    bodyDraft: body,
    bodyDraftUpdatedAt: now,
    body: before?.body ?? null,
    bodyUpdatedAt: before?.bodyUpdatedAt ?? null,
    publishedAt: before?.publishedAt ?? null,
    notifySubscribers: before?.notifySubscribers ?? false,
    statusBefore: before?.statusBefore ?? null,
    createdAt: before?.createdAt ?? now,
    createdBy: before?.createdBy ?? who(ctx.actor),
    updatedAt: now,
    updatedBy: who(ctx.actor),
  }
  await ctx.db.batch([
    upsertPostmortemRow(ctx.db, next),
    insertAudit(
      ctx.db,
      ctx.actor,
      before ? 'postmortem.update' : 'postmortem.create',
      { type: 'incident', id: incidentId },
      { length: body.length },
      now,
    ),
  ])
  return next
}

/**
 * Publishes the draft: readers see it on the incident page and in the feeds, the incident's
 * status becomes `postmortem`, and with `notifySubscribers` everyone following the incident is
 * told (an `incident.postmortem` event). 409 while the incident is open or still a draft.
 */
export async function publishPostmortem(
  ctx: VerbContext,
  incidentId: string,
  input: { notifySubscribers: boolean },
): Promise<Postmortem> {
  const incident = await incidentFor(ctx.db, incidentId)
  const before = await existing(ctx.db, incidentId)
  if (incident.isDraft) {
    throw new CandorError('conflict', 'Publish the incident before its postmortem.')
  }
  if (!isClosedStatus(incident.status)) {
    throw new CandorError('conflict', 'Resolve the incident before publishing its postmortem.')
  }
  const now = ctx.now.toISOString()
  const movesStatus = incident.status !== 'postmortem'
  const next: Postmortem = {
    ...before,
    state: 'published',
    body: before.bodyDraft,
    bodyUpdatedAt: now,
    publishedAt: now,
    notifySubscribers: input.notifySubscribers,
    statusBefore: movesStatus ? incident.status : before.statusBefore,
    updatedAt: now,
    updatedBy: who(ctx.actor),
  }
  const statements: D1PreparedStatement[] = [upsertPostmortemRow(ctx.db, next)]
  if (movesStatus) {
    statements.push(setIncidentStatusRow(ctx.db, incidentId, incident.status, 'postmortem', now))
  }
  if (input.notifySubscribers) {
    statements.push(
      insertOutbox(ctx.db, {
        id: newId(16),
        eventType: 'incident.postmortem',
        incidentId,
        updateId: null,
        componentId: null,
        payload: { status: 'postmortem', base_url: ctx.baseUrl ?? null },
        createdAt: now,
      }),
    )
  }
  statements.push(
    insertAudit(
      ctx.db,
      ctx.actor,
      'postmortem.publish',
      { type: 'incident', id: incidentId },
      { notify_subscribers: input.notifySubscribers },
      now,
    ),
  )
  await ctx.db.batch(statements)
  return next
}

/**
 * Takes a published postmortem off the page and back to a draft (its text kept), and gives
 * the incident back the status it had before. 409 when it is not published.
 */
export async function revertPostmortem(ctx: VerbContext, incidentId: string): Promise<Postmortem> {
  const incident = await incidentFor(ctx.db, incidentId)
  const before = await existing(ctx.db, incidentId)
  if (before.state !== 'published') {
    throw new CandorError('conflict', 'This postmortem is not published.')
  }
  const now = ctx.now.toISOString()
  const next: Postmortem = {
    ...before,
    state: 'draft',
    publishedAt: null,
    statusBefore: null,
    updatedAt: now,
    updatedBy: who(ctx.actor),
  }
  await ctx.db.batch([
    upsertPostmortemRow(ctx.db, next),
    ...restoreStatus(ctx.db, incident, before, now),
    insertAudit(
      ctx.db,
      ctx.actor,
      'postmortem.revert',
      { type: 'incident', id: incidentId },
      {},
      now,
    ),
  ])
  return next
}

/** Deletes the postmortem (a published one leaves the page, the incident's status restored). */
export async function deletePostmortem(ctx: VerbContext, incidentId: string): Promise<void> {
  const incident = await incidentFor(ctx.db, incidentId)
  const before = await existing(ctx.db, incidentId)
  const now = ctx.now.toISOString()
  await ctx.db.batch([
    deletePostmortemRow(ctx.db, incidentId),
    ...restoreStatus(ctx.db, incident, before, now),
    insertAudit(
      ctx.db,
      ctx.actor,
      'postmortem.delete',
      { type: 'incident', id: incidentId },
      { state: before.state },
      now,
    ),
  ])
}

/** The status publishing replaced, put back (only while the incident still shows `postmortem`). */
function restoreStatus(
  db: D1Database,
  incident: Incident,
  postmortem: Postmortem,
  now: string,
): D1PreparedStatement[] {
  if (postmortem.state !== 'published' || !postmortem.statusBefore) return []
  if (incident.status !== 'postmortem') return []
  return [setIncidentStatusRow(db, incident.id, 'postmortem', postmortem.statusBefore, now)]
}

/** The markdown rendered and sanitised (a draft's preview, or the published text). */
export function renderPostmortem(markdown: string): string {
  return renderMarkdown(markdown)
}

/** What readers see of a published postmortem; null for a draft. */
export function publishedView(p: Postmortem): PublishedPostmortem | null {
  if (p.state !== 'published' || p.body === null || p.publishedAt === null) return null
  return {
    incidentId: p.incidentId,
    body: p.body,
    html: renderMarkdown(p.body),
    publishedAt: p.publishedAt,
  }
}

/** The published postmortems of these incidents, by incident id, as kept (one query). */
export async function publishedPostmortemsOf(
  db: D1Database,
  incidentIds: string[],
): Promise<Map<string, Postmortem>> {
  const found = await selectPublishedPostmortems(db, incidentIds)
  return new Map(found.map((p) => [p.incidentId, p]))
}

/** The published postmortems of these incidents, by incident id, rendered. */
export async function loadPublishedPostmortems(
  db: D1Database,
  incidentIds: string[],
): Promise<Record<string, PublishedPostmortem>> {
  const found: Record<string, PublishedPostmortem> = {}
  for (const p of await selectPublishedPostmortems(db, incidentIds)) {
    const view = publishedView(p)
    if (view) found[p.incidentId] = view
  }
  return found
}
