import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { refreshSnapshot } from '../../src/domain/snapshot'
import { makeIncident } from './factories'

/** Two snapshot rebuilds racing: the one that read D1 later stays, whichever finishes last. */
describe('racing snapshot rebuilds', () => {
  it('an older build finishing last does not replace a newer one', async () => {
    await makeIncident({ name: 'Seen by the newer build' })
    const newer = await env.SNAPSHOTS.get('snapshot:v1', 'text')
    // A build that began after this one has already stored its snapshot.
    await env.SNAPSHOTS.put('snapshot:v1:started', String(Date.now() + 60_000))
    await env.DB.prepare("UPDATE incidents SET name = 'Stale' WHERE name = ?")
      .bind('Seen by the newer build')
      .run()
    await refreshSnapshot(env)
    expect(await env.SNAPSHOTS.get('snapshot:v1', 'text')).toBe(newer)

    // Once the stored build is the older one, a rebuild replaces it as usual.
    await env.SNAPSHOTS.put('snapshot:v1:started', '0')
    await refreshSnapshot(env)
    expect(await env.SNAPSHOTS.get('snapshot:v1', 'text')).toContain('"Stale"')
  })
})
