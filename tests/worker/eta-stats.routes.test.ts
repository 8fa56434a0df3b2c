import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { refreshSnapshot } from '../../src/domain/snapshot'
import { EtaStatsSchema } from '../../src/schemas/eta-stats'
import { incidentStory } from './eta-helpers'
import { call, errorOf, publicJson, resetData } from './factories'

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000)

/**
 * Two incidents with ETAs in the last 90 days: one fixed by its first ETA, one whose ETA moved
 * and was met only the second time; one promised update came on time, one late.
 */
beforeAll(async () => {
  await resetData()
  await incidentStory(daysAgo(3), { eta: 60, next: 30 }, [
    { at: 10 },
    { at: 50, status: 'resolved' },
  ])
  await incidentStory(daysAgo(6), { eta: 60, next: 30 }, [
    { at: 40, eta: 240 },
    { at: 200, status: 'resolved' },
  ])
  await incidentStory(daysAgo(200), { eta: 60 }, [{ at: 500, status: 'resolved' }])
  await refreshSnapshot(env)
})

async function stats(query = '') {
  return EtaStatsSchema.parse(await publicJson(`/api/v1/stats/eta${query}`))
}

describe('GET /api/v1/stats/eta', () => {
  it('is public and gives the 90-day record with the counts behind each share', async () => {
    const record = await stats()
    expect(record).toMatchObject({ days: 90, incidents: 2, with_eta: 2 })
    expect(record.first_eta).toEqual({ met: 1, missed: 1, pending: 0, share: 0.5 })
    expect(record.last_eta).toEqual({ met: 2, missed: 0, pending: 0, share: 1 })
    expect(record.slip_minutes).toEqual({ resolved: 2, median: 70, p90: 140 })
    expect(record.promises).toMatchObject({ total: 2, on_time: 1, late: 1, share: 0.5 })
  })

  it('days widens or narrows the window', async () => {
    expect((await stats('?days=365')).incidents).toBe(3)
    expect((await stats('?days=4')).incidents).toBe(1)
  })

  it('refuses days outside 1–365 or not a whole number with validation_failed', async () => {
    for (const bad of ['0', '366', 'abc', '1.5', '-3']) {
      const error = await errorOf(
        await call('GET', `/api/v1/stats/eta?days=${bad}`, { token: null }),
      )
      expect(error).toMatchObject({ status: 400, code: 'validation_failed' })
      expect(JSON.stringify(error.details)).toContain('days')
    }
  })

  it('has open CORS, Cache-Control and an ETag that answers 304', async () => {
    const res = await call('GET', '/api/v1/stats/eta', {
      token: null,
      headers: { origin: 'https://elsewhere.example' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/)
    const etag = res.headers.get('etag')!
    expect(etag).toMatch(/^"[0-9a-f]+"$/)
    await res.text()
    const again = await call('GET', '/api/v1/stats/eta', {
      token: null,
      headers: { 'if-none-match': etag },
    })
    expect(again.status).toBe(304)
  })

  it('reads the record stored with the snapshot: a change shows once the snapshot is rebuilt', async () => {
    await incidentStory(daysAgo(1), { eta: 60 }, [{ at: 30, status: 'resolved' }])
    // A query string unseen so far, so no answer rendered earlier is reused.
    expect((await stats('?days=89')).incidents).toBe(2)
    await refreshSnapshot(env)
    expect((await stats('?days=89')).incidents).toBe(3)
  })

  it('is described in the OpenAPI document', async () => {
    const doc = await publicJson('/api/v1/openapi.json')
    const op = doc.paths['/api/v1/stats/eta'].get
    expect(op.security ?? []).toEqual([])
    expect(op.parameters.map((p: { name: string }) => p.name)).toContain('days')
    expect(op.responses['200']).toBeDefined()
  })
})

describe('/history', () => {
  it('tells the ETA record in plain words', async () => {
    await refreshSnapshot(env)
    const res = await call('GET', '/history', { token: null })
    const text = (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    expect(text).toContain(
      'Of 3 incidents with an ETA in the last 90 days, 2 were fixed by the first ETA and 3 by the last one.',
    )
    expect(text).toContain('median 0 mins, 90th percentile 2 hrs 20 mins')
    expect(text).toContain('1 of 2 promised updates came on time; 1 came late and 0 never came.')
  })
})
