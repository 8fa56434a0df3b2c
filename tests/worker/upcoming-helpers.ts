import { callJson, inMinutes, makeComponent, makeIncident, rows } from './factories'

/** A component and a known fault on it, posted now, expected to take it down in two hours. */
export async function upcomingOutage(
  fields: Record<string, unknown> = {},
  existing?: { id: string },
) {
  const component = existing ?? (await makeComponent())
  const expectedStart = inMinutes(120)
  const incident = await makeIncident({
    name: `Cable replacement ${crypto.randomUUID().slice(0, 6)}`,
    status: 'identified',
    impact: 'major',
    body: 'Loss of service expected while the cable is replaced.',
    components: { [component.id]: 'major_outage' },
    expected_start: expectedStart,
    ...fields,
  })
  return { component, incident, expectedStart }
}

/** A component as the admin API shows it now. */
export async function componentStatus(id: string): Promise<string> {
  return (await callJson('GET', `/api/v1/components/${id}`)).status
}

/** The events recorded for an incident, oldest first. */
export async function outboxOf(incidentId: string) {
  return rows<{ id: string; event_type: string }>(
    'SELECT id, event_type FROM outbox WHERE incident_id = ? ORDER BY created_at, rowid',
    incidentId,
  )
}

/** The incident's update texts, newest first. */
export async function updateBodies(incidentId: string): Promise<string[]> {
  const incident = await callJson('GET', `/api/v1/incidents/${incidentId}`)
  return incident.incident_updates.map((u: { body: string }) => u.body)
}
