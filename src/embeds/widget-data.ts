import { componentIndicator, worseIndicator, type Indicator } from '../domain/page-status'
import { componentStatusLabel } from '../domain/status-words'
import { componentState } from './component-state'
import type { PublicView } from '../domain/public-view'
import type { IncidentJson, MaintenanceJson } from '../schemas/statuspage'
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
 * The widget's data, from the public snapshot with the time-dependent flags computed now: the
 * page's (or one component's) state, the open incident to show, and maintenance under way or
 * next. Null when the component does not exist.
 */
export function widgetData(view: PublicView, componentId?: string): WidgetData | null {
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
  if (state) {
    const name = state.component.name
    const indicator = open.reduce<Indicator>(
      (worst, i) => worseIndicator(worst, i.impact as Indicator),
      componentIndicator(state.status),
    )
    status =
      indicator === 'none' && state.status === 'under_maintenance'
        ? { indicator: 'maintenance', description: `${name} is under maintenance` }
        : indicator === 'none'
          ? { indicator: 'none', description: `${name} is operational` }
          : { indicator, description: `${name}: ${componentStatusLabel(state.status)}` }
  } else {
    const page = view.status()
    status =
      page.indicator === 'none' && active.length > 0
        ? { indicator: 'maintenance', description: page.description }
        : page
  }
  const maintenance = active[0] ?? upcoming[0]
  return {
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
}
