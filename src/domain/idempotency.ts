import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  deleteIdempotencyKeysBefore,
  releaseIdempotencyKey,
  selectIdempotencyRecord,
} from '../db/idempotency'
import { sha256Hex } from '../lib/ids'
import { CandorError, invalidField } from './errors'

/** How long an answer is kept and replayed (API.md: 24 hours). */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000

/** 1–255 printable ASCII characters (a UUID, a ULID, "deploy-4711-open"…). */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/

/** One keyed write, as the client sent it. */
export interface IdempotentRequest {
  /** Who acts (the token's identity): keys are scoped per token. */
  actorId: string
  key: string
  method: string
  /** Path and query string. */
  path: string
  body: string
}

/** An answer as stored and replayed. */
export interface StoredResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/** The hold a request has on its key while it runs. */
export interface IdempotencyClaim {
  keyHash: string
  claimedAt: string
}

/** Run the request (it holds the key now), or replay the first answer. */
export type IdempotencyStart =
  { outcome: 'run'; claim: IdempotencyClaim } | { outcome: 'replay'; response: StoredResponse }

/** 400 unless the key is 1–255 printable ASCII characters. */
export function checkIdempotencyKey(key: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw invalidField(
      'Idempotency-Key',
      'The Idempotency-Key header must be 1 to 255 printable ASCII characters.',
    )
  }
}

/**
 * Starts a keyed write: takes the key for this request, or answers what the first request with
 * it answered. The same key with another method, path or body is refused (422
 * `idempotency_key_reused`); one whose first request still runs too (409
 * `idempotency_key_in_use`), so two racing twins never both run.
 */
export async function beginIdempotentRequest(
  db: D1Database,
  request: IdempotentRequest,
  now: Date,
): Promise<IdempotencyStart> {
  checkIdempotencyKey(request.key)
  const keyHash = await sha256Hex(`${request.actorId}\n${request.key}`)
  const requestHash = await sha256Hex(`${request.method}\n${request.path}\n${request.body}`)
  const at = now.toISOString()
  const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString()
  // A record can vanish between the claim and the read (its request failed and let it go):
  // then the key is free again, and the claim is tried once more.
  for (let tries = 0; tries < 3; tries++) {
    const claimed = await claimIdempotencyKey(db, keyHash, requestHash, at, expiredBefore).run()
    if (claimed.meta.changes === 1) return { outcome: 'run', claim: { keyHash, claimedAt: at } }
    const record = await selectIdempotencyRecord(db, keyHash)
    if (!record) continue
    if (record.requestHash !== requestHash) {
      throw new CandorError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different request; use a new key for a new request.',
        { header: 'Idempotency-Key' },
      )
    }
    if (record.state === 'in_progress' || record.status === null) {
      throw new CandorError(
        'idempotency_key_in_use',
        'A request with this Idempotency-Key is still being processed; retry later for its answer.',
        { header: 'Idempotency-Key' },
      )
    }
    return {
      outcome: 'replay',
      response: { status: record.status, headers: record.headers, body: record.body ?? '' },
    }
  }
  throw new CandorError(
    'idempotency_key_in_use',
    'Requests with this Idempotency-Key keep racing; retry later.',
    { header: 'Idempotency-Key' },
  )
}

/**
 * Whether an answer is kept for replay: only a request that did what it asked (2xx). A refused
 * request (4xx) changed nothing, so it leaves nothing behind, not even its key — a retry runs
 * afresh and is judged again; a failure on our side (5xx) lets the key go for the same reason.
 */
export function keepsAnswer(status: number): boolean {
  return status >= 200 && status < 300
}

/** Ends a keyed write: stores its answer for replay, or lets the key go (see keepsAnswer). */
export async function finishIdempotentRequest(
  db: D1Database,
  claim: IdempotencyClaim,
  response: StoredResponse,
  now: Date,
): Promise<void> {
  if (keepsAnswer(response.status)) {
    await completeIdempotencyKey(
      db,
      claim.keyHash,
      claim.claimedAt,
      response,
      now.toISOString(),
    ).run()
  } else {
    await releaseIdempotencyKey(db, claim.keyHash, claim.claimedAt).run()
  }
}

/** Forgets answers older than 24 hours, at most `limit` of them; returns how many. */
export async function pruneIdempotencyKeys(
  db: D1Database,
  now: Date,
  limit: number,
): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString()
  return (await deleteIdempotencyKeysBefore(db, before, limit).run()).meta.changes
}
