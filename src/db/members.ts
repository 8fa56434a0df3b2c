import type { Member, MemberRole, MemberLinkPurpose } from '../domain/members'

interface MemberRow {
  id: string
  email: string
  name: string | null
  role: MemberRole
  status: 'invited' | 'active'
  created_at: string
  updated_at: string
  last_sign_in_at: string | null
}

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSignInAt: row.last_sign_in_at,
  }
}

/** Stores a new member. */
export function insertMember(db: D1Database, m: Member): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO members (id, email, name, role, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(m.id, m.email, m.name, m.role, m.status, m.createdAt, m.updatedAt)
}

/** Stores this member only when there is no member at all (the first owner). */
export function insertFirstMember(db: D1Database, m: Member): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO members (id, email, name, role, status, created_at, updated_at)
       SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM members)`,
    )
    .bind(m.id, m.email, m.name, m.role, m.status, m.createdAt, m.updatedAt)
}

/** Whether any member exists. */
export async function anyMember(db: D1Database): Promise<boolean> {
  return (await db.prepare('SELECT 1 AS x FROM members LIMIT 1').first()) !== null
}

export async function selectMember(db: D1Database, id: string): Promise<Member | null> {
  const row = await db.prepare('SELECT * FROM members WHERE id = ?').bind(id).first<MemberRow>()
  return row ? toMember(row) : null
}

/** The member with this address (case-insensitive), if any. */
export async function selectMemberByEmail(db: D1Database, email: string): Promise<Member | null> {
  const row = await db
    .prepare('SELECT * FROM members WHERE email = ?')
    .bind(email)
    .first<MemberRow>()
  return row ? toMember(row) : null
}

export async function selectMembers(db: D1Database): Promise<Member[]> {
  const { results } = await db
    .prepare('SELECT * FROM members ORDER BY created_at, id')
    .all<MemberRow>()
  return results.map(toMember)
}

/** Another owner than `id` exists (SQL fragment guarding the last owner). */
const ANOTHER_OWNER = `EXISTS (SELECT 1 FROM members o WHERE o.role = 'owner' AND o.id != ?1)`

/**
 * Changes a member's role and name; refused (no change) when it would demote the last owner.
 * `name` undefined keeps the name.
 */
export function updateMember(
  db: D1Database,
  id: string,
  change: { role: MemberRole; name: string | null; keepName: boolean },
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE members SET role = ?2, name = CASE WHEN ?4 THEN name ELSE ?3 END, updated_at = ?5
       WHERE id = ?1 AND (role != 'owner' OR ?2 = 'owner' OR ${ANOTHER_OWNER})`,
    )
    .bind(id, change.role, change.name, change.keepName ? 1 : 0, at)
}

/** Removes a member unless it is the last owner. */
export function deleteMember(db: D1Database, id: string): D1PreparedStatement {
  return db
    .prepare(`DELETE FROM members WHERE id = ?1 AND (role != 'owner' OR ${ANOTHER_OWNER})`)
    .bind(id)
}

/** Records a sign-in of the member. */
export function recordSignIn(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db.prepare('UPDATE members SET last_sign_in_at = ? WHERE id = ?').bind(at, id)
}

/** Marks an invited member active. */
export function activateMember(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE members SET status = 'active', updated_at = ? WHERE id = ? AND status = 'invited'`,
    )
    .bind(at, id)
}

/** Drops a member's invitation links not used yet (a new invitation replaces them). */
export function deleteUnusedInvitations(db: D1Database, memberId: string): D1PreparedStatement {
  return db
    .prepare(
      `DELETE FROM member_links WHERE member_id = ? AND purpose = 'invite' AND used_at IS NULL`,
    )
    .bind(memberId)
}

/** Stores the hash of an emailed link. */
export function insertMemberLink(
  db: D1Database,
  link: {
    tokenHash: string
    memberId: string
    purpose: MemberLinkPurpose
    createdAt: string
    expiresAt: string
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO member_links (token_hash, member_id, purpose, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .bind(link.tokenHash, link.memberId, link.purpose, link.createdAt, link.expiresAt)
}

/** An emailed link by the hash of its token, with its member's address. */
export async function selectMemberLink(
  db: D1Database,
  tokenHash: string,
): Promise<{
  memberId: string
  email: string
  purpose: MemberLinkPurpose
  expiresAt: string
  usedAt: string | null
} | null> {
  const row = await db
    .prepare(
      `SELECT l.member_id, m.email, l.purpose, l.expires_at, l.used_at FROM member_links l
       JOIN members m ON m.id = l.member_id WHERE l.token_hash = ?`,
    )
    .bind(tokenHash)
    .first<{
      member_id: string
      email: string
      purpose: MemberLinkPurpose
      expires_at: string
      used_at: string | null
    }>()
  return row
    ? {
        memberId: row.member_id,
        email: row.email,
        purpose: row.purpose,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
      }
    : null
}

/** Uses a link once: only an unused, unexpired link changes (check `meta.changes`). */
export function useMemberLink(db: D1Database, tokenHash: string, at: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE member_links SET used_at = ?1 WHERE token_hash = ?2 AND used_at IS NULL
       AND expires_at > ?1`,
    )
    .bind(at, tokenHash)
}

/** Member links that expired before `before`, oldest first, at most `limit`. */
export function deleteExpiredMemberLinks(
  db: D1Database,
  before: string,
  limit: number,
): D1PreparedStatement {
  return db
    .prepare(
      `DELETE FROM member_links WHERE token_hash IN
         (SELECT token_hash FROM member_links WHERE expires_at < ? ORDER BY expires_at LIMIT ?)`,
    )
    .bind(before, limit)
}

/** How many sign-in links a member was sent since `since`. */
export async function countRecentSignInLinks(
  db: D1Database,
  memberId: string,
  since: string,
): Promise<number> {
  const row = await db
    .prepare(
      `SELECT COUNT(*) AS n FROM member_links WHERE member_id = ? AND purpose = 'sign_in'
       AND created_at > ?`,
    )
    .bind(memberId, since)
    .first<{ n: number }>()
  return row?.n ?? 0
}
