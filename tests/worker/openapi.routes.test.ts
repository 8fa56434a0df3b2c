import { beforeAll, describe, expect, it } from 'vitest'
import { call } from './factories'

interface Operation {
  security?: Record<string, string[]>[]
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>
  requestBody?: unknown
}
interface OpenApiDocument {
  openapi: string
  info: { title: string; version: string }
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> } & Record<
    string,
    unknown
  >
}

let doc: OpenApiDocument

beforeAll(async () => {
  const res = await call('GET', '/api/v1/openapi.json', { token: null })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  doc = (await res.json()) as OpenApiDocument
})

/** API.md's admin API: path → methods. */
const ADMIN_OPERATIONS: Record<string, string[]> = {
  '/api/v1/tokens': ['get', 'post'],
  '/api/v1/tokens/{id}': ['delete'],
  '/api/v1/components': ['get', 'post'],
  '/api/v1/components/{id}': ['get', 'patch', 'delete'],
  '/api/v1/areas': ['get', 'post'],
  '/api/v1/incidents': ['get', 'post'],
  '/api/v1/incidents/{id}': ['get'],
  '/api/v1/incidents/{id}/updates': ['post'],
  '/api/v1/incidents/{id}/publish': ['post'],
  '/api/v1/intake/alertmanager': ['post'],
  '/api/v1/intake/generic': ['post'],
  '/api/v1/intake/settings': ['get', 'patch'],
  '/api/v1/maintenances': ['get', 'post'],
  '/api/v1/maintenances/{id}': ['get'],
  '/api/v1/maintenances/{id}/updates': ['post'],
}

const PUBLIC_PATHS = [
  '/api/v2/summary.json',
  '/api/v2/status.json',
  '/api/v2/components.json',
  '/api/v2/incidents.json',
  '/api/v2/incidents/unresolved.json',
  '/api/v2/scheduled-maintenances.json',
  '/api/v2/scheduled-maintenances/upcoming.json',
  '/api/v2/scheduled-maintenances/active.json',
]

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document, served without a token', () => {
    expect(doc.openapi).toMatch(/^3\.1\./)
    expect(doc.info.title).toBeTruthy()
    expect(doc.info.version).toBeTruthy()
  })

  it('lists every admin path and method of API.md, each behind the bearer token', () => {
    for (const [path, methods] of Object.entries(ADMIN_OPERATIONS)) {
      expect(doc.paths, path).toHaveProperty([path])
      for (const method of methods) {
        const operation = doc.paths[path]![method]
        expect(operation, `${method.toUpperCase()} ${path}`).toBeDefined()
        expect(operation!.security, `${method.toUpperCase()} ${path}`).toEqual([{ Bearer: [] }])
        expect(Object.keys(operation!.responses), `${method.toUpperCase()} ${path}`).toEqual(
          expect.arrayContaining(['401', '403']),
        )
      }
    }
    expect(doc.components).toHaveProperty(['securitySchemes', 'Bearer', 'scheme'], 'bearer')
  })

  it('lists the eight Statuspage v2 paths as public GETs', () => {
    for (const path of PUBLIC_PATHS) {
      const operation = doc.paths[path]?.get
      expect(operation, path).toBeDefined()
      expect(operation!.security ?? [], path).toEqual([])
      expect(operation!.responses['200']?.content?.['application/json'], path).toBeDefined()
    }
  })

  it('documents the error answers of writes with the error schema', () => {
    const create = doc.paths['/api/v1/incidents']!.post!
    for (const status of ['400', '401', '403', '404', '409', '413', '415']) {
      expect(create.responses[status]?.content?.['application/json']?.schema, status).toEqual({
        $ref: '#/components/schemas/Error',
      })
    }
    expect(doc.components.schemas.Error?.properties).toHaveProperty('error')
  })

  it('describes Candor’s incident fields (API.md) on the Incident schema', () => {
    const incident = doc.components.schemas.Incident?.properties ?? {}
    for (const field of [
      'eta',
      'eta_history',
      'next_update_at',
      'update_overdue',
      'overdue_minutes',
      'eta_passed',
      'progress',
      'workaround',
      'areas',
      'resolution_check',
      'incident_updates',
      'components',
      'shortlink',
    ]) {
      expect(incident, field).toHaveProperty([field])
    }
    const input = doc.components.schemas.IncidentInput?.properties ?? {}
    for (const field of ['name', 'status', 'impact', 'body', 'components', 'area_ids', 'eta']) {
      expect(input, field).toHaveProperty([field])
    }
    for (const field of ['next_update_at', 'progress', 'workaround', 'notify']) {
      expect(input, field).toHaveProperty([field])
    }
  })

  it('has no dangling $ref', () => {
    const refs = new Set<string>()
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk)
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.add(value)
          else walk(value)
        }
      }
    }
    walk(doc)
    expect(refs.size).toBeGreaterThan(0)
    for (const ref of refs) {
      // Schemas, and the reusable parameters and responses (e.g. Idempotency-Key) alike.
      const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? []
      expect(section, ref).toBeDefined()
      expect(doc.components[section!], ref).toHaveProperty([name!])
    }
  })
})
