import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import { decodeClientDataJSON, isoBase64URL } from '@simplewebauthn/server/helpers'
import { insertAudit, insertAuditIfChanged } from '../db/audit'
import {
  deleteExpiredChallenges,
  deletePasskey,
  insertChallenge,
  insertPasskey,
  renamePasskeyRow,
  selectMemberPasskeys,
  selectPasskey,
  takeChallenge,
  usePasskey,
} from '../db/passkeys'
import { sha256Hex } from '../lib/ids'
import type { VerbContext } from './context'
import { CandorError, invalidField, notFound } from './errors'
import type { Member } from './members'
import { sessionAfter } from './sessions'

/**
 * Passkeys (WebAuthn) for console members: adding one while signed in, signing in with one.
 * Each ceremony is two steps: options with a fresh challenge (kept, hashed, for
 * CHALLENGE_TTL_MS and usable once), then the browser's signed answer, verified against it.
 */

/** What a challenge is for. */
export type ChallengePurpose = 'register' | 'sign_in'

/** A passkey as its member sees it. */
export interface Passkey {
  id: string
  name: string
  createdAt: string
  lastUsedAt: string | null
}

/** Who passkeys are made for: the host name they are bound to and the page origin they work on. */
export interface RelyingParty {
  /** The RP ID: the host name of the console's base URL. */
  id: string
  /** Shown by the browser when a passkey is made. */
  name: string
  /** The origin the browser must report. */
  origin: string
}

/** A challenge is usable for this long after its options were given. */
export const CHALLENGE_TTL_MS = 5 * 60_000
/** How long the browser is told to wait for the person. */
const CEREMONY_TIMEOUT_MS = 2 * 60_000
/** EdDSA, ES256, RS256: what nearly every authenticator offers, verified with WebCrypto. */
const ALGORITHMS = [-8, -7, -257]
export const PASSKEY_NAME_MAX = 60

/** The relying party of a console at `baseUrl` (PUBLIC_URL, or the request's origin). */
export function relyingParty(baseUrl: string, pageName: string): RelyingParty {
  const url = new URL(baseUrl)
  return { id: url.hostname, name: `${pageName} console`, origin: url.origin }
}

/** A member's passkeys, oldest first. */
export async function listPasskeys(db: D1Database, memberId: string): Promise<Passkey[]> {
  return (await selectMemberPasskeys(db, memberId)).map(({ id, name, createdAt, lastUsedAt }) => ({
    id,
    name,
    createdAt,
    lastUsedAt,
  }))
}

function refused(message: string): CandorError {
  return new CandorError('bad_request', message)
}

const STALE = 'This passkey request has expired or was already used. Please try again.'

/** Keeps a new challenge (and forgets expired ones). */
async function keepChallenge(
  db: D1Database,
  challenge: string,
  purpose: ChallengePurpose,
  memberId: string | null,
  now: Date,
): Promise<void> {
  await db.batch([
    deleteExpiredChallenges(db, now.toISOString()),
    insertChallenge(db, {
      hash: await sha256Hex(challenge),
      purpose,
      memberId,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString(),
    }),
  ])
}

/**
 * Uses the challenge a browser's answer signed: it must be one we gave, for this purpose (and
 * member), unused and unexpired. Used up whatever the verification then says.
 */
async function useChallenge(
  db: D1Database,
  clientDataJSON: unknown,
  purpose: ChallengePurpose,
  memberId: string | null,
  now: Date,
): Promise<string> {
  let challenge: string
  try {
    challenge = decodeClientDataJSON(String(clientDataJSON)).challenge
  } catch {
    throw refused('The browser’s answer could not be read.')
  }
  if (typeof challenge !== 'string' || challenge === '') throw refused(STALE)
  const kept = await takeChallenge(db, await sha256Hex(challenge))
  if (
    !kept ||
    kept.purpose !== purpose ||
    kept.memberId !== memberId ||
    Date.parse(kept.expiresAt) <= now.getTime()
  ) {
    throw refused(STALE)
  }
  return challenge
}

/** Options for `navigator.credentials.create`: a discoverable passkey for this member. */
export async function registrationOptions(
  db: D1Database,
  member: Member,
  rp: RelyingParty,
  now: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await selectMemberPasskeys(db, member.id)
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: member.email,
    userDisplayName: member.name ?? member.email,
    userID: new Uint8Array(new TextEncoder().encode(member.id)),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    supportedAlgorithmIDs: ALGORITHMS,
    timeout: CEREMONY_TIMEOUT_MS,
  })
  await keepChallenge(db, options.challenge, 'register', member.id, now)
  return options
}

/** A passkey's name as given, trimmed; a default when none is given. */
function passkeyName(given: unknown, count: number): string {
  const name = typeof given === 'string' ? given.trim() : ''
  if (name.length > PASSKEY_NAME_MAX) {
    throw invalidField('name', `Give a name of at most ${PASSKEY_NAME_MAX} characters.`)
  }
  return name || `Passkey ${count + 1}`
}

/**
 * Verifies the browser's new credential against the member's registration challenge and keeps
 * it as a passkey of theirs, with an audit line (`passkey.register`, the member as actor).
 */
export async function registerPasskey(
  ctx: VerbContext,
  member: Member,
  rp: RelyingParty,
  response: RegistrationResponseJSON,
  givenName: unknown,
): Promise<Passkey> {
  const { db, now } = ctx
  const challenge = await useChallenge(
    db,
    response?.response?.clientDataJSON,
    'register',
    member.id,
    now,
  )
  const name = passkeyName(givenName, (await selectMemberPasskeys(db, member.id)).length)
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
      supportedAlgorithmIDs: ALGORITHMS,
    })
  } catch {
    throw refused('The new passkey could not be verified. Please try again.')
  }
  if (!verified.verified) throw refused('The new passkey could not be verified. Please try again.')
  const { credential } = verified.registrationInfo
  const at = now.toISOString()
  const results = await db.batch([
    insertPasskey(db, {
      id: credential.id,
      memberId: member.id,
      publicKey: isoBase64URL.fromBuffer(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? response.response.transports ?? [],
      name,
      at,
    }),
    insertAuditIfChanged(
      db,
      ctx.actor,
      'passkey.register',
      { type: 'passkey', id: credential.id },
      { name, member_id: member.id },
      at,
    ),
  ])
  if (results[0]!.meta.changes !== 1) {
    throw new CandorError('conflict', 'This passkey is already registered.')
  }
  return { id: credential.id, name, createdAt: at, lastUsedAt: null }
}

/** Options for `navigator.credentials.get`: any discoverable passkey made for this console. */
export async function signInOptions(
  db: D1Database,
  rp: RelyingParty,
  now: Date,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: 'preferred',
    timeout: CEREMONY_TIMEOUT_MS,
  })
  await keepChallenge(db, options.challenge, 'sign_in', null, now)
  return options
}

/**
 * Signs in with a passkey: the browser's assertion is checked against the sign-in challenge
 * and the passkey's public key; then its counter and last use are recorded and a session
 * starts, in one batch (as an email link's does). Returns the cookie's token.
 */
export async function signInWithPasskey(
  db: D1Database,
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  now: Date,
): Promise<{ sessionToken: string; expiresAt: string }> {
  const challenge = await useChallenge(db, response?.response?.clientDataJSON, 'sign_in', null, now)
  const passkey = typeof response.id === 'string' ? await selectPasskey(db, response.id) : null
  if (!passkey) {
    throw refused('This passkey is not registered here. Sign in with an email link instead.')
  }
  let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.id,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports as AuthenticatorTransport[],
      },
      requireUserVerification: false,
    })
  } catch {
    throw refused('The passkey could not be verified. Please try again.')
  }
  if (!verified.verified) throw refused('The passkey could not be verified. Please try again.')
  const session = await sessionAfter(db, passkey.memberId, now)
  const results = await db.batch([
    usePasskey(
      db,
      passkey.id,
      passkey.memberId,
      passkey.counter,
      verified.authenticationInfo.newCounter,
      now.toISOString(),
    ),
    session.statement,
  ])
  if (results[1]!.meta.changes !== 1) throw refused(STALE)
  return { sessionToken: session.sessionToken, expiresAt: session.expiresAt }
}

async function ownPasskey(db: D1Database, member: Member, id: string) {
  const passkey = await selectPasskey(db, id)
  if (!passkey || passkey.memberId !== member.id) throw notFound('passkey', id)
  return passkey
}

/** Renames one of the member's own passkeys (audit: `passkey.rename`). */
export async function renamePasskey(
  ctx: VerbContext,
  member: Member,
  id: string,
  givenName: unknown,
): Promise<void> {
  const passkey = await ownPasskey(ctx.db, member, id)
  const name = typeof givenName === 'string' ? givenName.trim() : ''
  if (name === '' || name.length > PASSKEY_NAME_MAX) {
    throw invalidField('name', `Give a name of 1 to ${PASSKEY_NAME_MAX} characters.`)
  }
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    renamePasskeyRow(ctx.db, id, member.id, name),
    insertAudit(
      ctx.db,
      ctx.actor,
      'passkey.rename',
      { type: 'passkey', id },
      { from: passkey.name, to: name, member_id: member.id },
      at,
    ),
  ])
}

/** Removes one of the member's own passkeys (audit: `passkey.remove`). */
export async function removePasskey(ctx: VerbContext, member: Member, id: string): Promise<void> {
  const passkey = await ownPasskey(ctx.db, member, id)
  await ctx.db.batch([
    deletePasskey(ctx.db, id, member.id),
    insertAuditIfChanged(
      ctx.db,
      ctx.actor,
      'passkey.remove',
      { type: 'passkey', id },
      { name: passkey.name, member_id: member.id },
      ctx.now.toISOString(),
    ),
  ])
}
