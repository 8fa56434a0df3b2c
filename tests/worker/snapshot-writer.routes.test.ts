import { runInDurableObject } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runClock } from '../../src/clock/run-clock'
import { SNAPSHOT_KEY } from '../../src/domain/snapshot'
import { snapshotWriter } from '../../src/durable/rebuild-snapshot'
import { MIN_STORE_INTERVAL_MS, type SnapshotWriter } from '../../src/durable/snapshot-writer'
import { call, callJson, makeIncident, resetData } from './factories'

/**
 * The single snapshot writer (a Durable Object): a KV failure never fails a write and is caught
 * up by itself; many writes make far fewer KV writes; a snapshot behind D1's generation is
 * rebuilt by the clock.
 */

type WriterInternals = { env: Cloudflare.Env }

/** The writer's KV binding, replaced by one whose writes fail or are counted. */
async function wrapWriterKv(wrap: (kv: KVNamespace) => KVNamespace): Promise<void> {
  await runInDurableObject(snapshotWriter(env), (instance: SnapshotWriter) => {
    const internals = instance as unknown as WriterInternals
    internals.env = { ...internals.env, SNAPSHOTS: wrap(env.SNAPSHOTS) }
  })
}

async function restoreWriterKv(): Promise<void> {
  await runInDurableObject(snapshotWriter(env), (instance: SnapshotWriter) => {
    const internals = instance as unknown as WriterInternals
    internals.env = { ...internals.env, SNAPSHOTS: env.SNAPSHOTS }
  })
}

/** A KV binding whose puts go through `put`, everything else to the real one. */
function kvWithPut(
  kv: KVNamespace,
  put: (key: string, value: unknown, real: KVNamespace['put']) => Promise<void>,
): KVNamespace {
  return new Proxy(kv, {
    get(target, prop) {
      if (prop === 'put') {
        return (key: string, value: unknown, options?: KVNamespacePutOptions) =>
          put(key, value, (k, v, o) => target.put(k, v as string, o ?? options))
      }
      const value = Reflect.get(target, prop, target) as unknown
      return typeof value === 'function' ? (value as Function).bind(target) : value
    },
  })
}

async function storedText(): Promise<string> {
  return (await env.SNAPSHOTS.get(SNAPSHOT_KEY, 'text')) ?? ''
}

/** Waits until the writer has nothing left to store (its alarm carries the last store). */
async function writerSettled(timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (!(await snapshotWriter(env).status()).storePending) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the snapshot writer still has a store pending')
}

async function pageGeneration(): Promise<number> {
  const row = await env.DB.prepare('SELECT generation FROM page_generation WHERE id = 1').first<{
    generation: number
  }>()
  return row!.generation
}

beforeEach(async () => {
  await resetData()
})

afterEach(async () => {
  await restoreWriterKv()
  await writerSettled()
})

describe('a failing KV write', () => {
  it('fails no write: 201, the outbox row is enqueued, and the page catches up by itself', async () => {
    let failed = 0
    await wrapWriterKv((kv) =>
      kvWithPut(kv, async () => {
        failed++
        throw new Error('KV PUT failed: 503 Service Unavailable')
      }),
    )
    await new Promise((r) => setTimeout(r, MIN_STORE_INTERVAL_MS))
    const res = await call('POST', '/api/v1/incidents', {
      body: {
        name: 'Written while KV is down',
        status: 'investigating',
        impact: 'minor',
        body: 'Looking.',
      },
    })
    expect(res.status).toBe(201)
    const incident = (await res.json()) as { id: string }
    const outbox = await env.DB.prepare(
      'SELECT enqueued_at FROM outbox WHERE incident_id = ? AND event_type = ?',
    )
      .bind(incident.id, 'incident.created')
      .all<{ enqueued_at: string | null }>()
    expect(outbox.results.length).toBe(1)
    expect(outbox.results[0]!.enqueued_at).not.toBeNull()
    expect(failed).toBeGreaterThan(0)
    // KV does not have it: the store failed.
    expect(await storedText()).not.toContain('Written while KV is down')
    expect((await snapshotWriter(env).status()).storePending).toBe(true)

    // KV is back; the clock (or the writer's own retry) stores the page with no write needed.
    await restoreWriterKv()
    await runClock(env, new Date())
    await writerSettled()
    expect(await storedText()).toContain('Written while KV is down')
    const summary = await callJson('GET', '/api/v2/incidents/unresolved.json', { token: null })
    expect(summary.incidents.map((i: { id: string }) => i.id)).toContain(incident.id)
  })
})

describe('many writes at once', () => {
  it('are folded into far fewer builds and KV writes; the stored snapshot has the last', async () => {
    let snapshotPuts = 0
    await wrapWriterKv((kv) =>
      kvWithPut(kv, async (key, value, real) => {
        if (key === SNAPSHOT_KEY) snapshotPuts++
        await real(key, value as string)
      }),
    )
    const before = await snapshotWriter(env).status()
    const names = Array.from({ length: 20 }, (_, i) => `Concurrent ${i}`)
    await Promise.all(names.map((name) => makeIncident({ name })))
    // Then ten more, one after the other, each read back at once by the writer's next read.
    for (let i = 0; i < 10; i++) {
      const incident = await makeIncident({ name: `Sequential ${i}` })
      const res = await call('GET', `/incidents/${incident.id}`, { token: null })
      expect(res.status).toBe(200)
    }
    await writerSettled()
    const after = await snapshotWriter(env).status()
    const builds = after.builds - before.builds
    expect(builds).toBeGreaterThan(0)
    // Thirty writes: the ten one after the other need a build each, the twenty at once share.
    expect(builds).toBeLessThanOrEqual(20)
    // KV's limit: about one write per second per key.
    expect(snapshotPuts).toBeGreaterThan(0)
    expect(snapshotPuts).toBeLessThanOrEqual(5)
    const stored = await storedText()
    for (const name of [...names, 'Sequential 9']) expect(stored).toContain(name)
    expect(JSON.parse(stored).generation).toBe(await pageGeneration())
  })
})

describe('the page generation', () => {
  it('every change bumps it; the clock rebuilds a snapshot that is behind, and only then', async () => {
    const incident = await makeIncident({ name: 'Before' })
    await writerSettled()
    const generation = await pageGeneration()
    expect(JSON.parse(await storedText()).generation).toBe(generation)

    // Nothing changed: the clock builds nothing.
    const idle = await snapshotWriter(env).status()
    await runClock(env, new Date())
    expect((await snapshotWriter(env).status()).builds).toBe(idle.builds)

    // A change the writer never heard of (as if its rebuild was lost with its isolate).
    await env.DB.prepare('UPDATE incidents SET name = ? WHERE id = ?')
      .bind('After, unannounced', incident.id)
      .run()
    expect(await pageGeneration()).toBe(generation + 1)
    expect(await storedText()).not.toContain('After, unannounced')
    await runClock(env, new Date())
    await writerSettled()
    const stored = JSON.parse(await storedText())
    expect(stored.generation).toBe(generation + 1)
    expect(await storedText()).toContain('After, unannounced')
  })
})
