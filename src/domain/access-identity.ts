import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose'
import { outboundUrlRefusal } from './webhook-endpoint'

/** What Candor needs to check a Cloudflare Access sign-in. */
export interface AccessSettings {
  /** `ACCESS_TEAM_DOMAIN`, e.g. `https://acme.cloudflareaccess.com`; unset means Access is off. */
  teamDomain?: string | undefined
  /** `ACCESS_AUD`: the Access application's AUD tag; unset means Access is off. */
  aud?: string | undefined
  /** `ALLOW_HTTP_WEBHOOKS=true`: the team domain may be plain http and local (tests). */
  allowHttp: boolean
  /**
   * How soon a token signed by a key id the cached certs lack may fetch the certs again
   * (default 30 s, so forged key ids cannot make every request fetch them).
   */
  keyRefetchCooldownMs?: number
}

/**
 * Why a request is not signed in through Access: `not_configured` (Access is off: both
 * settings are needed), `misconfigured` (a setting is unusable; logged), `missing` (no
 * assertion header), `invalid` (the assertion does not verify or names nobody),
 * `keys_unavailable` (the team's certs could not be fetched; logged).
 */
export type AccessRefusal =
  'not_configured' | 'misconfigured' | 'missing' | 'invalid' | 'keys_unavailable'

/** The outcome of checking an Access assertion: the signed-in person, or why not. */
export type AccessIdentity = { ok: true; email: string } | { ok: false; reason: AccessRefusal }

/** The header Cloudflare Access adds to every request it lets through. */
export const ACCESS_ASSERTION_HEADER = 'Cf-Access-Jwt-Assertion'

/** Where a team publishes the keys that sign its assertions. */
const CERTS_PATH = '/cdn-cgi/access/certs'
/** Longer than any real assertion; anything longer is not parsed at all. */
const MAX_ASSERTION_LENGTH = 16_384
const DEFAULT_REFETCH_COOLDOWN_MS = 30_000
const CERTS_TIMEOUT_MS = 5_000
/** How long fetched certs are trusted before they are fetched again. */
const CERTS_MAX_AGE_MS = 10 * 60_000

/** One remote key set per team domain (and cooldown), kept for the isolate's life. */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>()

/** Team domain settings already refused in a log line, so each is logged once per isolate. */
const loggedRefusals = new Set<string>()

/** Errors that mean the assertion itself is bad, as opposed to the certs being unreachable. */
const INVALID_ASSERTION_CODES = new Set([
  errors.JWTClaimValidationFailed.code,
  errors.JWTExpired.code,
  errors.JWTInvalid.code,
  errors.JWSInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWKInvalid.code,
])

/**
 * The team domain as Access writes it in `iss` (`https://team.cloudflareaccess.com`, no
 * trailing slash), or why it cannot be used: it must be a bare origin, https and public unless
 * `allowHttp`, under the same outbound-address rules as webhook URLs.
 */
export function normaliseTeamDomain(raw: string, allowHttp: boolean): string | { refusal: string } {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return { refusal: 'it is not a URL' }
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    return { refusal: 'it must be the bare team domain, without a path, query or fragment' }
  }
  const refusal = outboundUrlRefusal(url.href, allowHttp)
  return refusal ? { refusal: refusal.replace(/^The webhook URL/, 'The team domain') } : url.origin
}

function keySetFor(teamDomain: string, cooldownMs: number) {
  const key = `${teamDomain} ${cooldownMs}`
  let keySet = keySets.get(key)
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(CERTS_PATH, teamDomain), {
      timeoutDuration: CERTS_TIMEOUT_MS,
      cooldownDuration: cooldownMs,
      cacheMaxAge: CERTS_MAX_AGE_MS,
    })
    keySets.set(key, keySet)
  }
  return keySet
}

function assertionFrom(input: Headers | string | null | undefined): string | null {
  const value =
    typeof input === 'string' || input == null ? input : input.get(ACCESS_ASSERTION_HEADER)
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}

function emailOf(payload: JWTPayload): string | null {
  const email = payload['email']
  if (typeof email !== 'string') return null
  const trimmed = email.trim().toLowerCase()
  return trimmed.includes('@') ? trimmed : null
}

/**
 * Who a Cloudflare Access assertion (the `Cf-Access-Jwt-Assertion` header, or its value)
 * signs in: its RS256 signature must verify against `${teamDomain}/cdn-cgi/access/certs`, its
 * `aud` hold `aud`, its `iss` be the team domain, `exp` be after `now` (and `nbf`, if any, not
 * after it). The person is its `email` claim, lower-cased. Never throws: an unusable team domain
 * (logged once) and unreachable certs (logged) are refused.
 */
export async function accessIdentity(
  input: Headers | string | null | undefined,
  settings: AccessSettings,
  now: Date = new Date(),
): Promise<AccessIdentity> {
  const rawDomain = settings.teamDomain?.trim()
  const aud = settings.aud?.trim()
  if (!rawDomain || !aud) return { ok: false, reason: 'not_configured' }
  const teamDomain = normaliseTeamDomain(rawDomain, settings.allowHttp)
  if (typeof teamDomain !== 'string') {
    if (!loggedRefusals.has(rawDomain)) {
      loggedRefusals.add(rawDomain)
      console.error(`ACCESS_TEAM_DOMAIN is refused, Access sign-in is off: ${teamDomain.refusal}`)
    }
    return { ok: false, reason: 'misconfigured' }
  }
  const assertion = assertionFrom(input)
  if (!assertion) return { ok: false, reason: 'missing' }
  if (assertion.length > MAX_ASSERTION_LENGTH) return { ok: false, reason: 'invalid' }
  const keySet = keySetFor(teamDomain, settings.keyRefetchCooldownMs ?? DEFAULT_REFETCH_COOLDOWN_MS)
  try {
    const { payload } = await jwtVerify(assertion, keySet, {
      algorithms: ['RS256'],
      issuer: teamDomain,
      audience: aud,
      currentDate: now,
      requiredClaims: ['exp'],
    })
    const email = emailOf(payload)
    return email ? { ok: true, email } : { ok: false, reason: 'invalid' }
  } catch (error) {
    if (error instanceof errors.JOSEError && INVALID_ASSERTION_CODES.has(error.code)) {
      return { ok: false, reason: 'invalid' }
    }
    console.error(`Access certs at ${teamDomain}${CERTS_PATH} could not be used`, error)
    return { ok: false, reason: 'keys_unavailable' }
  }
}
