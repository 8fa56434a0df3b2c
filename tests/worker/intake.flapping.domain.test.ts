import { beforeEach, describe, expect, it } from 'vitest'
import { getIncident } from '../../src/domain/incidents'
import { patchIntakeSettings } from '../../src/domain/intake-settings'
import { receiveGeneric } from '../../src/domain/intake/verbs'
import { domainContext, makeComponent } from './factories'
import { eventsOf, forgetIntake } from './intake-helpers'

const T0 = Date.now()
const at = (minutes: number) => domainContext(new Date(T0 + minutes * 60_000))

beforeEach(forgetIntake)

/** A generic alert flapping on the clock: [minute, status] steps, with what each notified. */
async function flap(fingerprint: string, steps: [number, 'firing' | 'resolved'][]) {
  const component = await makeComponent()
  const notified: boolean[] = []
  let incidentId = ''
  for (const [minute, status] of steps) {
    const [result] = await receiveGeneric(at(minute), {
      fingerprint,
      status,
      title: 'Packet loss on the backbone',
      component: component.id,
    })
    incidentId ||= result!.incident_id!
    expect(result!.incident_id).toBe(incidentId)
    notified.push(result!.notified)
  }
  return { incidentId, notified }
}

describe('flapping', () => {
  it('tells subscribers at most once per interval, while the timeline keeps every change', async () => {
    const { incidentId, notified } = await flap('flappy', [
      [0, 'firing'],
      [1, 'resolved'],
      [2, 'firing'],
      [3, 'resolved'],
      [4, 'firing'],
      // 16 minutes after the last notification: subscribers hear again.
      [16, 'resolved'],
      [17, 'firing'],
    ])
    expect(notified).toEqual([true, false, false, false, false, true, false])
    const incident = await getIncident(at(17).db, incidentId, 'incident')
    expect(incident.updates.map((u) => [u.status, u.deliverNotifications])).toEqual([
      ['investigating', false],
      ['monitoring', true],
      ['investigating', false],
      ['monitoring', false],
      ['investigating', false],
      ['monitoring', false],
      ['investigating', true],
    ])
    expect((await eventsOf(incidentId)).map((e) => e.event_type)).toEqual([
      'incident.created',
      'incident.updated',
    ])
  })

  it('follows the configured interval', async () => {
    await patchIntakeSettings(at(0), { notify_interval_minutes: 60 })
    const { notified } = await flap('slow-flap', [
      [0, 'firing'],
      [30, 'resolved'],
      [61, 'firing'],
    ])
    expect(notified).toEqual([true, false, true])
  })
})
