import { createIncident, postIncidentUpdate } from '../../src/domain/incidents'
import type { UpdateFields } from '../../src/domain/update-fields'
import { domainContext } from './factories'

const MINUTE = 60_000
let serial = 0

/** A scripted incident: created at `start`, then updates `minutes` after it, on that clock. */
export async function incidentStory(
  start: Date,
  first: { eta?: number; next?: number },
  steps: ({ at: number } & Omit<UpdateFields, 'body' | 'eta' | 'next_update_at'> & {
      eta?: number | null
      next?: number
    })[] = [],
): Promise<string> {
  const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE)
  const iso = (minutes: number) => at(minutes).toISOString()
  const incident = await createIncident(domainContext(start), {
    name: `Story ${++serial}-${crypto.randomUUID().slice(0, 6)}`,
    status: 'investigating',
    impact: 'minor',
    body: 'Looking into it.',
    ...(first.eta !== undefined ? { eta: iso(first.eta) } : {}),
    ...(first.next !== undefined ? { next_update_at: iso(first.next) } : {}),
  })
  for (const { at: minutes, eta, next, ...fields } of steps) {
    await postIncidentUpdate(domainContext(at(minutes)), incident.id, 'incident', {
      body: 'Update.',
      ...fields,
      ...(eta !== undefined ? { eta: eta === null ? null : iso(eta) } : {}),
      ...(next !== undefined ? { next_update_at: iso(next) } : {}),
    })
  }
  return incident.id
}
