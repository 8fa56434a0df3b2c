import type { NewMail } from '../db/transactional-mail'
import { newId } from '../lib/ids'
import type { MemberLinkPurpose } from './members'

/** What a member link mail's row keeps: the link and what kind of link it is. */
export interface MemberLinkParams {
  url: string
  purpose: MemberLinkPurpose
}

/**
 * The transactional-mail row of an invitation or sign-in link, written in the same batch as
 * the link's hash; not worth sending after the link expires.
 */
export function memberLinkMail(
  to: string,
  purpose: MemberLinkPurpose,
  url: string,
  expiresAt: string,
): NewMail {
  const params: MemberLinkParams = { url, purpose }
  return {
    id: newId(20),
    template: 'member_link',
    recipient: to,
    params: { ...params },
    expiresAt,
  }
}
