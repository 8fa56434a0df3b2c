import { describe, expect, it } from 'vitest'
import { callJson, postUpdate, rows } from './factories'
import { componentStatus, upcomingOutage } from './upcoming-helpers'

/** A fault announced in advance and closed before it took effect never happened. */
describe('an announced fault called off before it starts', () => {
  it('does not go live: components untouched, its start stays the expected one', async () => {
    const { component, incident, expectedStart } = await upcomingOutage()
    await postUpdate(incident.id, { status: 'resolved', body: 'Not needed after all.' })
    const after = await callJson('GET', `/api/v1/incidents/${incident.id}`)
    expect(after.status).toBe('resolved')
    expect(after.started_at).toBe(new Date(expectedStart).toISOString())
    expect(Date.parse(after.started_at)).toBeGreaterThan(Date.parse(after.resolved_at))
    expect(await componentStatus(component.id)).toBe('operational')
    const [row] = await rows<{ live_at: string | null }>(
      'SELECT live_at FROM incidents WHERE id = ?',
      incident.id,
    )
    expect(row!.live_at).toBeNull()
  })
})
