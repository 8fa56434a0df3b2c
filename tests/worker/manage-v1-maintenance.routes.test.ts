import { beforeAll, describe, expect, it } from 'vitest'
import { callJson, inMinutes, makeComponent, rows } from './factories'
import { INCIDENT_ENCODINGS, sent, v1Send } from './manage-v1-incident-calls'
import { expectRefused, pageId, v1Json } from './manage-v1-helpers'

const LIST = '/pages/{page_id}/incidents'
const ONE = '/pages/{page_id}/incidents/{incident_id}'
let page: string
const unique = (name: string) => `${name} ${crypto.randomUUID().slice(0, 8)}`
const ids = (list: { id: string }[]) => list.map((i) => i.id)

beforeAll(async () => {
  page = await pageId()
})

async function list(name: string) {
  return v1Json<{ id: string }[]>(
    'GET',
    `/pages/${page}/incidents/${name}`,
    `/pages/{page_id}/incidents/${name}`,
    200,
  )
}

describe.each(INCIDENT_ENCODINGS)(
  'scheduled maintenance through the Manage API v1 (%s)',
  (encoding) => {
    it("uses Statuspage's field names on Candor's autopilot, and moves through the lists", async () => {
      const component = await makeComponent({ status: 'operational' })
      const scheduledFor = inMinutes(120)
      const scheduledUntil = inMinutes(240)
      const created = await v1Send('POST', `/pages/${page}/incidents`, LIST, 201, encoding, {
        incident: {
          name: unique('Database upgrade'),
          status: 'scheduled',
          body: 'We are upgrading the database.',
          scheduled_for: scheduledFor,
          scheduled_until: scheduledUntil,
          scheduled_remind_prior: 'true',
          scheduled_auto_in_progress: 'true',
          scheduled_auto_completed: 'false',
          auto_transition_to_maintenance_state: 'true',
          auto_transition_deliver_notifications_at_start: 'false',
          component_ids: [component.id],
        },
      })
      expect(created).toMatchObject({
        status: 'scheduled',
        impact: 'maintenance',
        scheduled_for: new Date(scheduledFor).toISOString(),
        scheduled_until: new Date(scheduledUntil).toISOString(),
        scheduled_remind_prior: true,
        scheduled_auto_in_progress: true,
        scheduled_auto_completed: false,
        auto_transition_to_maintenance_state: true,
        auto_transition_deliver_notifications_at_start: false,
      })
      const native = await callJson('GET', `/api/v1/maintenances/${created.id}`)
      expect(native).toMatchObject({ remind_before_minutes: 60, scheduled_auto_in_progress: true })
      expect(native.components.map((c: { id: string }) => c.id)).toEqual([component.id])
      const outbox = await rows('SELECT event_type FROM outbox WHERE incident_id = ?', created.id)
      expect(outbox.map((r) => r.event_type)).toEqual(['maintenance.scheduled'])

      expect(ids(await list('scheduled'))).toContain(created.id)
      expect(ids(await list('upcoming'))).toContain(created.id)
      expect(ids(await list('active_maintenance'))).not.toContain(created.id)
      expect(ids(await list('unresolved'))).not.toContain(created.id)

      const path = `/pages/${page}/incidents/${created.id}`
      const started = await v1Send('PATCH', path, ONE, 200, encoding, {
        incident: { status: 'in_progress', body: 'Under way.', scheduled_for: scheduledFor },
      })
      expect(started.status).toBe('in_progress')
      expect(ids(await list('active_maintenance'))).toContain(created.id)
      expect(ids(await list('scheduled'))).not.toContain(created.id)
      const done = await v1Send('PUT', path, ONE, 200, encoding, {
        incident: { status: 'completed', body: 'Done.' },
      })
      expect(done).toMatchObject({ status: 'completed' })
      expect(ids(await list('active_maintenance'))).not.toContain(created.id)
    })

    it('refuses a maintenance without its window, or moved, with 422, nothing written', async () => {
      await expectRefused(
        422,
        'POST',
        `/pages/${page}/incidents`,
        sent(encoding, {
          incident: { name: 'No end', status: 'scheduled', scheduled_for: inMinutes(60) },
        }),
      )
      await expectRefused(
        422,
        'POST',
        `/pages/${page}/incidents`,
        sent(encoding, {
          incident: {
            name: 'Backwards',
            scheduled_for: inMinutes(120),
            scheduled_until: inMinutes(60),
          },
        }),
      )
      const made = await v1Send('POST', `/pages/${page}/incidents`, LIST, 201, encoding, {
        incident: {
          name: unique('Window'),
          scheduled_for: inMinutes(60),
          scheduled_until: inMinutes(90),
        },
      })
      await expectRefused(
        422,
        'PATCH',
        `/pages/${page}/incidents/${made.id}`,
        sent(encoding, { incident: { scheduled_for: inMinutes(300), body: 'Moved.' } }),
      )
      await expectRefused(
        422,
        'PATCH',
        `/pages/${page}/incidents/${made.id}`,
        sent(encoding, { incident: { status: 'identified', body: 'Wrong kind.' } }),
      )
    })
  },
)
