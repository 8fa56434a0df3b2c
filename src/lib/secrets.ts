/**
 * True when two secrets are the same, in time that tells nothing about where they differ or
 * how long either is: both are hashed to SHA-256 first, then compared with WebCrypto's
 * constant-time `timingSafeEqual`.
 */
export async function secretsEqual(given: string, expected: string): Promise<boolean> {
  const encoder = new TextEncoder()
  const [a, b] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(given)),
    crypto.subtle.digest('SHA-256', encoder.encode(expected)),
  ])
  return crypto.subtle.timingSafeEqual(a, b)
}
