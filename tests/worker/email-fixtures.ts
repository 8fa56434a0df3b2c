import {
  ComponentSchema,
  IncidentSchema,
  MaintenanceSchema,
  type ComponentJson,
  type IncidentJson,
  type IncidentUpdateJson,
  type MaintenanceJson,
} from '../../src/schemas/statuspage'
import type { EventMessage } from '../../src/notify/types'

/**
 * Events as the pipeline hands them to the email renderer, at fixed times so that subjects
 * and dates can be asserted exactly. Mon 23 Nov 2026 is a Monday. Each object is checked
 * against the API's own schema, so the fixtures cannot drift from the real shape.
 */

export const LINKS = {
  incident: 'https://status.example.com/incidents/inc_1?from=email&x=1',
  manage: 'https://status.example.com/subscriptions/manage/tok_manage',
  unsubscribe: 'https://status.example.com/subscriptions/unsubscribe/tok_unsub',
}

export function component(overrides: Partial<ComponentJson> = {}): ComponentJson {
  return ComponentSchema.parse({
    id: 'cmp_broadband',
    name: 'Broadband',
    status: 'major_outage',
    created_at: '2026-11-01T00:00:00.000Z',
    updated_at: '2026-11-23T13:00:00.000Z',
    position: 1,
    description: null,
    showcase: true,
    start_date: null,
    group_id: null,
    page_id: 'page_1',
    group: false,
    only_show_if_degraded: false,
    help_url: null,
    ...overrides,
  })
}

export function update(overrides: Partial<IncidentUpdateJson> = {}): IncidentUpdateJson {
  return {
    id: 'upd_1',
    status: 'investigating',
    body: 'Broadband is down in M14.',
    incident_id: 'inc_1',
    created_at: '2026-11-23T13:00:00.000Z',
    updated_at: '2026-11-23T13:00:00.000Z',
    display_at: '2026-11-23T13:00:00.000Z',
    affected_components: [],
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
    eta: null,
    next_update_at: null,
    progress: null,
    next_steps: null,
    workaround: null,
    ...overrides,
  }
}

/** An open incident whose ETA moved twice: Mon 18:00 → Tue 18:00 → Wed 18:00. */
export function incident(overrides: Partial<IncidentJson> = {}): IncidentJson {
  return IncidentSchema.parse({
    id: 'inc_1',
    name: 'Broadband',
    status: 'identified',
    impact: 'major',
    created_at: '2026-11-23T13:00:00.000Z',
    updated_at: '2026-11-25T09:30:00.000Z',
    monitoring_at: null,
    resolved_at: null,
    started_at: '2026-11-23T13:00:00.000Z',
    shortlink: 'https://status.example.com/incidents/inc_1',
    page_id: 'page_1',
    incident_updates: [
      update({
        id: 'upd_3',
        status: 'identified',
        body: 'A cable was cut by roadworks.\nEngineers are splicing it now.',
        created_at: '2026-11-25T09:30:00.000Z',
        updated_at: '2026-11-25T09:30:00.000Z',
        display_at: '2026-11-25T09:30:00.000Z',
        next_steps: 'Test every street cabinet once spliced.',
      }),
      update({ id: 'upd_1' }),
    ],
    components: [component()],
    eta: '2026-11-25T18:00:00.000Z',
    eta_history: [
      { eta: '2026-11-23T18:00:00.000Z', set_at: '2026-11-23T13:00:00.000Z', update_id: 'upd_1' },
      { eta: '2026-11-24T18:00:00.000Z', set_at: '2026-11-24T09:00:00.000Z', update_id: 'upd_2' },
      { eta: '2026-11-25T18:00:00.000Z', set_at: '2026-11-25T09:30:00.000Z', update_id: 'upd_3' },
    ],
    eta_moves: 2,
    eta_passed: false,
    next_update_at: '2026-11-25T12:00:00.000Z',
    update_overdue: false,
    overdue_minutes: 0,
    progress: 40,
    workaround: 'Use mobile data; ask us for a MiFi.',
    areas: [{ id: 'area_m14', name: 'M14' }],
    resolution_check: { fixed: 0, still_broken: 0, by_area: [] },
    expected_start: null,
    upcoming: false,
    ...overrides,
  })
}

/** Router upgrade on Tue 24 Nov, 01:00–03:00 UTC. */
export function maintenance(overrides: Partial<MaintenanceJson> = {}): MaintenanceJson {
  const base = incident()
  return MaintenanceSchema.parse({
    ...base,
    id: 'mnt_1',
    name: 'Router upgrade',
    status: 'scheduled',
    impact: 'maintenance',
    incident_updates: [
      update({ id: 'upd_m1', status: 'scheduled', body: 'We will upgrade the core routers.' }),
    ],
    components: [component({ status: 'operational' })],
    eta: null,
    eta_history: [],
    eta_moves: 0,
    next_update_at: null,
    progress: null,
    workaround: null,
    areas: [],
    scheduled_for: '2026-11-24T01:00:00.000Z',
    scheduled_until: '2026-11-24T03:00:00.000Z',
    scheduled_remind_prior: false,
    scheduled_auto_in_progress: true,
    scheduled_auto_completed: true,
    remind_before_minutes: null,
    cancelled_at: null,
    ...overrides,
  })
}

/** The event message around an incident, maintenance or component change. */
export function eventMessage(
  eventType: EventMessage['eventType'],
  subject: Pick<EventMessage, 'incident' | 'component' | 'component_update'>,
  generatedAt = '2026-11-25T10:00:00.000Z',
): EventMessage {
  return {
    eventId: 'evt_1',
    eventType,
    generatedAt,
    baseUrl: 'https://status.example.com',
    page: {
      id: 'page_1',
      name: 'Acme Status',
      url: 'https://status.example.com',
      status_indicator: 'critical',
      status_description: 'Major System Outage',
    },
    ...subject,
    componentIds: ['cmp_broadband'],
    areaIds: [],
  }
}
