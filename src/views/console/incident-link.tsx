import type { Incident } from '../../domain/types'

/** Where an incident or maintenance is looked after in the console. */
export function consoleHref(incident: Pick<Incident, 'id' | 'kind'>): string {
  return incident.kind === 'maintenance'
    ? `/console/maintenance/${incident.id}`
    : `/console/incidents/${incident.id}`
}

/** The item's name, linking to its console page. */
export function IncidentLink(props: { incident: Pick<Incident, 'id' | 'kind' | 'name'> }) {
  return <a href={consoleHref(props.incident)}>{props.incident.name}</a>
}
