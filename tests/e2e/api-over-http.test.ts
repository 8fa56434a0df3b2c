import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IncidentSchema, SummarySchema } from '../../src/schemas/statuspage'
import { callCandor } from './candor-http'
import { startCandor, type RunningCandor } from './wrangler-dev'

let candor: RunningCandor

beforeAll(async () => {
  candor = await startCandor({ ALLOW_HTTP_WEBHOOKS: 'true' })
})

afterAll(async () => {
  await candor?.stop()
})

/** A JSON request to the running Candor, as curl would send it. */
const api = (method: string, path: string, body?: unknown, token: string | null = candor.token) =>
  callCandor(candor, method, path, body, token)

const hoursAhead = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString()

describe('Candor under wrangler dev, driven over HTTP', () => {
  it('runs the curl tour: components, areas, an incident whose ETA moves, resolution', async () => {
    const broadband = await api('POST', '/api/v1/components', {
      name: 'Broadband',
      group_name: 'Network',
    })
    expect(broadband.status).toBe(201)
    const area = await api('POST', '/api/v1/areas', { name: 'M14' })
    expect(area.status).toBe(201)

    const created = await api('POST', '/api/v1/incidents', {
      name: 'No broadband in M14',
      status: 'identified',
      impact: 'major',
      body: 'A cable was cut by roadworks.',
      components: { [broadband.json.id]: 'major_outage' },
      area_ids: [area.json.id],
      eta: hoursAhead(20),
      next_update_at: hoursAhead(2),
      progress: 20,
      workaround: 'Use mobile data; ask us for a MiFi.',
    })
    expect(created.status).toBe(201)
    const id = created.json.id as string

    const moved = await api('POST', `/api/v1/incidents/${id}/updates`, {
      status: 'identified',
      body: 'Splicing takes longer than planned.',
      eta: hoursAhead(44),
    })
    expect(moved.status).toBe(201)
    const incident = IncidentSchema.parse(moved.json.incident)
    expect(incident.eta_history).toHaveLength(2)
    expect(incident.eta_moves).toBe(1)
    expect(incident.next_update_at).toBe(created.json.next_update_at)
    expect(incident.areas).toEqual([{ id: area.json.id, name: 'M14' }])

    const summary = await api('GET', '/api/v2/summary.json', undefined, null)
    expect(summary.status).toBe(200)
    expect(summary.headers.get('access-control-allow-origin')).toBe('*')
    const parsed = SummarySchema.parse(summary.json)
    expect(parsed.status.indicator).toBe('critical')
    expect(parsed.incidents.map((i) => i.id)).toEqual([id])

    const resolved = await api('POST', `/api/v1/incidents/${id}/updates`, {
      status: 'resolved',
      body: 'The cable is repaired.',
    })
    expect(resolved.status).toBe(201)
    expect(resolved.json.update.affected_components).toEqual([
      {
        code: broadband.json.id,
        name: 'Broadband',
        old_status: 'major_outage',
        new_status: 'operational',
      },
    ])
    const after = await api('GET', '/api/v2/status.json', undefined, null)
    expect(after.json.status).toEqual({ indicator: 'none', description: 'All Systems Operational' })
  })

  it('mints, uses and revokes a scoped token', async () => {
    const minted = await api('POST', '/api/v1/tokens', { name: 'ci bot', scopes: ['read'] })
    expect(minted.status).toBe(201)
    expect(minted.json.token).toMatch(/^cnd_/)
    expect((await api('GET', '/api/v1/components', undefined, minted.json.token)).status).toBe(200)
    const refused = await api('POST', '/api/v1/areas', { name: 'X' }, minted.json.token)
    expect(refused.status).toBe(403)
    expect(refused.json.error.code).toBe('forbidden')
    expect((await api('DELETE', `/api/v1/tokens/${minted.json.id}`)).status).toBe(204)
    const revoked = await api('GET', '/api/v1/components', undefined, minted.json.token)
    expect(revoked.status).toBe(401)
    expect(revoked.json.error.code).toBe('unauthorized')
  })

  it('answers bad input with API.md errors and writes nothing', async () => {
    const before = await api('GET', '/api/v1/incidents?status=all')
    const malformed = await fetch(`${candor.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${candor.token}`, 'content-type': 'application/json' },
      body: '{"name": ',
    })
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as any).error.code).toBe('validation_failed')

    const wrongType = await fetch(`${candor.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${candor.token}`, 'content-type': 'text/plain' },
      body: 'hello',
    })
    expect(wrongType.status).toBe(415)

    const huge = await api('POST', '/api/v1/incidents', {
      name: 'Big',
      status: 'investigating',
      impact: 'minor',
      body: 'x'.repeat(70_000),
    })
    expect(huge.status).toBe(413)
    expect(huge.json.error.code).toBe('payload_too_large')

    const past = await api('POST', '/api/v1/incidents', {
      name: 'Late promise',
      status: 'investigating',
      impact: 'minor',
      body: 'b',
      next_update_at: new Date(Date.now() - 60_000).toISOString(),
      progress: 50,
    })
    expect(past.status).toBe(400)
    expect(past.json.error.code).toBe('validation_failed')
    expect(past.json.error.details).toEqual([
      { path: 'next_update_at', message: expect.stringContaining('future') },
    ])

    const noToken = await api('GET', '/api/v1/incidents', undefined, null)
    expect(noToken.status).toBe(401)

    const after = await api('GET', '/api/v1/incidents?status=all')
    expect(after.json).toEqual(before.json)
  })

  it('publishes its OpenAPI 3.1 document', async () => {
    const doc = await api('GET', '/api/v1/openapi.json', undefined, null)
    expect(doc.status).toBe(200)
    expect(doc.json.openapi).toBe('3.1.0')
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining(['/api/v1/incidents/{id}/updates', '/api/v2/summary.json']),
    )
  })
})
