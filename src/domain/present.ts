import type {
  ComponentJson,
  IncidentJson,
  IncidentUpdateJson,
  MaintenanceJson,
  PageJson,
} from '../schemas/statuspage'
import { computeHonesty } from './honesty'
import {
  isUpcoming,
  type AffectedCounts,
  type Component,
  type Impact,
  type Incident,
  type IncidentStatus,
  type IncidentUpdate,
  type MaintenanceStatus,
  type ResolutionCounts,
} from './types'

/** What every presenter needs: the page, the base URL for links, the clock, the components. */
export interface PresentContext {
  pageId: string
  baseUrl: string
  now: Date
  components: Map<string, Component>
  /** Children ids per group id, for the group components' `components` list. */
  children?: Map<string, string[]>
  /** Whether `affected_reports` is shown: always to ops, to the public by page setting. */
  showAffectedReports?: boolean
}

export function presentPage(
  ctx: PresentContext,
  name: string,
  timeZone: string,
  updatedAt: string,
): PageJson {
  return { id: ctx.pageId, name, url: ctx.baseUrl, time_zone: timeZone, updated_at: updatedAt }
}

/** A component in Statuspage's shape. */
export function presentComponent(c: Component, ctx: PresentContext): ComponentJson {
  const json: ComponentJson = {
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    position: c.position,
    description: c.description,
    showcase: c.showcase,
    start_date: c.startDate,
    group_id: c.groupId,
    page_id: ctx.pageId,
    group: c.isGroup,
    only_show_if_degraded: c.onlyShowIfDegraded,
    help_url: c.helpUrl,
  }
  if (c.isGroup) json.components = ctx.children?.get(c.id) ?? []
  return json
}

/** Children ids per group, in position order. */
export function groupChildren(components: Component[]): Map<string, string[]> {
  const children = new Map<string, string[]>()
  for (const c of components) {
    if (!c.groupId) continue
    const list = children.get(c.groupId) ?? []
    list.push(c.id)
    children.set(c.groupId, list)
  }
  return children
}

function presentUpdate(u: IncidentUpdate): IncidentUpdateJson {
  return {
    id: u.id,
    status: u.status as IncidentUpdateJson['status'],
    body: u.body,
    incident_id: u.incidentId,
    created_at: u.createdAt,
    updated_at: u.updatedAt,
    display_at: u.displayAt,
    affected_components: u.affectedComponents,
    deliver_notifications: u.deliverNotifications,
    custom_tweet: null,
    tweet_id: null,
    eta: u.eta,
    next_update_at: u.nextUpdateAt,
    progress: u.progress,
    next_steps: u.nextSteps,
    workaround: u.workaround,
  }
}

function presentCommon(i: Incident, ctx: PresentContext) {
  const honesty = computeHonesty(i, ctx.now)
  return {
    id: i.id,
    name: i.name,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    monitoring_at: i.monitoringAt,
    resolved_at: i.resolvedAt,
    started_at: i.startedAt,
    shortlink: `${ctx.baseUrl}/incidents/${i.id}`,
    page_id: ctx.pageId,
    incident_updates: i.updates.map(presentUpdate),
    components: i.componentStatuses
      .map((s) => ctx.components.get(s.componentId))
      .filter((c): c is Component => c !== undefined)
      .map((c) => presentComponent(c, ctx)),
    eta: i.eta,
    eta_history: i.etaHistory.map((e) => ({ eta: e.eta, set_at: e.setAt, update_id: e.updateId })),
    eta_moves: honesty.etaMoves,
    eta_passed: honesty.etaPassed,
    next_update_at: i.nextUpdateAt,
    update_overdue: honesty.updateOverdue,
    overdue_minutes: honesty.overdueMinutes,
    progress: i.progress,
    workaround: i.workaround,
    areas: i.areas.map((a) => ({ id: a.id, name: a.name })),
    resolution_check: presentResolutionCheck(i.resolutionCheck),
    expected_start: i.expectedStart,
    upcoming: isUpcoming(i),
    ...(ctx.showAffectedReports ? { affected_reports: presentAffected(i.affectedReports) } : {}),
  }
}

/** Snapshots written before answers existed carry no counts: those read as none. */
function presentResolutionCheck(counts: ResolutionCounts | undefined) {
  return {
    fixed: counts?.fixed ?? 0,
    still_broken: counts?.stillBroken ?? 0,
    by_area: (counts?.byArea ?? []).map((a) => ({
      area_id: a.areaId,
      name: a.name,
      fixed: a.fixed,
      still_broken: a.stillBroken,
    })),
  }
}

function presentAffected(counts: AffectedCounts | undefined) {
  return {
    total: counts?.total ?? 0,
    by_area: (counts?.byArea ?? []).map((a) => ({
      area_id: a.areaId,
      name: a.name,
      count: a.count,
    })),
  }
}

/** An incident in Statuspage's shape with Candor's fields. */
export function presentIncident(i: Incident, ctx: PresentContext): IncidentJson {
  return {
    ...presentCommon(i, ctx),
    status: i.status as IncidentStatus,
    impact: i.impact as Impact,
  }
}

/** An incident as the admin API shows it: with whether it is held as a draft. */
export function presentAdminIncident(i: Incident, ctx: PresentContext): IncidentJson {
  return {
    ...presentIncident(i, ctx),
    draft: i.isDraft,
    backfilled: i.backfilled === true,
    backfill_date: i.backfilled ? i.startedAt : null,
  }
}

/** A scheduled maintenance in Statuspage's shape with Candor's fields. */
export function presentMaintenance(i: Incident, ctx: PresentContext): MaintenanceJson {
  return {
    ...presentCommon(i, ctx),
    status: i.status as MaintenanceStatus,
    impact: 'maintenance',
    scheduled_for: i.scheduledFor ?? i.startedAt,
    scheduled_until: i.scheduledUntil ?? i.startedAt,
    scheduled_remind_prior: i.remindBeforeMinutes !== null,
    scheduled_auto_in_progress: i.autoStart,
    scheduled_auto_completed: i.autoComplete,
    remind_before_minutes: i.remindBeforeMinutes,
    // Snapshots written before cancelling existed carry no such field: those were not cancelled.
    cancelled_at: i.cancelledAt ?? null,
  }
}

/** Either shape, chosen by kind. */
export function presentAny(i: Incident, ctx: PresentContext): IncidentJson | MaintenanceJson {
  return i.kind === 'maintenance' ? presentMaintenance(i, ctx) : presentIncident(i, ctx)
}
