import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { sendHeldIntakeNotices } from '../../src/clock/held-intake-notices'
import type { AppEnv } from '../../src/env'
import { callJson, postUpdate } from './factories'
import { deliverOk, eventsOf, fixturePage, forgetIntake, setIntake } from './intake-helpers'

/**
 * An update the flapping limit kept from subscribers is told once the interval has passed: an
 * alert that fires and clears within minutes still ends with subscribers hearing it is over.
 */

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000)

beforeEach(forgetIntake)

async function firesThenClears(fingerprint: string) {
  const page = await fixturePage()
  const alert = { fingerprint, title: 'Sync lost behind cabinet 9', component: page.broadband }
  const opened = await deliverOk('generic', { ...alert, status: 'firing' }, 201)
  const id = opened.alerts[0]!.incident_id!
  const cleared = await deliverOk('generic', { ...alert, status: 'resolved' }, 200)
  expect(cleared.alerts[0]!.notified).toBe(false)
  return { id, heldUpdateId: cleared.alerts[0]!.update_id! }
}

describe('updates held back by the flapping limit', () => {
  it('are announced once the interval has passed, once', async () => {
    await setIntake({ resolve_when_resolved: true, notify_interval_minutes: 15 })
    const { id, heldUpdateId } = await firesThenClears('probe-cab-9')
    expect((await callJson('GET', `/api/v1/incidents/${id}`)).status).toBe('resolved')
    expect((await eventsOf(id)).map((e) => e.event_type)).toEqual(['incident.created'])

    // Inside the interval: still held.
    expect(await sendHeldIntakeNotices(env as AppEnv, later(10))).toBe(0)
    // Past it: told, as the resolution it was, then never again.
    expect(await sendHeldIntakeNotices(env as AppEnv, later(16))).toBe(1)
    expect(await sendHeldIntakeNotices(env as AppEnv, later(17))).toBe(0)
    const events = await eventsOf(id)
    expect(events.map((e) => [e.event_type, e.update_id])).toEqual([
      ['incident.created', expect.any(String)],
      ['incident.resolved', heldUpdateId],
    ])
  })

  it('are not announced when ops have spoken since', async () => {
    const { id } = await firesThenClears('probe-cab-10')
    await postUpdate(id, { status: 'identified', body: 'We found it: a card failed.' })
    expect(await sendHeldIntakeNotices(env as AppEnv, later(16))).toBe(0)
    expect((await eventsOf(id)).map((e) => e.event_type)).toEqual([
      'incident.created',
      'incident.updated',
    ])
  })
})
