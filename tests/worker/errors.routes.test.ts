import { exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { ErrorSchema } from '../../src/schemas/inputs'
import {
  ADMIN,
  call,
  callJson,
  inMinutes,
  makeArea,
  makeComponent,
  makeIncident,
  makeMaintenance,
  tableCounts,
} from './factories'

interface Refusal {
  status: number
  code: string
  details?: unknown
  message: string
}

/**
 * Sends a request that must be refused: checks API.md's error shape and that nothing at all
 * was written.
 */
async function refused(
  method: string,
  path: string,
  options: Parameters<typeof call>[2] = {},
): Promise<Refusal> {
  const before = await tableCounts()
  const res = await call(method, path, options)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  const body = ErrorSchema.parse(await res.json())
  expect(await tableCounts()).toEqual(before)
  return { status: res.status, ...body.error }
}

/** POST /api/v1/incidents with a streamed body: no Content-Length, as a chunked upload. */
async function streamed(contentType: string, text: string): Promise<Response> {
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text))
      controller.close()
    },
  })
  const init = {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': contentType },
    body,
    duplex: 'half',
  }
  return exports.default.fetch(new Request('http://candor.test/api/v1/incidents', init))
}

const paths = (refusal: Refusal) =>
  (refusal.details as { path: string }[]).map((d) => d.path).sort()

let component: { id: string; name: string }
let area: { id: string }
let incident: { id: string }
let maintenance: { id: string }

beforeAll(async () => {
  component = await makeComponent()
  area = await makeArea()
  incident = await makeIncident({ components: { [component.id]: 'degraded_performance' } })
  maintenance = await makeMaintenance({ component_ids: [component.id] })
})

const incidentBody = (fields: Record<string, unknown> = {}) => ({
  name: 'Refused incident',
  status: 'investigating',
  impact: 'minor',
  body: 'x',
  ...fields,
})

describe('malformed JSON', () => {
  it.each([
    ['POST', '/api/v1/components'],
    ['POST', '/api/v1/incidents'],
    ['POST', '/api/v1/areas'],
    ['POST', '/api/v1/tokens'],
  ])('%s %s → 400', async (method, path) => {
    const refusal = await refused(method, path, { body: '{"name": "half' })
    expect(refusal).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(refusal.message).toMatch(/JSON/)
  })

  it('an update with malformed JSON → 400', async () => {
    const refusal = await refused('POST', `/api/v1/incidents/${incident.id}/updates`, {
      body: '{"body": "x",}',
    })
    expect(refusal).toMatchObject({ status: 400, code: 'validation_failed' })
  })

  it('a JSON array instead of an object → 400', async () => {
    const refusal = await refused('POST', '/api/v1/components', { body: '["name"]' })
    expect(refusal).toMatchObject({ status: 400, code: 'validation_failed' })
  })
})

describe('wrong types', () => {
  it('names every bad field in details', async () => {
    const refusal = await refused('POST', '/api/v1/incidents', {
      body: {
        name: 5,
        status: 'on_fire',
        impact: 'minor',
        body: 'x',
        progress: 'half',
        eta: 'soon',
      },
    })
    expect(refusal).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(paths(refusal)).toEqual(['eta', 'name', 'progress', 'status'])
  })

  it('names the nested path of a bad component status', async () => {
    const refusal = await refused('POST', '/api/v1/incidents', {
      body: incidentBody({ components: { [component.id]: 'broken' } }),
    })
    expect(refusal).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(paths(refusal)).toEqual([`components.${component.id}`])
  })

  it('names the index of a bad array element', async () => {
    const refusal = await refused('POST', '/api/v1/incidents', {
      body: incidentBody({ area_ids: [area.id, 7] }),
    })
    expect(paths(refusal)).toEqual(['area_ids.1'])
  })

  it('a missing required field is named', async () => {
    const refusal = await refused('POST', '/api/v1/incidents', {
      body: { name: 'x', status: 'investigating', impact: 'minor' },
    })
    expect(paths(refusal)).toEqual(['body'])
  })

  it('a wrongly typed PATCH → 400', async () => {
    const refusal = await refused('PATCH', `/api/v1/components/${component.id}`, {
      body: { position: 'first', showcase: 'yes' },
    })
    expect(refusal).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(paths(refusal)).toEqual(['position', 'showcase'])
  })

  it('a time that is not ISO-8601 → 400', async () => {
    const refusal = await refused('POST', `/api/v1/incidents/${incident.id}/updates`, {
      body: { body: 'x', next_update_at: 'in an hour' },
    })
    expect(paths(refusal)).toEqual(['next_update_at'])
  })

  it('a blank name or body → 400', async () => {
    const refusal = await refused('POST', '/api/v1/incidents', {
      body: incidentBody({ name: '   ', body: '' }),
    })
    expect(paths(refusal)).toEqual(['body', 'name'])
  })
})

describe('page settings', () => {
  it('an unknown time zone → 400 naming time_zone', async () => {
    const refusal = await refused('PATCH', '/api/v1/page', { body: { time_zone: 'Mars/Olympus' } })
    expect(refusal).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(paths(refusal)).toEqual(['time_zone'])
    expect((await callJson('GET', '/api/v1/page')).time_zone).toBe('Etc/UTC')
  })

  it('a language Candor does not speak → 400 naming language; the default stays English', async () => {
    const refusal = await refused('PATCH', '/api/v1/page', {
      body: { language: 'tlh', name: 'Not saved' },
    })
    expect(refusal).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(paths(refusal)).toEqual(['language'])
    expect(await callJson('GET', '/api/v1/page')).toMatchObject({ language: 'en', name: 'Candor' })
  })
})

describe('unknown fields are refused, not silently dropped', () => {
  it.each([
    ['POST', '/api/v1/components', { name: 'Typo', colour: 'red' }, 'colour'],
    ['POST', '/api/v1/areas', { name: 'Typo', region: 'north' }, 'region'],
    ['POST', '/api/v1/tokens', { name: 't', scopes: ['read'], expires: 'never' }, 'expires'],
  ])('%s %s', async (method, path, body, field) => {
    const refusal = await refused(method, path, { body })
    expect(refusal).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(paths(refusal)).toEqual([field])
  })

  it('on incidents and updates', async () => {
    const created = await refused('POST', '/api/v1/incidents', {
      body: incidentBody({ severity: 'high' }),
    })
    expect(created).toMatchObject({ status: 400, code: 'validation_failed' })
    const updated = await refused('POST', `/api/v1/incidents/${incident.id}/updates`, {
      body: { body: 'x', nextUpdate: inMinutes(30) },
    })
    expect(updated).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(paths(updated)).toEqual(['nextUpdate'])
  })
})

describe('progress must be a whole percentage', () => {
  it.each([101, -1, 50.5])('progress %s on a new incident → 400', async (progress) => {
    const refusal = await refused('POST', '/api/v1/incidents', { body: incidentBody({ progress }) })
    expect(refusal).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(paths(refusal)).toEqual(['progress'])
  })

  it.each([101, -1])('progress %s on an update → 400', async (progress) => {
    const refusal = await refused('POST', `/api/v1/incidents/${incident.id}/updates`, {
      body: { body: 'x', progress },
    })
    expect(refusal).toMatchObject({ status: 400, code: 'validation_failed' })
  })

  it('0 and 100 are accepted', async () => {
    const created = await makeIncident({ progress: 0 })
    expect(created.progress).toBe(0)
    const done = await callJson('POST', `/api/v1/incidents/${created.id}/updates`, {
      body: { body: 'x', progress: 100 },
    })
    expect(done.incident.progress).toBe(100)
  })
})

describe('unknown ids → 404', () => {
  it.each([
    ['GET', '/api/v1/components/nosuchthing', undefined],
    ['PATCH', '/api/v1/components/nosuchthing', { description: 'x' }],
    ['DELETE', '/api/v1/components/nosuchthing', undefined],
    ['GET', '/api/v1/areas/nosuchthing', undefined],
    ['PATCH', '/api/v1/areas/nosuchthing', { name: 'x' }],
    ['DELETE', '/api/v1/areas/nosuchthing', undefined],
    ['GET', '/api/v1/incidents/nosuchthing', undefined],
    ['POST', '/api/v1/incidents/nosuchthing/updates', { body: 'x' }],
    ['GET', '/api/v1/maintenances/nosuchthing', undefined],
    ['POST', '/api/v1/maintenances/nosuchthing/updates', { body: 'x' }],
    ['DELETE', '/api/v1/tokens/nosuchthing', undefined],
  ])('%s %s', async (method, path, body) => {
    const refusal = await refused(method, path, body === undefined ? {} : { body })
    expect(refusal).toMatchObject({ status: 404, code: 'not_found' })
  })

  it('a component id inside the components map of a new incident', async () => {
    const refusal = await refused('POST', '/api/v1/incidents', {
      body: incidentBody({
        components: { [component.id]: 'major_outage', nosuchcomponent: 'major_outage' },
      }),
    })
    expect(refusal).toMatchObject({ status: 404, code: 'not_found' })
    expect(paths(refusal)).toEqual(['components.nosuchcomponent'])
    const stored = await callJson('GET', `/api/v1/components/${component.id}`)
    expect(stored.status).toBe('degraded_performance')
  })

  it('a component id inside the components map of an update', async () => {
    const refusal = await refused('POST', `/api/v1/incidents/${incident.id}/updates`, {
      body: { body: 'x', status: 'resolved', components: { nosuchcomponent: 'operational' } },
    })
    expect(refusal).toMatchObject({ status: 404, code: 'not_found' })
    const stored = await callJson('GET', `/api/v1/incidents/${incident.id}`)
    expect(stored.status).toBe('investigating')
  })

  it('an area id in area_ids, on a new incident and on an update', async () => {
    const created = await refused('POST', '/api/v1/incidents', {
      body: incidentBody({ area_ids: [area.id, 'nosucharea'] }),
    })
    expect(created).toMatchObject({ status: 404, code: 'not_found' })
    expect(paths(created)).toEqual(['area_ids'])
    const updated = await refused('POST', `/api/v1/incidents/${incident.id}/updates`, {
      body: { body: 'x', area_ids: ['nosucharea'] },
    })
    expect(updated).toMatchObject({ status: 404, code: 'not_found' })
  })

  it('a component id in a maintenance’s component_ids', async () => {
    const refusal = await refused('POST', '/api/v1/maintenances', {
      body: {
        name: 'x',
        body: 'x',
        scheduled_for: inMinutes(60),
        scheduled_until: inMinutes(90),
        component_ids: ['nosuchcomponent'],
      },
    })
    expect(refusal).toMatchObject({ status: 404, code: 'not_found' })
    expect(paths(refusal)).toEqual(['component_ids'])
  })
})

describe('body size and content type', () => {
  it('a body over 64 KB → 413', async () => {
    const refusal = await refused('POST', '/api/v1/incidents', {
      body: incidentBody({ body: 'x'.repeat(70 * 1024) }),
    })
    expect(refusal).toMatchObject({ status: 413, code: 'payload_too_large' })
  })

  it('an update over 64 KB → 413', async () => {
    const refusal = await refused('POST', `/api/v1/incidents/${incident.id}/updates`, {
      body: { body: 'y'.repeat(65 * 1024) },
    })
    expect(refusal).toMatchObject({ status: 413, code: 'payload_too_large' })
  })

  it('a streamed (chunked) body over 64 KB without Content-Length → 413', async () => {
    const before = await tableCounts()
    const res = await streamed(
      'application/json',
      JSON.stringify(incidentBody({ body: 'x'.repeat(70 * 1024) })),
    )
    expect(res.status).toBe(413)
    expect(ErrorSchema.parse(await res.json()).error.code).toBe('payload_too_large')
    expect(await tableCounts()).toEqual(before)
  })

  it('a streamed (chunked) body in text/plain → 415', async () => {
    const before = await tableCounts()
    const res = await streamed('text/plain', JSON.stringify(incidentBody()))
    expect(res.status).toBe(415)
    expect(ErrorSchema.parse(await res.json()).error.code).toBe('unsupported_media_type')
    expect(await tableCounts()).toEqual(before)
  })

  it('a body just under 64 KB is judged on its content, not its size', async () => {
    const refusal = await refused('POST', '/api/v1/components', {
      body: { name: 'Nearly too big', description: 'z'.repeat(63 * 1024) },
    })
    // Too long a description (400), not too large a body (413).
    expect(refusal).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(paths(refusal)).toEqual(['description'])
  })

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'content type %s → 415',
    async (type) => {
      const refusal = await refused('POST', '/api/v1/components', {
        body: JSON.stringify({ name: 'Wrong type' }),
        headers: { 'content-type': type },
      })
      expect(refusal).toMatchObject({ status: 415, code: 'unsupported_media_type' })
    },
  )

  it('a PATCH in text/plain → 415', async () => {
    const refusal = await refused('PATCH', `/api/v1/components/${component.id}`, {
      body: JSON.stringify({ description: 'x' }),
      headers: { 'content-type': 'text/plain' },
    })
    expect(refusal).toMatchObject({ status: 415, code: 'unsupported_media_type' })
  })

  it('application/json with a charset is accepted', async () => {
    const res = await call('POST', '/api/v1/areas', {
      body: { name: 'Charset area' },
      headers: { 'content-type': 'application/json; charset=utf-8' },
    })
    expect(res.status).toBe(201)
  })
})

describe('impossible transitions → 409', () => {
  it('maintenance completed → scheduled', async () => {
    const m = await makeMaintenance()
    await callJson('POST', `/api/v1/maintenances/${m.id}/updates`, {
      body: { body: 'done', status: 'completed' },
    })
    const refusal = await refused('POST', `/api/v1/maintenances/${m.id}/updates`, {
      body: { body: 'x', status: 'scheduled' },
    })
    expect(refusal).toMatchObject({ status: 409, code: 'conflict' })
  })

  it('deleting a component an open incident uses', async () => {
    const refusal = await refused('DELETE', `/api/v1/components/${component.id}`)
    expect(refusal).toMatchObject({ status: 409, code: 'conflict' })
  })

  it('maintenance → a backwards step from in_progress', async () => {
    await callJson('POST', `/api/v1/maintenances/${maintenance.id}/updates`, {
      body: { body: 'go', status: 'in_progress' },
    })
    const refusal = await refused('POST', `/api/v1/maintenances/${maintenance.id}/updates`, {
      body: { body: 'x', status: 'scheduled' },
    })
    expect(refusal).toMatchObject({ status: 409, code: 'conflict' })
  })
})

describe('unknown API paths', () => {
  it.each([
    ['GET', '/api/v2/nothing.json'],
    ['GET', '/api/v3/summary.json'],
    ['GET', '/api/'],
  ])('%s %s → 404 JSON', async (method, path) => {
    const refusal = await refused(method, path, { token: null })
    expect(refusal).toMatchObject({ status: 404, code: 'not_found' })
  })

  // Deny by default: under /api/v1 only a valid token learns that a path does not exist.
  it.each([
    ['GET', '/api/v1/nothing-here'],
    ['POST', '/api/v1/nothing-here'],
  ])('%s %s → 404 JSON with a token, 401 without', async (method, path) => {
    const refusal = await refused(method, path)
    expect(refusal).toMatchObject({ status: 404, code: 'not_found' })
    const anonymous = await refused(method, path, { token: null })
    expect(anonymous).toMatchObject({ status: 401, code: 'unauthorized' })
  })
})
