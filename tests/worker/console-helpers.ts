import { env, exports } from 'cloudflare:workers'
import { expect } from 'vitest'
import type { ReceivedMail } from '../support/global-setup'
import { callJson } from './factories'
import { uniqueEmail, waitForMail } from './subscriptions-helpers'

export const ORIGIN = 'http://candor.test'
export const SAME_ORIGIN = { origin: ORIGIN }
export const FOREIGN_ORIGIN = { origin: 'https://evil.example' }

/** A request to the worker, as a browser sends it (form bodies, cookies, an Origin). */
export async function browser(
  method: 'GET' | 'POST',
  path: string,
  options: {
    cookie?: string
    form?: Record<string, string> | URLSearchParams
    headers?: Record<string, string>
    base?: string
  } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.cookie) headers.cookie = options.cookie
  let body: string | undefined
  if (method === 'POST') {
    headers['content-type'] ??= 'application/x-www-form-urlencoded'
    body = new URLSearchParams(options.form ?? {}).toString()
  }
  return exports.default.fetch(
    new Request(`${options.base ?? ORIGIN}${path}`, { method, headers, body, redirect: 'manual' }),
  )
}

/** The path of the (single) console link in a mail. */
export function consoleLinkPath(mail: ReceivedMail): string {
  const match = /https?:\/\/[^\s"<>]+\/console\/sign-in\/[A-Za-z0-9_%-]+/.exec(mail.text)
  expect(match, `a console link in "${mail.subject}"`).not.toBeNull()
  return new URL(match![0]).pathname
}

/** `name=value` of the session cookie a response sets. */
export function cookieOf(res: Response): string {
  const header = res.headers.get('set-cookie')
  expect(header, 'a Set-Cookie header').toBeTruthy()
  return header!.split(';')[0]!
}

/** The CSRF form token a console page carries. */
export function csrfOf(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html)
  expect(match, 'a csrf field').not.toBeNull()
  return match![1]!
}

/** Invites a member through the API (owner token). */
export async function invite(
  role: 'owner' | 'editor' | 'viewer' = 'editor',
  email = uniqueEmail('member'),
  name?: string,
): Promise<{ id: string; email: string; role: string; status: string; name: string | null }> {
  return callJson('POST', '/api/v1/members', {
    body: { email, role, ...(name ? { name } : {}) },
  })
}

/** Follows the newest console link mailed to `email` (the `count`th mail): a session cookie. */
export async function followLatestLink(email: string, count: number): Promise<string> {
  const mails = await waitForMail(email, count)
  const res = await browser('POST', consoleLinkPath(mails.at(-1)!), { headers: SAME_ORIGIN })
  expect(res.status).toBe(303)
  return cookieOf(res)
}

/** An invited member who accepted the invitation: its id, address and session cookie. */
export async function signedInMember(role: 'owner' | 'editor' | 'viewer' = 'editor') {
  const member = await invite(role)
  const cookie = await followLatestLink(member.email, 1)
  return { ...member, cookie }
}

/** Asks for a sign-in link through the form. */
export async function askForLink(
  email: string,
  headers: Record<string, string> = SAME_ORIGIN,
): Promise<Response> {
  return browser('POST', '/console/sign-in', { form: { email }, headers })
}

/** Sessions rows of a member. */
export async function sessionCount(memberId: string): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM sessions WHERE member_id = ?')
    .bind(memberId)
    .first<{ n: number }>()
  return row!.n
}

/** A signed-in member with the form token their console pages carry. */
export type ConsoleMember = Awaited<ReturnType<typeof signedInMember>> & { csrf: string }

/** Adds the member's form token, read from their account page. */
export async function withCsrf(
  member: Awaited<ReturnType<typeof signedInMember>>,
): Promise<ConsoleMember> {
  const page = await browser('GET', '/console/account', { cookie: member.cookie })
  return { ...member, csrf: csrfOf(await page.text()) }
}
