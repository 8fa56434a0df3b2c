import { inject } from 'vitest'
import type {
  ReceivedMail,
  ReceivedRequest,
  ScriptedResponse,
  ScriptedSmtpAnswer,
} from '../support/global-setup'

/** The real webhook receiver and SMTP servers (the shared one, a slow one) of the global setup. */
export const receiverUrl = inject('receiverUrl')
export const smtpUrl = inject('smtpUrl')
export const slowSmtpUrl = inject('slowSmtpUrl')

/** Scripts how both SMTP servers answer the next messages to `address` (then normally). */
export async function scriptSmtp(address: string, answers: ScriptedSmtpAnswer[]): Promise<void> {
  await fetch(`${receiverUrl}/control/smtp/${encodeURIComponent(address.toLowerCase())}`, {
    method: 'PUT',
    body: JSON.stringify({ answers }),
  })
}

/** A URL on the receiver whose requests are kept under `name`. */
export function hookUrl(name: string): string {
  return `${receiverUrl}/hooks/${encodeURIComponent(name)}`
}

/** Scripts the receiver's next answers for `name` (then 200s). */
export async function scriptHook(name: string, responses: ScriptedResponse[]): Promise<void> {
  await fetch(`${receiverUrl}/control/${encodeURIComponent(name)}`, {
    method: 'PUT',
    body: JSON.stringify({ responses }),
  })
}

/** What the receiver got for `name`, oldest first. */
export async function hookRequests(name: string): Promise<ReceivedRequest[]> {
  const res = await fetch(`${receiverUrl}/control/${encodeURIComponent(name)}`)
  return ((await res.json()) as { requests: ReceivedRequest[] }).requests
}

/** Messages the SMTP servers received, optionally only those to one address. */
export async function mailTo(address?: string): Promise<ReceivedMail[]> {
  const query = address ? `?to=${encodeURIComponent(address.toLowerCase())}` : ''
  const res = await fetch(`${receiverUrl}/mail${query}`)
  return ((await res.json()) as { messages: ReceivedMail[] }).messages
}

/**
 * Makes the receiver's `/cdn-cgi/access/certs` serve these public keys (a team's certs), with
 * this HTTP status (200 unless told).
 */
export async function serveAccessCerts(keys: object[], status = 200): Promise<void> {
  await fetch(`${receiverUrl}/control/access-certs`, {
    method: 'PUT',
    body: JSON.stringify({ keys, status }),
  })
}

/** How often the receiver's certs endpoint has been fetched since the run began. */
export async function accessCertsFetches(): Promise<number> {
  const res = await fetch(`${receiverUrl}/control/access-certs`)
  return ((await res.json()) as { fetches: number }).fetches
}
