import type { Incident } from '../../domain/types'
import type { FormState } from '../../views/console/fields'
import { exactValue } from './time-picks'

/**
 * The Post an update form of an incident as it stands: its status, each component's status,
 * its areas, the ETA kept, its progress and workaround. The next update is left unchosen, so
 * the member decides it (a new time or "No further updates promised").
 */
export function updateFormStart(incident: Incident, timeZone: string): FormState {
  const values: FormState['values'] = {
    status: incident.status,
    body: '',
    area_ids: incident.areas.map((a) => a.id),
    eta: 'keep',
    eta_exact: exactValue(incident.eta, timeZone),
    next_update_at: '',
    next_update_at_exact: '',
    progress: incident.progress === null ? '' : String(incident.progress),
    workaround: incident.workaround ?? '',
  }
  for (const { componentId, status } of incident.componentStatuses) {
    values[`component.${componentId}`] = status
  }
  return { values, errors: {} }
}
