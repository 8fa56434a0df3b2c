/** The public URLs that carry link tokens (subscription pages). */

export type LinkPurpose = 'confirm' | 'manage' | 'unsubscribe'

/** `/subscriptions/{purpose}/{token}` under the base URL. */
export function linkUrl(baseUrl: string, purpose: LinkPurpose, token: string): string {
  return `${baseUrl}/subscriptions/${purpose}/${encodeURIComponent(token)}`
}

/** How long each kind of link works. */
export const LINK_TTL_MS: Record<LinkPurpose, number> = {
  confirm: 48 * 3_600_000,
  manage: 90 * 86_400_000,
  unsubscribe: 90 * 86_400_000,
}
