/**
 * The Message-ID (without angle brackets) of the mail with this id — a delivery's or a
 * transactional mail's: `<id>@<host of PUBLIC_URL>`, or `<id>@candor` without one. Every send
 * of the same mail carries the same id, so a resend after a lost answer is recognisable as one.
 */
export function stableMessageId(id: string, env: { PUBLIC_URL?: string }): string {
  let host = 'candor'
  try {
    if (env.PUBLIC_URL) host = new URL(env.PUBLIC_URL).hostname || host
  } catch {
    // an unreadable PUBLIC_URL leaves the default
  }
  return `${id}@${host}`
}
