import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { activateDueIncidents } from '../../src/domain/activate-upcoming'
import { callJson, makeComponent, makeIncident, postUpdate } from './factories'
import { componentStatus, upcomingOutage } from './upcoming-helpers'

/**
 * Statuses Candor applies by itself (a reopen restoring them, a fault announced early going
 * live) never set a component better than another open incident holds it.
 */
describe('statuses applied by Candor respect other open incidents', () => {
  it('a reopen does not lower a component another incident holds worse', async () => {
    const x = await makeComponent()
    await makeIncident({ impact: 'critical', components: { [x.id]: 'major_outage' } })
    const a = await makeIncident({ components: { [x.id]: 'degraded_performance' } })
    expect(await componentStatus(x.id)).toBe('degraded_performance')
    await postUpdate(a.id, { status: 'resolved', body: 'Fixed.' })
    // Still held by the other, critical incident.
    expect(await componentStatus(x.id)).toBe('major_outage')
    await callJson('POST', `/api/v1/incidents/${a.id}/reopen`, { body: {} })
    expect(await componentStatus(x.id)).toBe('major_outage')
  })

  it('going live does not lower a component another incident holds worse', async () => {
    const x = await makeComponent()
    const { expectedStart } = await upcomingOutage(
      { components: { [x.id]: 'degraded_performance' } },
      x,
    )
    await makeIncident({ impact: 'critical', components: { [x.id]: 'major_outage' } })
    await activateDueIncidents(env, new Date(Date.parse(expectedStart) + 60_000))
    expect(await componentStatus(x.id)).toBe('major_outage')
  })
})
