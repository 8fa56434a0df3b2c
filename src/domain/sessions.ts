import { insertAudit } from '../db/audit'
import {
  activateMember,
  countRecentSignInLinks,
  recordSignIn,
  selectMemberByEmail,
  selectMemberLink,
  useMemberLink,
} from '../db/members'
import {
  deleteMemberSessions,
  deleteSession,
  insertSession,
  insertSessionIfChanged,
  selectLiveSession,
  touchSession,
} from '../db/sessions'
import { randomSecret, sha256Hex } from '../lib/ids'
import {
  issueMemberLink,
  MEMBER_LINK_TTL_MS,
  memberActor,
  type Member,
  type MemberLinkPurpose,
} from './members'

/** A session ends after this long unused. */
export const SESSION_IDLE_MS = 12 * 3_600_000
/** A session ends this long after sign-in, used or not. */
export const SESSION_ABSOLUTE_MS = 7 * 86_400_000
/** Last use is recorded at most this often (idle expiry is this coarse). */
const TOUCH_EVERY_MS = 60_000

/** At most this many sign-in links per member in 15 minutes (no inbox flooding). */
export const SIGN_IN_LINKS_PER_WINDOW = 5

/** A signed-in member's session, as the console reads it. */
export interface Session {
  tokenHash: string
  csrfToken: string
  expiresAt: string
  member: Member
}

/**
 * Asks for a sign-in link: a member gets one (single-use, 15 min) through the mail queue,
 * at most SIGN_IN_LINKS_PER_WINDOW in 15 minutes; anyone else gets nothing. The caller answers the same either way. Returns the mail to enqueue.
 */
export async function requestSignIn(
  db: D1Database,
  email: string,
  baseUrl: string,
  now: Date,
): Promise<string | null> {
  const member = await selectMemberByEmail(db, email)
  if (!member) return null
  const since = new Date(now.getTime() - MEMBER_LINK_TTL_MS.sign_in).toISOString()
  if ((await countRecentSignInLinks(db, member.id, since)) >= SIGN_IN_LINKS_PER_WINDOW) return null
  const link = await issueMemberLink(db, member, 'sign_in', baseUrl, now)
  await db.batch(link.statements)
  return link.mailId
}

/** What a link in a member's email stands for right now. */
export type LinkState =
  | { state: 'ok'; email: string; purpose: MemberLinkPurpose }
  | { state: 'unknown' }
  | { state: 'used' }
  | { state: 'expired' }

function stateOf(link: Awaited<ReturnType<typeof selectMemberLink>>, now: Date): LinkState {
  if (!link) return { state: 'unknown' }
  if (link.usedAt) return { state: 'used' }
  if (Date.parse(link.expiresAt) <= now.getTime()) return { state: 'expired' }
  return { state: 'ok', email: link.email, purpose: link.purpose }
}

/** Reads a link without using it (the GET of a link signs nobody in). */
export async function inspectMemberLink(
  db: D1Database,
  token: string,
  now: Date,
): Promise<LinkState> {
  return stateOf(await selectMemberLink(db, await sha256Hex(token)), now)
}

/**
 * Signs in with a link: uses it (once), starts a session and marks an invited member active,
 * all in one batch. Returns the cookie's token, or the link's state when it cannot be used.
 */
export async function signInWithLink(
  db: D1Database,
  token: string,
  now: Date,
): Promise<{ ok: true; sessionToken: string; expiresAt: string } | { ok: false; why: LinkState }> {
  const tokenHash = await sha256Hex(token)
  const link = await selectMemberLink(db, tokenHash)
  const why = stateOf(link, now)
  if (!link || why.state !== 'ok') return { ok: false, why }
  const sessionToken = randomSecret(32)
  const at = now.toISOString()
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString()
  const results = await db.batch([
    useMemberLink(db, tokenHash, at),
    insertSessionIfChanged(db, {
      tokenHash: await sha256Hex(sessionToken),
      memberId: link.memberId,
      csrfToken: randomSecret(24),
      at,
      expiresAt,
    }),
    activateMember(db, link.memberId, at),
    recordSignIn(db, link.memberId, at),
  ])
  if (results[1]!.meta.changes !== 1) return { ok: false, why: { state: 'used' } }
  if (results[2]!.meta.changes === 1) {
    const member = await selectMemberByEmail(db, link.email)
    if (member) await auditActivation(db, member, at)
  }
  return { ok: true, sessionToken, expiresAt }
}

async function auditActivation(db: D1Database, member: Member, at: string): Promise<void> {
  await insertAudit(
    db,
    memberActor(member),
    'member.activate',
    { type: 'member', id: member.id },
    { email: member.email },
    at,
  ).run()
}

/**
 * Signs in the person a Cloudflare Access assertion names, when they are a member: a new
 * session (the caller sets its cookie), an invited member made active. Null for anyone else.
 */
export async function signInWithAccess(
  db: D1Database,
  email: string,
  now: Date,
): Promise<{ session: Session; sessionToken: string } | null> {
  const member = await selectMemberByEmail(db, email)
  if (!member) return null
  const sessionToken = randomSecret(32)
  const csrfToken = randomSecret(24)
  const tokenHash = await sha256Hex(sessionToken)
  const at = now.toISOString()
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString()
  const results = await db.batch([
    insertSession(db, { tokenHash, memberId: member.id, csrfToken, at, expiresAt }),
    activateMember(db, member.id, at),
    recordSignIn(db, member.id, at),
  ])
  if (results[0]!.meta.changes !== 1) return null
  const signedIn: Member = { ...member, status: 'active', lastSignInAt: at }
  if (results[1]!.meta.changes === 1) await auditActivation(db, signedIn, at)
  return { session: { tokenHash, csrfToken, expiresAt, member: signedIn }, sessionToken }
}

/**
 * The live session a cookie's token opens: not past its absolute expiry, used within the idle
 * window, its member still there and active. Records the use.
 */
export async function lookUpSession(
  db: D1Database,
  sessionToken: string,
  now: Date,
): Promise<Session | null> {
  const tokenHash = await sha256Hex(sessionToken)
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS).toISOString()
  const row = await selectLiveSession(db, tokenHash, now.toISOString(), idleSince)
  if (!row) return null
  if (now.getTime() - Date.parse(row.lastSeenAt) >= TOUCH_EVERY_MS) {
    await touchSession(db, tokenHash, now.toISOString()).run()
  }
  return {
    tokenHash: row.tokenHash,
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
    member: row.member,
  }
}

/** Ends this session. */
export async function signOut(db: D1Database, session: Session): Promise<void> {
  await deleteSession(db, session.tokenHash).run()
}

/** Ends every session of this session's member, this one included. */
export async function signOutEverywhere(db: D1Database, session: Session): Promise<void> {
  await deleteMemberSessions(db, session.member.id).run()
}

/**
 * A new session for a member, as a statement for a batch: written only when the statement
 * just before it changed a row (what the sign-in used, used just now) and the member exists.
 * Returns the cookie's token and the absolute expiry with it.
 */
export async function sessionAfter(
  db: D1Database,
  memberId: string,
  now: Date,
): Promise<{ statement: D1PreparedStatement; sessionToken: string; expiresAt: string }> {
  const sessionToken = randomSecret(32)
  const at = now.toISOString()
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString()
  const statement = insertSessionIfChanged(db, {
    tokenHash: await sha256Hex(sessionToken),
    memberId,
    csrfToken: randomSecret(24),
    at,
    expiresAt,
  })
  return { statement, sessionToken, expiresAt }
}
