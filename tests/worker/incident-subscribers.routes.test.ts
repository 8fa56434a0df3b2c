import { describe, expect, it } from 'vitest'
import {
  call,
  callJson,
  makeIncident,
  makeMaintenance,
  makeToken,
  rows,
  tableCounts,
} from './factories'

/** `/api/v1/incidents/{id}/subscribers`: Candor's own routes for an incident's subscribers. */

const address = (label: string) => `api-inc-${label}-${crypto.randomUUID().slice(0, 8)}@example.net`

async function refused(
  status: number,
  method: string,
  path: string,
  options: Parameters<typeof call>[2] = {},
): Promise<{ error: { code: string; message: string } }> {
  const before = await tableCounts()
  const res = await call(method, path, options)
  const body = (await res.json()) as { error: { code: string; message: string } }
  expect(res.status, JSON.stringify(body)).toBe(status)
  expect(typeof body.error.message).toBe('string')
  expect(await tableCounts()).toEqual(before)
  return body
}

describe('/api/v1/incidents/{id}/subscribers', () => {
  it('subscribes, lists and removes; a maintenance can be followed too', async () => {
    const incident = await makeIncident({ notify: false })
    const path = `/api/v1/incidents/${incident.id}/subscribers`
    const email = address('one')
    const pending = await callJson('POST', path, { body: { email } })
    expect(pending).toMatchObject({
      email,
      status: 'pending',
      everything: false,
      component_ids: [],
      area_ids: [],
      incident_ids: [incident.id],
    })
    const [mail] = await rows<{ n: number }>(
      'SELECT COUNT(*) AS n FROM transactional_mail WHERE recipient = ?',
      email,
    )
    expect(mail!.n).toBe(1)
    const list = await callJson('GET', path)
    expect(list.subscribers.map((s: { id: string }) => s.id)).toEqual([pending.id])

    // The same address follows a maintenance as well: one subscriber, two incidents.
    const maintenance = await makeMaintenance()
    const both = await callJson('POST', `/api/v1/incidents/${maintenance.id}/subscribers`, {
      body: { email: email.toUpperCase() },
    })
    expect(both.id).toBe(pending.id)
    expect(both.incident_ids).toEqual([incident.id, maintenance.id])

    const one = await callJson('DELETE', `${path}/${pending.id}`)
    expect(one).toMatchObject({ status: 'pending', incident_ids: [maintenance.id] })
    const last = await callJson(
      'DELETE',
      `/api/v1/incidents/${maintenance.id}/subscribers/${pending.id}`,
    )
    expect(last).toMatchObject({ status: 'unsubscribed', incident_ids: [] })
    expect((await callJson('GET', path)).subscribers).toEqual([])
  })

  it('refuses bad input, unknown ids, a left address and a read token, writing nothing', async () => {
    const incident = await makeIncident({ notify: false })
    const path = `/api/v1/incidents/${incident.id}/subscribers`
    await refused(400, 'POST', path, { body: { email: 'not-an-address' } })
    await refused(400, 'POST', path, { body: {} })
    await refused(400, 'POST', path, { body: { email: address('x'), extra: 1 } })
    await refused(404, 'POST', '/api/v1/incidents/nosuchinc001/subscribers', {
      body: { email: address('x') },
    })
    await refused(404, 'GET', '/api/v1/incidents/nosuchinc001/subscribers')
    await refused(404, 'DELETE', `${path}/nosuchsub001`)
    const s = await callJson('POST', path, {
      body: { email: address('left'), skip_confirmation: true },
    })
    await callJson('DELETE', `${path}/${s.id}`)
    const left = await refused(409, 'POST', path, { body: { email: s.email } })
    expect(left.error.message).toMatch(/unsubscribed/)
    await refused(401, 'GET', path, { token: null })
    const reader = await makeToken(['read'])
    await refused(403, 'GET', path, { token: reader.token })
    await refused(403, 'POST', path, { token: reader.token, body: { email: address('r') } })
  })

  it('is in the OpenAPI document', async () => {
    const doc = await callJson('GET', '/api/v1/openapi.json', { token: null, expect: 200 })
    expect(Object.keys(doc.paths['/api/v1/incidents/{id}/subscribers'] ?? {}).sort()).toEqual([
      'get',
      'post',
    ])
    expect(
      Object.keys(doc.paths['/api/v1/incidents/{id}/subscribers/{subscriber_id}'] ?? {}),
    ).toEqual(['delete'])
  })
})
