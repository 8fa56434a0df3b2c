import type { RunningCandor } from '../e2e/wrangler-dev'
import { adminApi, inMinutes } from './candor-api'

/**
 * The outage the browser tests read: a cable cut in M14 breaking `fibreId`, with an ETA that
 * moved once, a promised next update, progress and a workaround. Returns the incident's id.
 */
export async function postCableCut(candor: RunningCandor, fibreId: string): Promise<string> {
  const area = await adminApi(candor, 'POST', '/api/v1/areas', { name: 'M14 (Manchester)' })
  const incident = await adminApi(candor, 'POST', '/api/v1/incidents', {
    name: 'No broadband in M14 after a cable cut by roadworks on Wilmslow Road',
    status: 'identified',
    impact: 'major',
    body: 'Engineers are on site splicing the cable.',
    components: { [fibreId]: 'major_outage' },
    area_ids: [area.json.id],
    eta: inMinutes(240),
    next_update_at: inMinutes(60),
    progress: 40,
    workaround: 'Use mobile data; ask us for a MiFi.',
  })
  const id: string = incident.json.id
  await adminApi(candor, 'POST', `/api/v1/incidents/${id}/updates`, {
    body: 'The splice takes longer than planned.',
    eta: inMinutes(480),
  })
  return id
}
