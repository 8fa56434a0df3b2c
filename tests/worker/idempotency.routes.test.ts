import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import {
  beginIdempotentRequest,
  finishIdempotentRequest,
  type IdempotentRequest,
} from '../../src/domain/idempotency'
import { call, callJson, errorOf, makeIncident, makeToken, rows, tableCounts } from './factories'

/**
 * `Idempotency-Key` on admin POSTs, through the Worker's fetch handler against real local D1:
 * a retry answers the first response again and writes nothing.
 */

let counter = 0
const newKey = () => `key-${++counter}-${crypto.randomUUID()}`
const uniqueName = (what: string) => `${what} ${crypto.randomUUID().slice(0, 8)}`

function incidentBody(name: string) {
  return { name, status: 'investigating', impact: 'minor', body: 'Looking into it.' }
}

function postIncident(key: string | null, body: unknown, token?: string) {
  return call('POST', '/api/v1/incidents', {
    body,
    token,
    headers: key === null ? {} : { 'idempotency-key': key },
  })
}

async function incidentsNamed(name: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    'SELECT COUNT(*) AS n FROM incidents WHERE name = ?',
    name,
  )
  return row!.n
}

async function keyRows(): Promise<number> {
  const [row] = await rows<{ n: number }>('SELECT COUNT(*) AS n FROM idempotency_keys')
  return row!.n
}

/** When the public snapshot's last build began: it changes whenever after-write work runs. */
const snapshotStarted = () => env.SNAPSHOTS.get('snapshot:v1:started')

describe('Idempotency-Key on admin POSTs', () => {
  it('answers a retry with the first response, and writes nothing', async () => {
    const key = newKey()
    const name = uniqueName('Fibre down')
    const first = await postIncident(key, incidentBody(name))
    expect(first.status).toBe(201)
    expect(first.headers.get('idempotent-replayed')).toBeNull()
    const firstBody = await first.text()

    const before = await tableCounts()
    const builtBefore = await snapshotStarted()
    await new Promise((r) => setTimeout(r, 5))
    const again = await postIncident(key, incidentBody(name))
    expect(again.status).toBe(201)
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'))
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await again.text()).toBe(firstBody)

    expect(await incidentsNamed(name)).toBe(1)
    expect(await tableCounts()).toEqual(before)
    // No after-write work either: the snapshot was not rebuilt for the replay.
    expect(await snapshotStarted()).toBe(builtBefore)
  })

  it('posts one update however often the same keyed update is retried', async () => {
    const incident = await makeIncident()
    const key = newKey()
    const update = { status: 'identified', body: 'A cable was cut.' }
    const answers = []
    for (let i = 0; i < 3; i++) {
      const res = await call('POST', `/api/v1/incidents/${incident.id}/updates`, {
        body: update,
        headers: { 'idempotency-key': key },
      })
      answers.push({ status: res.status, body: await res.text() })
    }
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201])
    expect(new Set(answers.map((a) => a.body)).size).toBe(1)
    const updates = await rows('SELECT id FROM incident_updates WHERE incident_id = ?', incident.id)
    expect(updates).toHaveLength(2) // the opening one and this one
  })

  it('refuses the same key with another body: 422 idempotency_key_reused, nothing written', async () => {
    const key = newKey()
    const name = uniqueName('Mast')
    expect((await postIncident(key, incidentBody(name))).status).toBe(201)
    const before = await tableCounts()

    const other = await postIncident(key, incidentBody(`${name} (edited)`))
    const error = await errorOf(other)
    expect(error.status).toBe(422)
    expect(error.code).toBe('idempotency_key_reused')
    expect(await incidentsNamed(`${name} (edited)`)).toBe(0)
    expect(await tableCounts()).toEqual(before)

    // Another path with the same key and body is another request too.
    const elsewhere = await call('POST', '/api/v1/maintenances', {
      body: incidentBody(name),
      headers: { 'idempotency-key': key },
    })
    expect((await errorOf(elsewhere)).code).toBe('idempotency_key_reused')
  })

  it('keeps keys per token: another token with the same key runs its own request', async () => {
    const key = newKey()
    const name = uniqueName('Shared key')
    const other = await makeToken(['write'])
    const mine = await postIncident(key, incidentBody(name))
    const theirs = await postIncident(key, incidentBody(name), other.token)
    expect(mine.status).toBe(201)
    expect(theirs.status).toBe(201)
    expect(theirs.headers.get('idempotent-replayed')).toBeNull()
    const [a, b] = [await mine.json<{ id: string }>(), await theirs.json<{ id: string }>()]
    expect(a.id).not.toBe(b.id)
    expect(await incidentsNamed(name)).toBe(2)
    // Each token's retry replays its own answer.
    const theirRetry = await postIncident(key, incidentBody(name), other.token)
    expect((await theirRetry.json<{ id: string }>()).id).toBe(b.id)
    expect(await incidentsNamed(name)).toBe(2)
  })

  it('stores no key in clear: only a hash of token and key', async () => {
    const key = newKey()
    expect((await postIncident(key, incidentBody(uniqueName('Hashed')))).status).toBe(201)
    const leaked = await rows(
      `SELECT key_hash FROM idempotency_keys WHERE key_hash LIKE ? OR body LIKE ?`,
      `%${key}%`,
      `%${key}%`,
    )
    expect(leaked).toEqual([])
  })

  it('forgets a key after 24 hours: the same request then runs again', async () => {
    const key = newKey()
    const name = uniqueName('Day old')
    expect((await postIncident(key, incidentBody(name))).status).toBe(201)
    const dayAgo = new Date(Date.now() - 24 * 3_600_000 - 60_000).toISOString()
    await env.DB.prepare('UPDATE idempotency_keys SET created_at = ? WHERE created_at > ?')
      .bind(dayAgo, new Date(Date.now() - 60_000).toISOString())
      .run()
    const again = await postIncident(key, incidentBody(name))
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBeNull()
    expect(await incidentsNamed(name)).toBe(2)
  })

  it('lets exactly one of two racing twins run', async () => {
    const key = newKey()
    const name = uniqueName('Race')
    const answers = await Promise.all([
      postIncident(key, incidentBody(name)),
      postIncident(key, incidentBody(name)),
    ])
    expect(await incidentsNamed(name)).toBe(1)
    const fresh = answers.filter((r) => r.status === 201 && !r.headers.get('idempotent-replayed'))
    expect(fresh).toHaveLength(1)
    const twin = answers.find((r) => r !== fresh[0])!
    // The twin either found the first still running or (if it came late) got its answer.
    if (twin.status === 409) {
      expect((await errorOf(twin)).code).toBe('idempotency_key_in_use')
    } else {
      expect(twin.status).toBe(201)
      expect(twin.headers.get('idempotent-replayed')).toBe('true')
    }
    // Once the first is done, a retry gets its answer.
    const retry = await postIncident(key, incidentBody(name))
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect((await retry.json<{ id: string }>()).id).toBe(
      (await fresh[0]!.json<{ id: string }>()).id,
    )
  })

  it('lets a retry run after the first attempt failed on our side (a real D1 error, 500)', async () => {
    const key = newKey()
    const name = uniqueName('Flaky database')
    await env.DB.prepare(
      `CREATE TRIGGER fail_incident_insert BEFORE INSERT ON incidents
       WHEN NEW.name = '${name}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    ).run()
    try {
      const failed = await postIncident(key, incidentBody(name))
      expect(failed.status).toBe(500)
      expect((await errorOf(failed)).code).toBe('internal_error')
    } finally {
      await env.DB.prepare('DROP TRIGGER fail_incident_insert').run()
    }
    expect(await incidentsNamed(name)).toBe(0)

    const retry = await postIncident(key, incidentBody(name))
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replayed')).toBeNull()
    expect(await incidentsNamed(name)).toBe(1)
  })

  it('keeps nothing for a refused request (4xx): a retry is judged afresh', async () => {
    const key = newKey()
    const path = '/api/v1/incidents/nosuchincident/updates'
    const options = { body: { body: 'Hello?' }, headers: { 'idempotency-key': key } }
    const keysBefore = await keyRows()
    const first = await call('POST', path, options)
    expect(first.status).toBe(404)
    expect(await keyRows()).toBe(keysBefore)
    const again = await call('POST', path, options)
    expect(again.status).toBe(404)
    expect(again.headers.get('idempotent-replayed')).toBeNull()

    // The same key, once the body is valid, runs the request and keeps its answer.
    const name = uniqueName('After a 400')
    expect(
      (await postIncident(key, { name, status: 'investigating', impact: 'minor' })).status,
    ).toBe(400)
    expect(await keyRows()).toBe(keysBefore)
    expect((await postIncident(key, incidentBody(name))).status).toBe(201)
    expect(await incidentsNamed(name)).toBe(1)
  })

  it('keeps nothing for a refused token, and never replays to a revoked one', async () => {
    const key = newKey()
    const name = uniqueName('Auth')
    const keysBefore = await keyRows()
    expect((await postIncident(key, incidentBody(name), 'not-a-token')).status).toBe(401)
    const reader = await makeToken(['read'])
    expect((await postIncident(key, incidentBody(name), reader.token)).status).toBe(403)
    expect(await keyRows()).toBe(keysBefore)

    const writer = await makeToken(['write'])
    expect((await postIncident(key, incidentBody(name), writer.token)).status).toBe(201)
    expect((await call('DELETE', `/api/v1/tokens/${writer.id}`)).status).toBe(204)
    const afterRevoke = await postIncident(key, incidentBody(name), writer.token)
    expect(afterRevoke.status).toBe(401)
    expect(afterRevoke.headers.get('idempotent-replayed')).toBeNull()
  })

  it('answers 400 validation_failed for a key that is empty, too long or not printable', async () => {
    const before = await tableCounts()
    for (const key of ['', 'x'.repeat(256), 'tab\there']) {
      const res = await postIncident(key, incidentBody(uniqueName('Bad key')))
      const error = await errorOf(res)
      expect(error.status, JSON.stringify(key)).toBe(400)
      expect(error.code).toBe('validation_failed')
      expect(error.details).toEqual([{ path: 'Idempotency-Key', message: expect.any(String) }])
    }
    expect(await tableCounts()).toEqual(before)
    expect((await postIncident('x'.repeat(255), incidentBody(uniqueName('Long key')))).status).toBe(
      201,
    )
  })

  it('leaves POSTs without the header as they were: each one runs', async () => {
    const name = uniqueName('No key')
    await postIncident(null, incidentBody(name))
    await postIncident(null, incidentBody(name))
    expect(await incidentsNamed(name)).toBe(2)
  })
})

describe('the idempotency verbs', () => {
  const request = (key: string): IdempotentRequest => ({
    actorId: 'token:verbs',
    key,
    method: 'POST',
    path: '/api/v1/areas',
    body: '{"name":"M14"}',
  })

  it('holds a key while its request runs (409), then replays what it stored', async () => {
    const now = new Date()
    const first = await beginIdempotentRequest(env.DB, request('verb-1'), now)
    expect(first.outcome).toBe('run')
    await expect(beginIdempotentRequest(env.DB, request('verb-1'), now)).rejects.toMatchObject({
      code: 'idempotency_key_in_use',
      status: 409,
    })
    if (first.outcome !== 'run') throw new Error('unreachable')
    const answer = { status: 201, headers: { 'content-type': 'application/json' }, body: '{}' }
    await finishIdempotentRequest(env.DB, first.claim, answer, now)
    expect(await beginIdempotentRequest(env.DB, request('verb-1'), now)).toEqual({
      outcome: 'replay',
      response: answer,
    })
  })

  it('lets a key go when its request failed with a 5xx, so the retry runs', async () => {
    const now = new Date()
    const first = await beginIdempotentRequest(env.DB, request('verb-2'), now)
    if (first.outcome !== 'run') throw new Error('expected to run')
    await finishIdempotentRequest(env.DB, first.claim, { status: 503, headers: {}, body: '' }, now)
    expect((await beginIdempotentRequest(env.DB, request('verb-2'), now)).outcome).toBe('run')
  })
})

describe('the OpenAPI document', () => {
  it('documents Idempotency-Key and its 422 on every admin POST', async () => {
    const doc = await callJson<any>('GET', '/api/v1/openapi.json', { token: null })
    const posts = Object.entries<any>(doc.paths).filter(
      ([path, item]) => path.startsWith('/api/v1/') && item.post?.security,
    )
    expect(posts.map(([path]) => path)).toEqual(
      expect.arrayContaining(['/api/v1/incidents', '/api/v1/incidents/{id}/updates']),
    )
    for (const [path, item] of posts) {
      expect(item.post.parameters, path).toContainEqual({
        $ref: '#/components/parameters/IdempotencyKey',
      })
      expect(item.post.responses['422'], path).toEqual({
        $ref: '#/components/responses/IdempotencyKeyReused',
      })
      expect(item.post.responses['409'], path).toBeDefined()
    }
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({
      name: 'Idempotency-Key',
      in: 'header',
    })
    // The public subscribe POST takes no token, so no key either.
    expect(doc.paths['/api/v1/subscriptions']?.post?.parameters ?? []).not.toContainEqual({
      $ref: '#/components/parameters/IdempotencyKey',
    })
  })
})
