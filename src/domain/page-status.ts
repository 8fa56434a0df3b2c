import {
  isUpcoming,
  type Component,
  type ComponentStatus,
  type Impact,
  type Incident,
} from './types'

export type Indicator = 'none' | 'minor' | 'major' | 'critical'

const INDICATOR_RANK: Record<Indicator, number> = { none: 0, minor: 1, major: 2, critical: 3 }

const STATUS_INDICATOR: Record<ComponentStatus, Indicator> = {
  operational: 'none',
  under_maintenance: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
}

const DESCRIPTIONS: Record<Indicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
}

/** The worse of two indicators. */
export function worseIndicator(a: Indicator, b: Indicator): Indicator {
  return INDICATOR_RANK[a] >= INDICATOR_RANK[b] ? a : b
}

/** Component statuses from best to worst, for "worst of" decisions. */
const STATUS_RANK: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
}

export function worseStatus(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return STATUS_RANK[a] >= STATUS_RANK[b] ? a : b
}

/**
 * The page's overall status as Statuspage derives it: the worst of the components' statuses
 * and the impacts of unresolved, live incidents; maintenance alone reads "Service Under Maintenance".
 */
export function computePageStatus(
  components: Component[],
  openIncidents: Incident[],
): { indicator: Indicator; description: string } {
  let indicator: Indicator = 'none'
  let underMaintenance = false
  for (const component of components) {
    if (component.isGroup) continue
    indicator = worseIndicator(indicator, STATUS_INDICATOR[component.status])
    if (component.status === 'under_maintenance') underMaintenance = true
  }
  for (const incident of openIncidents) {
    // An incident posted early does not count until it takes effect.
    if (incident.kind !== 'incident' || incident.resolvedAt || isUpcoming(incident)) continue
    indicator = worseIndicator(indicator, incident.impact as Impact)
  }
  const description =
    indicator === 'none' && underMaintenance ? 'Service Under Maintenance' : DESCRIPTIONS[indicator]
  return { indicator, description }
}

/** The indicator a single component's status maps to (for badges and colours). */
export function componentIndicator(status: ComponentStatus): Indicator {
  return STATUS_INDICATOR[status]
}
