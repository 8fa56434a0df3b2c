import type { IncidentJson, MaintenanceJson } from '../schemas/statuspage'

/** An incident or a maintenance as the public API presents it, with Candor's fields. */
export type PresentedIncident = IncidentJson | MaintenanceJson

/** True for a scheduled maintenance rather than an incident. */
export function isMaintenance(incident: PresentedIncident): incident is MaintenanceJson {
  return incident.impact === 'maintenance'
}
