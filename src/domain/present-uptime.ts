import type { ComponentUptime, GroupUptime } from './component-uptime'

/** Uptime in Statuspage's field names, for `/api/v1` and `/v1` alike. */

function presentFigures(u: ComponentUptime | GroupUptime) {
  return {
    id: u.id,
    name: u.name,
    range_start: u.rangeStart,
    range_end: u.rangeEnd,
    uptime_percentage: u.uptimePercentage,
    major_outage: u.majorOutage,
    partial_outage: u.partialOutage,
    warnings: u.warnings,
  }
}

/** A component's uptime as Statuspage's `ComponentUptime`. */
export function presentComponentUptime(u: ComponentUptime) {
  return { ...presentFigures(u), related_events: u.relatedEvents.map((id) => ({ id })) }
}

/** A group's uptime as Statuspage's `ComponentGroupUptime`: related incidents by component. */
export function presentGroupUptime(u: GroupUptime) {
  return {
    ...presentFigures(u),
    related_events: u.relatedEvents.map((r) => ({
      component_id: r.componentId,
      incidents: r.incidentIds.map((id) => ({ id })),
    })),
  }
}
