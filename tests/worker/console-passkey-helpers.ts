import { env, exports } from 'cloudflare:workers'
import { rows } from './factories'
import { ORIGIN } from './console-helpers'

/** What the passkey route tests share: members with their form token, JSON posts as the page's script sends them, forged answers. */

export { withCsrf, type ConsoleMember as Member } from './console-helpers'

/** A JSON POST as `passkeys.js` sends it. */
export function script(
  path: string,
  body: unknown,
  options: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
  if (options.cookie) headers.cookie = options.cookie
  return exports.default.fetch(
    new Request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      redirect: 'manual',
    }),
  )
}

export const b64url = (text: string) =>
  btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')

/** A browser answer carrying `challenge` in its client data, signed by nobody. */
export function forgedAnswer(
  challenge: string,
  type: 'webauthn.get' | 'webauthn.create',
  id = 'AAAA',
) {
  return {
    id,
    rawId: id,
    type: 'public-key',
    clientExtensionResults: {},
    response: {
      clientDataJSON: b64url(JSON.stringify({ type, challenge, origin: ORIGIN })),
      authenticatorData: b64url('x'.repeat(37)),
      signature: b64url('sig'),
      attestationObject: b64url('att'),
    },
  }
}

export async function challengeCount(): Promise<number> {
  return (await rows<{ n: number }>('SELECT COUNT(*) AS n FROM passkey_challenges'))[0]!.n
}

export async function auditCount(): Promise<number> {
  return (await rows<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log'))[0]!.n
}

/** Stores a passkey for a member directly (its key is never used by these tests). */
export async function storePasskey(memberId: string, name: string): Promise<string> {
  const id = `cred-${crypto.randomUUID()}`
  await env.DB.prepare(
    `INSERT INTO passkeys (id, member_id, public_key, counter, transports, name, created_at)
     VALUES (?, ?, 'AAAA', 0, '["internal"]', ?, '2026-11-20T10:00:00.000Z')`,
  )
    .bind(id, memberId, name)
    .run()
  return id
}
