import { insertAudit, insertAuditIfChanged } from '../db/audit'
import {
  anyMember,
  deleteMember,
  deleteUnusedInvitations,
  insertFirstMember,
  insertMember,
  insertMemberLink,
  selectMember,
  selectMemberByEmail,
  selectMembers,
  updateMember,
} from '../db/members'
import { deleteSessionsOfRemoved } from '../db/sessions'
import { revokeTokensOfRemovable } from '../db/tokens'
import { insertMails } from '../db/transactional-mail'
import { newId, randomSecret, sha256Hex } from '../lib/ids'
import type { VerbContext } from './context'
import { CandorError, notFound } from './errors'
import { memberLinkMail } from './member-mail'
import type { Actor, TokenScope } from './types'

/** What a member may do (docs/console.md): everything, the page's content, or read only. */
export const MEMBER_ROLES = ['owner', 'editor', 'viewer'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

/** Why a link was mailed: an invitation (72 h) or a sign-in (15 min). Both sign in once. */
export type MemberLinkPurpose = 'invite' | 'sign_in'

/** How long each kind of member link works. */
export const MEMBER_LINK_TTL_MS: Record<MemberLinkPurpose, number> = {
  invite: 72 * 3_600_000,
  sign_in: 15 * 60_000,
}

/** A person who may sign in to the console. */
export interface Member {
  id: string
  email: string
  name: string | null
  role: MemberRole
  status: 'invited' | 'active'
  createdAt: string
  updatedAt: string
  /** When they last signed in (a link or Cloudflare Access); null until then. */
  lastSignInAt: string | null
}

/** The API scopes a role stands for (the hook the console's screens check against). */
export function roleScopes(role: MemberRole): TokenScope[] {
  return role === 'owner' ? ['owner'] : role === 'editor' ? ['write'] : ['read']
}

const ROLE_RANK: Record<MemberRole, number> = { viewer: 0, editor: 1, owner: 2 }

/** Whether a role reaches `needed` (owner ⊃ editor ⊃ viewer). */
export function roleReaches(role: MemberRole, needed: MemberRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed]
}

/** A signed-in member as the actor of what they do: their address is the audit log's actor. */
export function memberActor(member: Member): Actor {
  return {
    id: member.email,
    scopes: roleScopes(member.role),
    member: { id: member.id, email: member.email },
  }
}

/** `/console/sign-in/{token}` under the base URL: the one URL every member link opens. */
export function memberLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/console/sign-in/${encodeURIComponent(token)}`
}

/**
 * A new link for a member: its URL and the statements that store its hash and the mail that
 * carries it, to run in one batch. Returns the mail's id for the queue.
 */
export async function issueMemberLink(
  db: D1Database,
  member: Pick<Member, 'id' | 'email' | 'name'>,
  purpose: MemberLinkPurpose,
  baseUrl: string,
  now: Date,
): Promise<{ mailId: string; statements: D1PreparedStatement[] }> {
  const token = randomSecret(24)
  const at = now.toISOString()
  const expiresAt = new Date(now.getTime() + MEMBER_LINK_TTL_MS[purpose]).toISOString()
  const mail = memberLinkMail(member.email, purpose, memberLinkUrl(baseUrl, token), expiresAt)
  return {
    mailId: mail.id,
    statements: [
      insertMemberLink(db, {
        tokenHash: await sha256Hex(token),
        memberId: member.id,
        purpose,
        createdAt: at,
        expiresAt,
      }),
      insertMails(db, [mail], at),
    ],
  }
}

function isDuplicateEmail(error: unknown): boolean {
  return /UNIQUE constraint failed: members\.email/i.test(String(error))
}

function duplicate(email: string): CandorError {
  return new CandorError('conflict', `There is already a member with the address ${email}.`, {
    email,
  })
}

/**
 * Invites a person: a member, invited, and an invitation mail (a single-use link, 72 h)
 * recorded in the same batch. Returns the member and the mail to enqueue.
 */
export async function inviteMember(
  ctx: VerbContext & { baseUrl: string },
  input: { email: string; name?: string | undefined; role: MemberRole },
): Promise<{ member: Member; mailId: string }> {
  if (await selectMemberByEmail(ctx.db, input.email)) throw duplicate(input.email)
  const at = ctx.now.toISOString()
  const member: Member = {
    id: newId(),
    email: input.email,
    name: input.name ?? null,
    role: input.role,
    status: 'invited',
    createdAt: at,
    updatedAt: at,
    lastSignInAt: null,
  }
  const link = await issueMemberLink(ctx.db, member, 'invite', ctx.baseUrl, ctx.now)
  try {
    await ctx.db.batch([
      insertMember(ctx.db, member),
      ...link.statements,
      insertAudit(
        ctx.db,
        ctx.actor,
        'member.invite',
        { type: 'member', id: member.id },
        { email: member.email, name: member.name, role: member.role },
        at,
      ),
    ])
  } catch (error) {
    if (isDuplicateEmail(error)) throw duplicate(input.email)
    throw error
  }
  return { member, mailId: link.mailId }
}

export async function listMembers(db: D1Database): Promise<Member[]> {
  return selectMembers(db)
}

export async function getMember(db: D1Database, id: string): Promise<Member> {
  const member = await selectMember(db, id)
  if (!member) throw notFound('member', id)
  return member
}

function lastOwner(id: string): CandorError {
  return new CandorError('conflict', 'This is the last owner: make someone else owner first.', {
    id,
  })
}

/** Changes a member's role or name; the last owner cannot be demoted (409). */
export async function changeMember(
  ctx: VerbContext,
  id: string,
  input: { role?: MemberRole | undefined; name?: string | null | undefined },
): Promise<Member> {
  const member = await getMember(ctx.db, id)
  const at = ctx.now.toISOString()
  const role = input.role ?? member.role
  const keepName = input.name === undefined
  const [update] = await ctx.db.batch([
    updateMember(ctx.db, id, { role, name: input.name ?? null, keepName }, at),
    insertAuditIfChanged(ctx.db, ctx.actor, 'member.update', { type: 'member', id }, input, at),
  ])
  if (update!.meta.changes === 0) {
    if (!(await selectMember(ctx.db, id))) throw notFound('member', id)
    throw lastOwner(id)
  }
  return getMember(ctx.db, id)
}

/**
 * Removes a member, ends their sessions and revokes their API tokens at once; the last owner
 * stays (409).
 */
export async function removeMember(ctx: VerbContext, id: string): Promise<void> {
  const member = await getMember(ctx.db, id)
  const at = ctx.now.toISOString()
  const [, removed] = await ctx.db.batch([
    revokeTokensOfRemovable(ctx.db, id, at),
    deleteMember(ctx.db, id),
    insertAuditIfChanged(
      ctx.db,
      ctx.actor,
      'member.remove',
      { type: 'member', id },
      { email: member.email, role: member.role },
      at,
    ),
    deleteSessionsOfRemoved(ctx.db, id),
  ])
  // meta.changes also counts the rows the delete cascades to (links, sessions).
  if (removed!.meta.changes === 0) {
    if (!(await selectMember(ctx.db, id))) throw notFound('member', id)
    throw lastOwner(id)
  }
}

/**
 * Sends an invited member a fresh invitation (a new single-use link, 72 h); the links sent
 * before stop working. Refused (409) once the member is active: they sign in instead.
 */
export async function resendInvitation(
  ctx: VerbContext & { baseUrl: string },
  id: string,
): Promise<{ member: Member; mailId: string }> {
  const member = await getMember(ctx.db, id)
  if (member.status !== 'invited') {
    throw new CandorError(
      'conflict',
      `${member.email} has already accepted the invitation: they can ask for a sign-in link.`,
      { id },
    )
  }
  const link = await issueMemberLink(ctx.db, member, 'invite', ctx.baseUrl, ctx.now)
  await ctx.db.batch([
    deleteUnusedInvitations(ctx.db, id),
    ...link.statements,
    insertAudit(
      ctx.db,
      ctx.actor,
      'member.reinvite',
      { type: 'member', id },
      { email: member.email },
      ctx.now.toISOString(),
    ),
  ])
  return { member, mailId: link.mailId }
}

/** Members exist (once true, it stays true for this isolate: the check is then free). */
let membersKnown = false

/**
 * Creates the first owner (active) from `OWNER_EMAIL` when there is no member yet. Called
 * lazily by the console and the sign-in pages; one read per isolate once members exist.
 */
export async function ensureFirstOwner(
  db: D1Database,
  ownerEmail: string | undefined,
  now: Date,
): Promise<void> {
  if (membersKnown || !ownerEmail?.trim()) return
  if (await anyMember(db)) {
    membersKnown = true
    return
  }
  const at = now.toISOString()
  const member: Member = {
    id: newId(),
    email: ownerEmail.trim(),
    name: null,
    role: 'owner',
    status: 'active',
    createdAt: at,
    updatedAt: at,
    lastSignInAt: null,
  }
  await db.batch([
    insertFirstMember(db, member),
    insertAuditIfChanged(
      db,
      { id: 'OWNER_EMAIL', scopes: ['owner'] },
      'member.create_first_owner',
      { type: 'member', id: member.id },
      { email: member.email },
      at,
    ),
  ])
  membersKnown = true
}

/** Forgets that members exist (tests that empty the table). */
export function forgetMembersKnown(): void {
  membersKnown = false
}
