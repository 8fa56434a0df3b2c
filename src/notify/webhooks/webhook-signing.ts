import { base64ToBytes, bytesToBase64 } from '../../lib/encoding'

/** Standard Webhooks signing (https://www.standardwebhooks.com): HMAC-SHA256, `whsec_` secrets. */

const PREFIX = 'whsec_'

/** The base64 HMAC-SHA256 of `id.timestamp.body` under one `whsec_` secret. */
export async function signPayload(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): Promise<string> {
  const raw = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret
  const key = await crypto.subtle.importKey(
    'raw',
    base64ToBytes(raw),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`${id}.${timestamp}.${body}`),
  )
  return bytesToBase64(new Uint8Array(mac))
}

/**
 * The three Standard Webhooks headers. Every secret given signs (`v1,<sig> v1,<sig>`), so a
 * receiver holding either the new or the old secret accepts the message during a rotation.
 */
export async function standardWebhookHeaders(
  id: string,
  body: string,
  secrets: string[],
  now = new Date(),
): Promise<Record<string, string>> {
  const timestamp = Math.floor(now.getTime() / 1000)
  const signatures = await Promise.all(secrets.map((s) => signPayload(s, id, timestamp, body)))
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatures.map((s) => `v1,${s}`).join(' '),
  }
}
