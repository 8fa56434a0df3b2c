import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { z } from '@hono/zod-openapi'
import {
  ComponentSchema,
  IncidentSchema,
  MaintenanceSchema,
  PageSchema,
  StatusSchema,
  SummarySchema,
} from '../../src/schemas/statuspage'
import {
  call,
  callJson,
  inMinutes,
  makeArea,
  makeComponent,
  makeIncident,
  makeMaintenance,
  postMaintenanceUpdate,
  postUpdate,
  publicJson,
} from './factories'

/** A real Statuspage summary.json (discordstatus.com), trimmed to one component. */
const STATUSPAGE_SUMMARY = {
  page: {
    id: 'srhpyqt94yxb',
    name: 'Discord',
    url: 'https://discordstatus.com',
    time_zone: 'America/Tijuana',
    updated_at: '2022-02-15T13:37:37.407-08:00',
  },
  components: [
    {
      id: 'qk867vbbh84x',
      name: 'South Korea',
      status: 'operational',
      created_at: '2020-08-30T03:42:44.139-07:00',
      updated_at: '2020-08-30T09:16:24.968-07:00',
      position: 9,
      description: null,
      showcase: false,
      start_date: null,
      group_id: 'jk03xttfcz9b',
      page_id: 'srhpyqt94yxb',
      group: false,
      only_show_if_degraded: false,
    },
  ],
  incidents: [],
  scheduled_maintenances: [],
  status: { indicator: 'none', description: 'All Systems Operational' },
}

/** PRODUCT.md's fixed field lists, with the JSON type each field has in Statuspage. */
const INCIDENT_FIELDS = {
  id: 'string',
  name: 'string',
  status: 'string',
  impact: 'string',
  created_at: 'string',
  updated_at: 'string',
  monitoring_at: 'string|null',
  resolved_at: 'string|null',
  started_at: 'string',
  shortlink: 'string',
  page_id: 'string',
  incident_updates: 'array',
  components: 'array',
} as const
const MAINTENANCE_FIELDS = {
  ...INCIDENT_FIELDS,
  scheduled_for: 'string',
  scheduled_until: 'string',
} as const
const UPDATE_FIELDS = {
  id: 'string',
  status: 'string',
  body: 'string',
  incident_id: 'string',
  created_at: 'string',
  updated_at: 'string',
  display_at: 'string',
  affected_components: 'array',
} as const
const COMPONENT_FIELDS = {
  id: 'string',
  name: 'string',
  status: 'string',
  created_at: 'string',
  updated_at: 'string',
  position: 'number',
  description: 'string|null',
  showcase: 'boolean',
  start_date: 'string|null',
  group_id: 'string|null',
  page_id: 'string',
  group: 'boolean',
  only_show_if_degraded: 'boolean',
} as const
/** API.md's Candor fields on incidents. */
const CANDOR_FIELDS = {
  eta: 'string|null',
  eta_history: 'array',
  next_update_at: 'string|null',
  update_overdue: 'boolean',
  overdue_minutes: 'number',
  eta_passed: 'boolean',
  progress: 'number|null',
  workaround: 'string|null',
  areas: 'array',
  resolution_check: 'object',
} as const

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** Every key of `reference` exists in `actual` with the same JSON type. */
function expectSameKeysAndTypes(actual: Record<string, unknown>, reference: object) {
  for (const [key, value] of Object.entries(reference)) {
    expect(actual, `missing ${key}`).toHaveProperty(key)
    expect(jsonType(actual[key]), `type of ${key}`).toBe(jsonType(value))
  }
}

/** Every field of a PRODUCT.md list exists with one of its allowed JSON types. */
function expectFields(actual: Record<string, unknown>, fields: Record<string, string>) {
  for (const [key, types] of Object.entries(fields)) {
    expect(actual, `missing ${key}`).toHaveProperty(key)
    expect(types.split('|'), `type of ${key}`).toContain(jsonType(actual[key]))
  }
}

const withPage = <T extends z.ZodRawShape>(shape: T) => z.object({ page: PageSchema, ...shape })
const DOCUMENTS = {
  '/api/v2/summary.json': SummarySchema,
  '/api/v2/status.json': withPage({ status: StatusSchema }),
  '/api/v2/components.json': withPage({ components: z.array(ComponentSchema) }),
  '/api/v2/incidents.json': withPage({ incidents: z.array(IncidentSchema) }),
  '/api/v2/incidents/unresolved.json': withPage({ incidents: z.array(IncidentSchema) }),
  '/api/v2/scheduled-maintenances.json': withPage({
    scheduled_maintenances: z.array(MaintenanceSchema),
  }),
  '/api/v2/scheduled-maintenances/upcoming.json': withPage({
    scheduled_maintenances: z.array(MaintenanceSchema),
  }),
  '/api/v2/scheduled-maintenances/active.json': withPage({
    scheduled_maintenances: z.array(MaintenanceSchema),
  }),
} as const
const PATHS = Object.keys(DOCUMENTS) as (keyof typeof DOCUMENTS)[]

/** The top-level keys Statuspage answers each document with. */
const TOP_LEVEL_KEYS: Record<keyof typeof DOCUMENTS, string[]> = {
  '/api/v2/summary.json': ['components', 'incidents', 'page', 'scheduled_maintenances', 'status'],
  '/api/v2/status.json': ['page', 'status'],
  '/api/v2/components.json': ['components', 'page'],
  '/api/v2/incidents.json': ['incidents', 'page'],
  '/api/v2/incidents/unresolved.json': ['incidents', 'page'],
  '/api/v2/scheduled-maintenances.json': ['page', 'scheduled_maintenances'],
  '/api/v2/scheduled-maintenances/upcoming.json': ['page', 'scheduled_maintenances'],
  '/api/v2/scheduled-maintenances/active.json': ['page', 'scheduled_maintenances'],
}

async function read<P extends keyof typeof DOCUMENTS>(path: P) {
  return DOCUMENTS[path].parse(await publicJson(path)) as z.infer<(typeof DOCUMENTS)[P]>
}

/** Components, a grouped component, incidents and maintenances in every state. */
async function populate() {
  const area = await makeArea()
  const grouped = await makeComponent({ group_name: `Asia ${crypto.randomUUID().slice(0, 6)}` })
  const plain = await makeComponent({ description: 'Web app' })
  const open = await makeIncident({
    impact: 'major',
    components: { [plain.id]: 'partial_outage' },
    area_ids: [area.id],
    eta: inMinutes(90),
    next_update_at: inMinutes(30),
    progress: 20,
    workaround: 'Use the mobile app.',
  })
  await postUpdate(open.id, { status: 'identified', eta: inMinutes(120) })
  const monitoring = await makeIncident()
  await postUpdate(monitoring.id, { status: 'monitoring' })
  const resolved = await makeIncident({ components: { [grouped.id]: 'degraded_performance' } })
  await postUpdate(resolved.id, { status: 'resolved' })
  const upcoming = await makeMaintenance({ component_ids: [plain.id] })
  const active = await makeMaintenance({
    component_ids: [grouped.id],
    scheduled_for: inMinutes(-10),
  })
  await postMaintenanceUpdate(active.id, { status: 'in_progress' })
  const verifying = await makeMaintenance({ scheduled_for: inMinutes(-30) })
  await postMaintenanceUpdate(verifying.id, { status: 'verifying' })
  const completed = await makeMaintenance({ scheduled_for: inMinutes(-60) })
  await postMaintenanceUpdate(completed.id, { status: 'completed' })
  return {
    area,
    grouped,
    plain,
    open,
    monitoring,
    resolved,
    upcoming,
    active,
    verifying,
    completed,
  }
}

describe('the eight Statuspage v2 documents', () => {
  it('each parses with the API’s own schema and has exactly Statuspage’s top-level keys', async () => {
    await populate()
    for (const path of PATHS) {
      const res = await call('GET', path, { token: null })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/)
      const body = (await res.json()) as Record<string, unknown>
      DOCUMENTS[path].parse(body)
      expect(Object.keys(body).sort(), path).toEqual(TOP_LEVEL_KEYS[path])
    }
  })

  it('need no token, and ignore a bad one', async () => {
    for (const path of PATHS) {
      expect((await call('GET', path, { token: 'not-a-token' })).status, path).toBe(200)
    }
  })

  it('page, component and status carry every key of a real Statuspage summary, same types', async () => {
    const component = await makeComponent({
      group_name: `Korea ${crypto.randomUUID().slice(0, 6)}`,
      showcase: false,
    })
    const summary = await read('/api/v2/summary.json')
    expect(Object.keys(summary).sort()).toEqual(Object.keys(STATUSPAGE_SUMMARY).sort())
    expectSameKeysAndTypes(summary.page, STATUSPAGE_SUMMARY.page)
    expectSameKeysAndTypes(summary.status, STATUSPAGE_SUMMARY.status)
    const ours = summary.components.find((c) => c.id === component.id)!
    expectSameKeysAndTypes(ours, STATUSPAGE_SUMMARY.components[0]!)
    expect(ours.page_id).toBe(summary.page.id)
    for (const time of [summary.page.updated_at, ours.created_at, ours.updated_at]) {
      expect(Number.isNaN(Date.parse(time))).toBe(false)
    }

    const components = await read('/api/v2/components.json')
    expectSameKeysAndTypes(
      components.components.find((c) => c.id === component.id)!,
      STATUSPAGE_SUMMARY.components[0]!,
    )
    const status = await read('/api/v2/status.json')
    expectSameKeysAndTypes(status.page, STATUSPAGE_SUMMARY.page)
    expectSameKeysAndTypes(status.status, STATUSPAGE_SUMMARY.status)
  })

  it('incidents and their updates carry PRODUCT.md’s fields and Candor’s', async () => {
    const { open, area } = await populate()
    const { incidents } = await read('/api/v2/incidents.json')
    const incident = incidents.find((i) => i.id === open.id)!
    expectFields(incident, INCIDENT_FIELDS)
    expectFields(incident, CANDOR_FIELDS)
    for (const update of incident.incident_updates) expectFields(update, UPDATE_FIELDS)
    expect(incident.components).toHaveLength(1)
    for (const component of incident.components) expectFields(component, COMPONENT_FIELDS)
    expect(incident).toMatchObject({
      status: 'identified',
      impact: 'major',
      progress: 20,
      workaround: 'Use the mobile app.',
      areas: [{ id: area.id, name: area.name }],
      eta_moves: 1,
      resolution_check: { fixed: 0, still_broken: 0 },
    })
    expect(incident.eta_history).toHaveLength(2)
    for (const entry of incident.eta_history)
      expectFields(entry, { eta: 'string|null', set_at: 'string' })
    expect(incident.incident_updates).toHaveLength(2)
    expect(incident.shortlink).toBe(`http://candor.test/incidents/${open.id}`)
  })

  it('maintenances carry the incident fields plus scheduled_for and scheduled_until', async () => {
    const { active } = await populate()
    const { scheduled_maintenances } = await read('/api/v2/scheduled-maintenances.json')
    const maintenance = scheduled_maintenances.find((m) => m.id === active.id)!
    expectFields(maintenance, MAINTENANCE_FIELDS)
    expectFields(maintenance, CANDOR_FIELDS)
    for (const update of maintenance.incident_updates) expectFields(update, UPDATE_FIELDS)
    expect(maintenance).toMatchObject({ status: 'in_progress', impact: 'maintenance' })
  })
})

describe('filters', () => {
  it('incidents.json lists all, newest first; unresolved.json only the open ones', async () => {
    const { open, monitoring, resolved } = await populate()
    const all = (await read('/api/v2/incidents.json')).incidents.map((i) => i.id)
    expect(all).toEqual(expect.arrayContaining([open.id, monitoring.id, resolved.id]))
    expect(all.indexOf(resolved.id)).toBeLessThan(all.indexOf(open.id))

    const unresolved = (await read('/api/v2/incidents/unresolved.json')).incidents
    expect(unresolved.map((i) => i.id)).toEqual(expect.arrayContaining([open.id, monitoring.id]))
    expect(unresolved.map((i) => i.id)).not.toContain(resolved.id)
    expect(unresolved.every((i) => i.status !== 'resolved' && i.status !== 'postmortem')).toBe(true)
  })

  it('upcoming lists scheduled maintenances; active lists in progress and verifying', async () => {
    const { upcoming, active, verifying, completed } = await populate()
    const all = (await read('/api/v2/scheduled-maintenances.json')).scheduled_maintenances
    expect(all.map((m) => m.id)).toEqual(
      expect.arrayContaining([upcoming.id, active.id, verifying.id, completed.id]),
    )

    const soon = (await read('/api/v2/scheduled-maintenances/upcoming.json')).scheduled_maintenances
    expect(soon.map((m) => m.id)).toContain(upcoming.id)
    expect(soon.every((m) => m.status === 'scheduled')).toBe(true)

    const now = (await read('/api/v2/scheduled-maintenances/active.json')).scheduled_maintenances
    expect(now.map((m) => m.id)).toEqual(expect.arrayContaining([active.id, verifying.id]))
    expect(now.every((m) => m.status === 'in_progress' || m.status === 'verifying')).toBe(true)
  })

  it('summary holds unresolved incidents and upcoming plus active maintenances', async () => {
    const { open, monitoring, resolved, upcoming, active, verifying, completed } = await populate()
    const summary = await read('/api/v2/summary.json')
    const incidentIds = summary.incidents.map((i) => i.id)
    expect(incidentIds).toEqual(expect.arrayContaining([open.id, monitoring.id]))
    expect(incidentIds).not.toContain(resolved.id)
    const maintenanceIds = summary.scheduled_maintenances.map((m) => m.id)
    expect(maintenanceIds).toEqual(expect.arrayContaining([upcoming.id, active.id, verifying.id]))
    expect(maintenanceIds).not.toContain(completed.id)
  })

  it('components.json lists groups with their children', async () => {
    const { grouped, plain } = await populate()
    const { components } = await read('/api/v2/components.json')
    const group = components.find((c) => c.id === grouped.group_id)!
    expect(group.group).toBe(true)
    expect(group.components).toEqual([grouped.id])
    // In an active maintenance; in an open incident and only an upcoming maintenance.
    expect(components.find((c) => c.id === grouped.id)!.status).toBe('under_maintenance')
    expect(components.find((c) => c.id === plain.id)!.status).toBe('partial_outage')
  })
})

describe('HTTP behaviour', () => {
  it('every answer is CORS-open, cacheable and carries an ETag', async () => {
    for (const path of PATHS) {
      const res = await call('GET', path, { token: null, headers: { origin: 'https://x.test' } })
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*')
      expect(res.headers.get('cache-control'), path).toMatch(/max-age=\d+/)
      expect(res.headers.get('etag'), path).toMatch(/^(W\/)?"[^"]+"$/)
    }
  })

  it('answers a CORS preflight', async () => {
    const res = await call('OPTIONS', '/api/v2/summary.json', {
      token: null,
      headers: { origin: 'https://x.test', 'access-control-request-method': 'GET' },
    })
    expect(res.status).toBeLessThan(300)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-methods')).toContain('GET')
  })

  it('If-None-Match with the current ETag → 304 with no body, still cacheable', async () => {
    for (const path of PATHS) {
      const first = await call('GET', path, { token: null })
      const etag = first.headers.get('etag')!
      const again = await call('GET', path, { token: null, headers: { 'if-none-match': etag } })
      expect(again.status, path).toBe(304)
      expect(await again.text(), path).toBe('')
      expect(again.headers.get('etag'), path).toBe(etag)
      expect(again.headers.get('cache-control'), path).toMatch(/max-age=\d+/)
      expect(again.headers.get('access-control-allow-origin'), path).toBe('*')
    }
  })

  it('a stale ETag gets the full document', async () => {
    const res = await call('GET', '/api/v2/summary.json', {
      token: null,
      headers: { 'if-none-match': '"stale"' },
    })
    expect(res.status).toBe(200)
    SummarySchema.parse(await res.json())
  })
})

describe('writes and the snapshot', () => {
  it('a write is visible on the next public read, with a new ETag', async () => {
    const before = await call('GET', '/api/v2/summary.json', { token: null })
    const etag = before.headers.get('etag')!
    const component = await makeComponent()
    const after = await call('GET', '/api/v2/summary.json', {
      token: null,
      headers: { 'if-none-match': etag },
    })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    const summary = SummarySchema.parse(await after.json())
    expect(summary.components.map((c) => c.id)).toContain(component.id)

    const incident = await makeIncident({ components: { [component.id]: 'major_outage' } })
    let unresolved = (await read('/api/v2/incidents/unresolved.json')).incidents
    expect(unresolved.map((i) => i.id)).toContain(incident.id)
    expect(
      (await read('/api/v2/components.json')).components.find((c) => c.id === component.id)!.status,
    ).toBe('major_outage')
    expect((await read('/api/v2/status.json')).status.indicator).toBe('critical')

    await postUpdate(incident.id, { status: 'resolved' })
    unresolved = (await read('/api/v2/incidents/unresolved.json')).incidents
    expect(unresolved.map((i) => i.id)).not.toContain(incident.id)
    expect(
      (await read('/api/v2/components.json')).components.find((c) => c.id === component.id)!.status,
    ).toBe('operational')
  })

  it('renaming the page shows on the next read', async () => {
    const name = `Acme Broadband ${crypto.randomUUID().slice(0, 4)}`
    await callJson('PATCH', '/api/v1/page', { body: { name, time_zone: 'Europe/Amsterdam' } })
    const { page } = await read('/api/v2/status.json')
    expect(page).toMatchObject({ name, time_zone: 'Europe/Amsterdam', url: 'http://candor.test' })
  })

  it('a refused write leaves the public documents as they were', async () => {
    const before = await call('GET', '/api/v2/summary.json', { token: null })
    const etag = before.headers.get('etag')!
    const res = await call('POST', '/api/v1/components', { body: { name: '' } })
    expect(res.status).toBe(400)
    const after = await call('GET', '/api/v2/summary.json', {
      token: null,
      headers: { 'if-none-match': etag },
    })
    expect(after.status).toBe(304)
  })

  it('public reads come from the snapshot, not from D1', async () => {
    const component = await makeComponent()
    // Change D1 behind the API's back: the public documents do not see it until a write.
    await env.DB.prepare("UPDATE components SET status = 'major_outage' WHERE id = ?")
      .bind(component.id)
      .run()
    const served = (await read('/api/v2/components.json')).components
    expect(served.find((c) => c.id === component.id)!.status).toBe('operational')
    await makeArea()
    const rebuilt = (await read('/api/v2/components.json')).components
    expect(rebuilt.find((c) => c.id === component.id)!.status).toBe('major_outage')
  })
})
