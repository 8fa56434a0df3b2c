import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { z } from '@hono/zod-openapi'
import { refreshSnapshot } from '../../src/domain/snapshot'
import { IncidentSchema, SummarySchema } from '../../src/schemas/statuspage'
import { callJson, inMinutes, makeIncident, postUpdate, publicJson } from './factories'

/** Moves an incident's promises into the past, as the passing of time would. */
async function backdate(id: string, fields: { next_update_at?: string; eta?: string }) {
  if (fields.next_update_at) {
    await env.DB.prepare('UPDATE incidents SET next_update_at = ? WHERE id = ?')
      .bind(fields.next_update_at, id)
      .run()
  }
  if (fields.eta) {
    await env.DB.prepare('UPDATE incidents SET eta = ? WHERE id = ?').bind(fields.eta, id).run()
  }
}

async function getIncident(id: string) {
  return IncidentSchema.parse(await callJson('GET', `/api/v1/incidents/${id}`))
}

describe('overdue updates and passed ETAs, read through the API', () => {
  it('GET /api/v1/incidents/{id} reports an overdue update in whole minutes', async () => {
    const incident = await makeIncident({ next_update_at: inMinutes(30), eta: inMinutes(60) })
    expect(await getIncident(incident.id)).toMatchObject({
      update_overdue: false,
      overdue_minutes: 0,
      eta_passed: false,
    })
    await backdate(incident.id, { next_update_at: inMinutes(-15) })
    expect(await getIncident(incident.id)).toMatchObject({
      update_overdue: true,
      overdue_minutes: 15,
      eta_passed: false,
    })
  })

  it('reports a passed ETA', async () => {
    const incident = await makeIncident({ eta: inMinutes(60) })
    await backdate(incident.id, { eta: inMinutes(-1) })
    const read = await getIncident(incident.id)
    expect(read.eta_passed).toBe(true)
    expect(read.update_overdue).toBe(false)
  })

  it('the list shows the same flags', async () => {
    const incident = await makeIncident({ next_update_at: inMinutes(30) })
    await backdate(incident.id, { next_update_at: inMinutes(-45) })
    const list = z
      .array(IncidentSchema)
      .parse(await callJson('GET', '/api/v1/incidents?status=unresolved'))
    expect(list.find((i) => i.id === incident.id)).toMatchObject({
      update_overdue: true,
      overdue_minutes: 45,
    })
  })

  it('the public API shows them too, computed at read time from the snapshot', async () => {
    const incident = await makeIncident({ next_update_at: inMinutes(30), eta: inMinutes(40) })
    await backdate(incident.id, { next_update_at: inMinutes(-20), eta: inMinutes(-10) })
    await refreshSnapshot(env)
    const summary = SummarySchema.parse(await publicJson('/api/v2/summary.json'))
    expect(summary.incidents.find((i) => i.id === incident.id)).toMatchObject({
      update_overdue: true,
      overdue_minutes: 20,
      eta_passed: true,
    })
  })

  it('resolving clears both flags', async () => {
    const incident = await makeIncident({ next_update_at: inMinutes(30), eta: inMinutes(40) })
    await backdate(incident.id, { next_update_at: inMinutes(-20), eta: inMinutes(-10) })
    await postUpdate(incident.id, { status: 'resolved' })
    expect(await getIncident(incident.id)).toMatchObject({
      update_overdue: false,
      overdue_minutes: 0,
      eta_passed: false,
      next_update_at: null,
    })
  })
})
