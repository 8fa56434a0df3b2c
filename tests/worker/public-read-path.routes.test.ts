import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { call, makeIncident, postUpdate, resetData } from './factories'

/**
 * Public pages beyond the snapshot (an old incident, history) are read from D1 once per
 * snapshot build and then served from the Cache API: a change made in D1 behind Candor's back
 * does not show until a write rebuilds the snapshot.
 */

const DAY = 86_400_000
let old: { id: string; name: string }

async function page(path: string): Promise<{ status: number; html: string }> {
  const res = await call('GET', path, { token: null })
  return { status: res.status, html: await res.text() }
}

beforeAll(async () => {
  await resetData()
  old = await makeIncident({
    name: 'Old exchange fire',
    started_at: new Date(Date.now() - 40 * DAY).toISOString(),
  })
  await postUpdate(old.id, {
    status: 'resolved',
    body: 'Rebuilt.',
    display_at: new Date(Date.now() - 39 * DAY).toISOString(),
  })
  // Fifty newer incidents push it out of the snapshot's recent list.
  for (let i = 0; i < 50; i++) {
    await makeIncident({
      name: `Recent ${i}`,
      status: 'resolved',
      started_at: new Date(Date.now() - (20 - i / 10) * DAY).toISOString(),
    })
  }
}, 60_000)

describe('pages read from D1 once per snapshot build', () => {
  it('an old incident’s page', async () => {
    const first = await page(`/incidents/${old.id}`)
    expect(first.status).toBe(200)
    expect(first.html).toContain('Old exchange fire')

    await env.DB.prepare('UPDATE incidents SET name = ? WHERE id = ?')
      .bind('Renamed behind the back', old.id)
      .run()
    const cached = await page(`/incidents/${old.id}`)
    expect(cached.html).toContain('Old exchange fire')
    expect(cached.html).not.toContain('Renamed behind the back')
    // A query string added to dodge the cache changes nothing.
    const dodged = await page(`/incidents/${old.id}?x=${crypto.randomUUID()}`)
    expect(dodged.html).toContain('Old exchange fire')

    // Any write rebuilds the snapshot; the next read renders afresh.
    await makeIncident({ name: 'Unrelated', status: 'resolved' })
    expect((await page(`/incidents/${old.id}`)).html).toContain('Renamed behind the back')
  })

  it('a missing incident is 404, remembered until the next write', async () => {
    expect((await page('/incidents/nosuchthing1')).status).toBe(404)
    // Hidden (a draft) in D1, then a write: 404, and that answer is kept.
    await env.DB.prepare('UPDATE incidents SET draft = 1 WHERE id = ?').bind(old.id).run()
    await makeIncident({ name: 'A write', status: 'resolved' })
    expect((await page(`/incidents/${old.id}`)).status).toBe(404)
    await env.DB.prepare('UPDATE incidents SET draft = 0 WHERE id = ?').bind(old.id).run()
    expect((await page(`/incidents/${old.id}`)).status).toBe(404)
    await makeIncident({ name: 'Another write', status: 'resolved' })
    expect((await page(`/incidents/${old.id}`)).status).toBe(200)
  })

  it('history', async () => {
    const first = await page('/history')
    expect(first.status).toBe(200)
    expect(first.html).toContain('Renamed behind the back')
    await env.DB.prepare('UPDATE incidents SET name = ? WHERE id = ?')
      .bind('History rewritten', old.id)
      .run()
    expect((await page('/history')).html).not.toContain('History rewritten')
    expect((await page(`/history?x=${crypto.randomUUID()}`)).html).not.toContain(
      'History rewritten',
    )
    await makeIncident({ name: 'Another write', status: 'resolved' })
    expect((await page('/history')).html).toContain('History rewritten')
  })
})
