import type { AppEnv } from '../../env'
import { formatMailbox } from './mime-encoding'

/** Who mail comes from: the bare address (envelope) and the From header's mailbox. */
export interface Sender {
  address: string
  name?: string
  /** `Name <address>` or the bare address, ready for the From header. */
  mailbox: string
}

/**
 * The sender from `EMAIL_FROM` (`status@example.com` or `Example Status <status@example.com>`);
 * without it `status@` the host of `PUBLIC_URL`, or `status@localhost`.
 */
export function senderFromEnv(env: Pick<AppEnv, 'EMAIL_FROM' | 'PUBLIC_URL'>): Sender {
  const configured = env.EMAIL_FROM?.trim()
  if (configured) {
    const named = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(configured)
    if (named) {
      const name = named[1]!.replace(/^"(.*)"$/, '$1').trim()
      const address = named[2]!
      return name
        ? { address, name, mailbox: formatMailbox({ name, address }) }
        : { address, mailbox: address }
    }
    return { address: configured, mailbox: formatMailbox({ address: configured }) }
  }
  let host = 'localhost'
  try {
    if (env.PUBLIC_URL) host = new URL(env.PUBLIC_URL).hostname || host
  } catch {
    // an unreadable PUBLIC_URL leaves the default
  }
  const address = `status@${host}`
  return { address, mailbox: address }
}

/** Headers every message gets unless it sets them itself: all of Candor's mail is automatic. */
export function withDefaultHeaders(headers: Record<string, string>): Record<string, string> {
  const has = (name: string) => Object.keys(headers).some((k) => k.toLowerCase() === name)
  return has('auto-submitted') ? headers : { 'Auto-Submitted': 'auto-generated', ...headers }
}

/** True for an address that can be put in an SMTP command and a header as it is. */
export function isUsableAddress(address: string): boolean {
  return /^[^\s<>@\x00-\x1f\x7f]+@[^\s<>@\x00-\x1f\x7f]+$/u.test(address)
}
