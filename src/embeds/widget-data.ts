import { componentIndicator, worseIndicator, type Indicator } from '../domain/page-status'
import { componentStatusLabel } from '../domain/status-words'
import { componentState } from './component-state'
import type { PublicView } from '../domain/public-view'
import type { IncidentJson, MaintenanceJson } from '../schemas/statuspage'
import type { ComponentStatus } from '../domain/types'
import { touchesComponent } from '../feeds/feed-entries'

const IMPACT_RANK: Record<string, number> = { none: 0, minor: 1, major: 2, critical: 3 }

/** The open incident the widget leads with: the most severe, then the most recent. */
function leadIncident(incidents: IncidentJson[]): IncidentJson | null {
  return (
    [...incidents].sort(
      (a, b) =>
        (IMPACT_RANK[b.impact] ?? 0) - (IMPACT_RANK[a.impact] ?? 0) ||
        b.created_at.localeCompare(a.created_at),
    )[0] ?? null
  )
}

/** What the widget shows, small enough to fetch every minute from any site. */
export interface WidgetData {
  page: { name: string; url: string }
  status: { indicator: Indicator | 'maintenance'; description: string }
  incident: {
    id: string
    name: string
    status: string
    impact: string
    url: string
    eta: string | null
    eta_passed: boolean
    eta_moves: number
    next_update_at: string | null
    update_overdue: boolean
    overdue_minutes: number
  } | null
  open_incidents: number
  maintenance: {
    id: string
    name: string
    status: string
    url: string
    scheduled_for: string
    scheduled_until: string
  } | null
  generated_at: string
}

function maintenancePart(m: MaintenanceJson): NonNullable<WidgetData['maintenance']> {
  return {
    id: m.id,
    name: m.name,
    status: m.status,
    url: m.shortlink,
    scheduled_for: m.scheduled_for,
    scheduled_until: m.scheduled_until,
  }
}

/**
 * What the widget's status line says, as machine values the catalog words: the page's state
 * (`maintenance` when maintenance alone is going on), or one component's — `ok` or
 * `maintenance` when nothing is wrong with it, else its status.
 */
export type StatusWording =
  | { of: 'page'; state: Indicator | 'maintenance' }
  | { of: 'component'; name: string; state: 'ok' | 'maintenance' | ComponentStatus }

/**
 * The widget's data, from the public snapshot with the time-dependent flags computed now: the
 * page's (or one component's) state, the open incident to show, and maintenance under way or
 * next. Null when the component does not exist.
 */
export function widgetData(view: PublicView, componentId?: string): WidgetData | null {
  return widgetParts(view, componentId)?.data ?? null
}

/** The widget's data and how its status line is worded (for the embed and the widget's text). */
export function widgetParts(
  view: PublicView,
  componentId?: string,
): { data: WidgetData; wording: StatusWording } | null {
  const state = componentId ? componentState(view, componentId) : null
  if (componentId && !state) return null
  const concerns = (i: IncidentJson | MaintenanceJson) =>
    !componentId || touchesComponent(i, componentId)
  // A known fault posted early is not shown as happening until it takes effect.
  const open = view.currentIncidents().filter(concerns)
  const lead = leadIncident(open)
  const active = view.activeMaintenances().filter(concerns)
  const upcoming = view.upcomingMaintenances().filter(concerns)

  let status: WidgetData['status']
  let wording: StatusWording
  if (state) {
    const name = state.component.name
    const indicator = open.reduce<Indicator>(
      (worst, i) => worseIndicator(worst, i.impact as Indicator),
      componentIndicator(state.status),
    )
    if (indicator === 'none' && state.status === 'under_maintenance') {
      status = { indicator: 'maintenance', description: `${name} is under maintenance` }
      wording = { of: 'component', name, state: 'maintenance' }
    } else if (indicator === 'none') {
      status = { indicator: 'none', description: `${name} is operational` }
      wording = { of: 'component', name, state: 'ok' }
    } else {
      status = { indicator, description: `${name}: ${componentStatusLabel(state.status)}` }
      wording = { of: 'component', name, state: state.status }
    }
  } else {
    const page = view.status()
    status =
      page.indicator === 'none' && active.length > 0
        ? { indicator: 'maintenance', description: page.description }
        : page
    // The page's words follow its components: "under maintenance" only while one is.
    const underMaintenance = view.snapshot.components.some(
      (c) => !c.isGroup && c.status === 'under_maintenance',
    )
    wording = {
      of: 'page',
      state: page.indicator === 'none' && underMaintenance ? 'maintenance' : page.indicator,
    }
  }
  const maintenance = active[0] ?? upcoming[0]
  const data: WidgetData = {
    page: { name: view.pageName, url: `${view.ctx.baseUrl}/` },
    status,
    incident: lead
      ? {
          id: lead.id,
          name: lead.name,
          status: lead.status,
          impact: lead.impact,
          url: lead.shortlink,
          eta: lead.eta,
          eta_passed: lead.eta_passed,
          eta_moves: lead.eta_moves,
          next_update_at: lead.next_update_at,
          update_overdue: lead.update_overdue,
          overdue_minutes: lead.overdue_minutes,
        }
      : null,
    open_incidents: open.length,
    maintenance: maintenance ? maintenancePart(maintenance) : null,
    generated_at: view.ctx.now.toISOString(),
  }
  return { data, wording }
}
