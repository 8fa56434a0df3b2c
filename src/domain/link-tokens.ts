import { insertLinkToken, insertLinkTokens, selectLinkToken } from '../db/link-tokens'
import { randomSecret, sha256Hex } from '../lib/ids'
import { LINK_TTL_MS, linkUrl, type LinkPurpose } from './link-purpose'

/**
 * A new random single-purpose link token: the token (for the URL), its URL, and the statement
 * that stores its hash — to be run in the same batch as whatever sends the link.
 */
export async function issueLinkToken(
  db: D1Database,
  subscriberId: string,
  purpose: LinkPurpose,
  baseUrl: string,
  now: Date,
): Promise<{ token: string; url: string; statement: D1PreparedStatement }> {
  const token = randomSecret(24)
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS[purpose]).toISOString()
  const statement = insertLinkToken(
    db,
    await sha256Hex(token),
    subscriberId,
    purpose,
    now.toISOString(),
    expiresAt,
  )
  return { token, url: linkUrl(baseUrl, purpose, token), statement }
}

/** issueLinkToken for many subscribers at once: their tokens and URLs, and one statement. */
export async function issueLinkTokens(
  db: D1Database,
  subscriberIds: string[],
  purpose: LinkPurpose,
  baseUrl: string,
  now: Date,
): Promise<{
  links: { subscriberId: string; token: string; url: string }[]
  statement: D1PreparedStatement
}> {
  const links = subscriberIds.map((subscriberId) => {
    const token = randomSecret(24)
    return { subscriberId, token, url: linkUrl(baseUrl, purpose, token) }
  })
  const hashed = await Promise.all(
    links.map(async (l) => ({ tokenHash: await sha256Hex(l.token), subscriberId: l.subscriberId })),
  )
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS[purpose]).toISOString()
  return {
    links,
    statement: insertLinkTokens(db, hashed, purpose, now.toISOString(), expiresAt),
  }
}

/**
 * The subscriber a link token stands for, if the token exists, has this purpose and has not
 * expired (confirm tokens also work only once). Null otherwise.
 */
export async function resolveLinkToken(
  db: D1Database,
  token: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<{ subscriberId: string; tokenHash: string } | null> {
  const tokenHash = await sha256Hex(token)
  const row = await selectLinkToken(db, tokenHash)
  if (!row || row.purpose !== purpose) return null
  if (Date.parse(row.expiresAt) <= now.getTime()) return null
  if (purpose === 'confirm' && row.usedAt) return null
  return { subscriberId: row.subscriberId, tokenHash }
}
