import { bytesToBase64Url, bytesToHex } from './encoding'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** A random Statuspage-style id: 12 lowercase letters and digits. */
export function newId(length = 12): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}

/** A random secret of `bytes` bytes, base64url-encoded. */
export function randomSecret(bytes = 24): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes))
  return bytesToBase64Url(raw)
}

/** Hex SHA-256 of a string: how tokens are kept at rest. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return bytesToHex(new Uint8Array(digest))
}
