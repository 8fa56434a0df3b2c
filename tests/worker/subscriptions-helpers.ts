import { env, exports } from 'cloudflare:workers'
import { expect } from 'vitest'
import type { ReceivedMail } from '../support/global-setup'
import { call } from './factories'
import { mailTo } from './harness'

/** A fresh address on a domain of our own, so tests never see each other's mail. */
export function uniqueEmail(prefix = 'reader'): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}@example.net`
}

/** A fresh client IP, so the per-IP subscribe limit of one test does not touch another. */
export function uniqueIp(): string {
  const b = crypto.getRandomValues(new Uint8Array(3))
  return `10.${b[0]}.${b[1]}.${b[2]}`
}

/** The public subscribe API, as a browser or script would call it (no token). */
export async function subscribeApi(
  body: Record<string, unknown>,
  ip = uniqueIp(),
): Promise<Response> {
  return call('POST', '/api/v1/subscriptions', {
    body,
    token: null,
    headers: { 'cf-connecting-ip': ip },
  })
}

/** A form post, as a browser sends it from our pages (redirects are returned, not followed). */
export async function postForm(
  path: string,
  fields: [string, string][] | Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields))
  return exports.default.fetch(
    new Request(`http://candor.test${path}`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { 'cf-connecting-ip': uniqueIp(), ...headers },
    }),
  )
}

/** A public page: status and HTML. */
export async function getPage(
  path: string,
): Promise<{ status: number; html: string; headers: Headers }> {
  const res = await call('GET', path, { token: null })
  return { status: res.status, html: await res.text(), headers: res.headers }
}

/** Waits until `address` has received `count` messages (they are sent after the answer). */
export async function waitForMail(address: string, count = 1, timeoutMs = 15_000) {
  const started = Date.now()
  for (;;) {
    const mail = await mailTo(address)
    if (mail.length >= count) return mail
    if (Date.now() - started > timeoutMs) {
      throw new Error(`${address} got ${mail.length} of ${count} messages in ${timeoutMs} ms`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Gives mail sent after an answer time to arrive, then returns everything `address` got. */
export async function mailAfterQuiet(address: string, quietMs = 400): Promise<ReceivedMail[]> {
  // Confirmations go out through the DELIVERIES queue: wait until none to this address is left
  // to send, then a little longer.
  const until = Date.now() + 15_000
  for (;;) {
    const row = await env.DB.prepare(
      `SELECT COUNT(*) AS n FROM transactional_mail WHERE recipient = ? COLLATE NOCASE
         AND status IN ('pending', 'sending', 'failed')`,
    )
      .bind(address)
      .first<{ n: number }>()
    if (!row?.n || Date.now() > until) break
    await new Promise((r) => setTimeout(r, 100))
  }
  await new Promise((r) => setTimeout(r, quietMs))
  return mailTo(address)
}

/** The path of the first link of this purpose in a message's text part. */
export function linkPath(mail: ReceivedMail, purpose: 'confirm' | 'manage' | 'unsubscribe') {
  const match = new RegExp(`https?://[^\\s"<>]+/subscriptions/${purpose}/[A-Za-z0-9_%-]+`).exec(
    mail.text,
  )
  expect(match, `a ${purpose} link in "${mail.subject}"`).not.toBeNull()
  return new URL(match![0]).pathname
}

/** The path of the first link of this purpose in an HTML page. */
export function linkPathInHtml(html: string, purpose: 'confirm' | 'manage' | 'unsubscribe') {
  const match = new RegExp(`href="([^"]*/subscriptions/${purpose}/[A-Za-z0-9_%-]+)"`).exec(html)
  expect(match, `a ${purpose} link in the page`).not.toBeNull()
  return new URL(match![1]!, 'http://candor.test').pathname
}

const SUBSCRIPTION_TABLES = [
  'subscribers',
  'subscriber_components',
  'subscriber_areas',
  'subscriber_incidents',
  'link_tokens',
] as const

/** Row counts of the subscription tables, to show that a refused request wrote nothing. */
export async function subscriptionCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of SUBSCRIPTION_TABLES) {
    const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>()
    counts[table] = row!.n
  }
  return counts
}

/** The stored subscriber rows for an address (email kind or webhook owner). */
export async function subscriberRows(email: string) {
  const { results } = await env.DB.prepare(
    'SELECT * FROM subscribers WHERE email = ? COLLATE NOCASE ORDER BY created_at',
  )
    .bind(email)
    .all<Record<string, unknown>>()
  return results
}

/** Subscribes `email` through the API, confirms through its email, returns the manage path. */
export async function confirmedSubscriber(
  body: Record<string, unknown> & { email: string },
): Promise<{ managePath: string }> {
  expect((await subscribeApi(body)).status).toBe(202)
  const [mail] = await waitForMail(body.email)
  const res = await postForm(linkPath(mail!, 'confirm'), {})
  expect(res.status).toBe(200)
  return { managePath: linkPathInHtml(await res.text(), 'manage') }
}
