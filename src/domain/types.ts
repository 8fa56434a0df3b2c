/** The domain's vocabulary: Statuspage's statuses and impacts, and Candor's objects. */

import type { Language } from '../i18n/languages'
import type { PageBrand } from './brand'

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

/** A customer's answer once an incident is resolved. */
export type ResolutionChoice = 'fixed' | 'still_broken'

/** "Fixed for me / still broken" answers since the incident was last resolved. */
export interface ResolutionCounts {
  fixed: number
  stillBroken: number
  /** Per area: a vote counts for the area it names, else for its subscriber's areas. */
  byArea: { areaId: string; name: string; fixed: number; stillBroken: number }[]
}

/** "I'm affected" reports on an incident, overall and per area named. */
export interface AffectedCounts {
  total: number
  byArea: { areaId: string; name: string; count: number }[]
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
  /** For a known fault posted early: when it is expected to take effect. */
  expectedStart: string | null
  /** When an incident posted early went live; null while it is upcoming. */
  liveAt: string | null
  /** When a scheduled maintenance was called off before it began; null if it was not. */
  cancelledAt: string | null
  /** Held back for one-click publishing: invisible publicly, notifies nobody (see intake). */
  isDraft: boolean
  /** Recorded after it happened: it told nobody and promised nothing (migration 0020). */
  backfilled?: boolean
  /** Statuspage-only fields a Manage API v1 client sent, kept as sent (migration 0022). */
  statuspageFields?: Record<string, unknown>
  /** The status this incident asserts for each component it touches. */
  componentStatuses: { componentId: string; status: ComponentStatus }[]
  areas: Area[]
  /** Newest first, as Statuspage orders them. */
  updates: IncidentUpdate[]
  /** Oldest first. */
  etaHistory: EtaChange[]
  resolutionCheck: ResolutionCounts
  affectedReports: AffectedCounts
}

export interface ApiToken {
  id: string
  name: string
  scopes: TokenScope[]
  createdAt: string
  revokedAt: string | null
  lastUsedAt: string | null
  /** The member the token belongs to (it acts for them), or null for nobody's token. */
  member: { id: string; email: string } | null
  /** Who minted it: a member's address, `admin-token` or `token:<id>` (null for old rows). */
  createdBy: string | null
}

/** Who is making a change, for the audit log and scope checks. */
export interface Actor {
  id: string
  scopes: TokenScope[]
  /**
   * The member behind the change: the signed-in console member, or the member a token belongs
   * to. The audit log records their address beside the actor.
   */
  member?: { id: string; email: string }
}

export interface PageSettings {
  pageId: string
  name: string | null
  timeZone: string
  /** The language readers and subscribers get when they have not chosen one Candor speaks. */
  language: Language
  /** A resolution is disputed from this many "still broken" answers… */
  disputeMinVotes: number
  /** …making up at least this share (percent) of all answers. */
  disputeMinShare: number
  /** Whether the public page and v2 API show "I'm affected" counts (ops always see them). */
  showAffectedCounts: boolean
  /** Statuspage page settings Candor has no use for, kept for the Manage API v1. */
  statuspageFields?: Record<string, unknown>
  /** Logo, favicon, accent colour, support and footer links (absent in older snapshots). */
  brand: PageBrand
  createdAt: string
  updatedAt: string
}

/**
 * True for an incident posted before it takes effect and not live yet: its component statuses
 * are not applied and it does not count towards the page's status.
 */
export function isUpcoming(incident: Pick<Incident, 'expectedStart' | 'liveAt' | 'status'>) {
  return (
    incident.expectedStart !== null && incident.liveAt === null && !isClosedStatus(incident.status)
  )
}

/** True once an incident or maintenance needs no more updates. */
export function isClosedStatus(status: string): boolean {
  return status === 'resolved' || status === 'postmortem' || status === 'completed'
}

/** Which incidents a list shows: open ones, closed ones, or all. */
export type IncidentFilter = 'unresolved' | 'resolved' | 'all'
