import type {
  AffectedComponent,
  Impact,
  Incident,
  IncidentKind,
  IncidentUpdate,
} from '../domain/types'

/** An `incidents` row as D1 returns it. */
export interface IncidentRow {
  id: string
  kind: IncidentKind
  name: string
  status: string
  impact: Impact | 'maintenance'
  created_at: string
  updated_at: string
  started_at: string
  monitoring_at: string | null
  resolved_at: string | null
  eta: string | null
  next_update_at: string | null
  progress: number | null
  workaround: string | null
  scheduled_for: string | null
  scheduled_until: string | null
  remind_before_minutes: number | null
  auto_start: number
  auto_complete: number
  expected_start: string | null
  live_at: string | null
  cancelled_at: string | null
  backfilled?: number
  statuspage_fields?: string
  draft: number
}

/** An `incident_updates` row as D1 returns it. */
export interface UpdateRow {
  id: string
  incident_id: string
  status: string
  body: string
  created_at: string
  updated_at: string
  display_at: string
  eta: string | null
  next_update_at: string | null
  promised_by: string | null
  progress: number | null
  next_steps: string | null
  workaround: string | null
  affected_components: string
  deliver_notifications: number
}

/** An update as the domain sees it. */
export function toUpdate(row: UpdateRow): IncidentUpdate {
  return {
    id: row.id,
    incidentId: row.incident_id,
    status: row.status,
    body: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    displayAt: row.display_at,
    eta: row.eta,
    nextUpdateAt: row.next_update_at,
    promisedBy: row.promised_by,
    progress: row.progress,
    nextSteps: row.next_steps,
    workaround: row.workaround,
    affectedComponents: JSON.parse(row.affected_components) as AffectedComponent[],
    deliverNotifications: row.deliver_notifications === 1,
  }
}

/** An incident as the domain sees it, its parts still empty: the loader fills them. */
export function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    status: row.status,
    impact: row.impact,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    monitoringAt: row.monitoring_at,
    resolvedAt: row.resolved_at,
    eta: row.eta,
    nextUpdateAt: row.next_update_at,
    progress: row.progress,
    workaround: row.workaround,
    scheduledFor: row.scheduled_for,
    scheduledUntil: row.scheduled_until,
    remindBeforeMinutes: row.remind_before_minutes,
    autoStart: row.auto_start === 1,
    autoComplete: row.auto_complete === 1,
    expectedStart: row.expected_start,
    liveAt: row.live_at,
    cancelledAt: row.cancelled_at,
    isDraft: row.draft === 1,
    backfilled: row.backfilled === 1,
    statuspageFields: JSON.parse(row.statuspage_fields ?? '{}') as Record<string, unknown>,
    componentStatuses: [],
    areas: [],
    updates: [],
    etaHistory: [],
    resolutionCheck: { fixed: 0, stillBroken: 0, byArea: [] },
    affectedReports: { total: 0, byArea: [] },
  }
}
