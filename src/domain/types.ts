/** The domain's vocabulary: Statuspage's statuses and impacts, and Candor's objects. */

export const COMPONENT_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number]

export const INCIDENT_STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
] as const
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number]

export const IMPACTS = ['none', 'minor', 'major', 'critical'] as const
export type Impact = (typeof IMPACTS)[number]

export const TOKEN_SCOPES = ['read', 'write', 'intake', 'owner'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]

export type IncidentKind = 'incident' | 'maintenance'

/** A component, or a group of components (`isGroup`), as Statuspage models both. */
export interface Component {
  id: string
  name: string
  description: string | null
  status: ComponentStatus
  position: number
  isGroup: boolean
  groupId: string | null
  showcase: boolean
  onlyShowIfDegraded: boolean
  startDate: string | null
  helpUrl: string | null
  createdAt: string
  updatedAt: string
}

export interface Area {
  id: string
  name: string
  createdAt: string
}

/** Statuspage's record of a component status change made by an update. */
export interface AffectedComponent {
  code: string
  name: string
  old_status: ComponentStatus
  new_status: ComponentStatus
}

export interface IncidentUpdate {
  id: string
  incidentId: string
  status: string
  body: string
  createdAt: string
  updatedAt: string
  displayAt: string
  eta: string | null
  nextUpdateAt: string | null
  promisedBy: string | null
  progress: number | null
  nextSteps: string | null
  workaround: string | null
  affectedComponents: AffectedComponent[]
  deliverNotifications: boolean
}

/** One ETA ever set on an incident; `eta: null` means the estimate was withdrawn. */
export interface EtaChange {
  eta: string | null
  setAt: string
  updateId: string
}

/** An incident or a scheduled maintenance with everything that hangs off it. */
export interface Incident {
  id: string
  kind: IncidentKind
  name: string
  status: string
  impact: Impact | 'maintenance'
  createdAt: string
  updatedAt: string
  startedAt: string
  monitoringAt: string | null
  resolvedAt: string | null
  eta: string | null
  nextUpdateAt: string | null
  progress: number | null
  workaround: string | null
  scheduledFor: string | null
  scheduledUntil: string | null
  remindBeforeMinutes: number | null
  autoStart: boolean
  autoComplete: boolean
  /** Held back for one-click publishing: invisible publicly, notifies nobody (see intake). */
  isDraft: boolean
  /** The status this incident asserts for each component it touches. */
  componentStatuses: { componentId: string; status: ComponentStatus }[]
  areas: Area[]
  /** Newest first, as Statuspage orders them. */
  updates: IncidentUpdate[]
  /** Oldest first. */
  etaHistory: EtaChange[]
}

export interface ApiToken {
  id: string
  name: string
  scopes: TokenScope[]
  createdAt: string
  revokedAt: string | null
  lastUsedAt: string | null
}

/** Who is making a change, for the audit log and scope checks. */
export interface Actor {
  id: string
  scopes: TokenScope[]
}

export interface PageSettings {
  pageId: string
  name: string | null
  timeZone: string
  createdAt: string
  updatedAt: string
}

/** True once an incident or maintenance needs no more updates. */
export function isClosedStatus(status: string): boolean {
  return status === 'resolved' || status === 'postmortem' || status === 'completed'
}
