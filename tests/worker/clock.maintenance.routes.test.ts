import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { runMaintenanceAutopilot } from '../../src/clock/maintenance-autopilot'
import type { AppEnv } from '../../src/env'
import worker from '../../src/index'
import {
  callJson,
  inMinutes,
  makeComponent,
  makeMaintenance,
  postMaintenanceUpdate,
  publicJson,
  rows,
} from './factories'

/** Maintenance that runs itself, with the clock at a chosen time. */

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000)

/** Runs the Worker's scheduled handler as the Cron Trigger would at `at`. */
async function cronAt(at: Date) {
  const controller = createScheduledController({ scheduledTime: at.getTime(), cron: '* * * * *' })
  const ctx = createExecutionContext()
  await worker.scheduled(controller, env as AppEnv, ctx)
  await waitOnExecutionContext(ctx)
}

async function eventsFor(id: string): Promise<string[]> {
  const events = await rows<{ event_type: string }>(
    'SELECT event_type FROM outbox WHERE incident_id = ? ORDER BY created_at, rowid',
    id,
  )
  return events.map((e) => e.event_type)
}

const statusOf = async (id: string) => (await callJson('GET', `/api/v1/maintenances/${id}`)).status
const componentStatus = async (id: string) =>
  (await callJson('GET', `/api/v1/components/${id}`)).status

describe('maintenance that runs itself', () => {
  it('starts and completes on time through the Cron Trigger, announcing each step once', async () => {
    const component = await makeComponent()
    const m = await makeMaintenance({
      scheduled_for: inMinutes(10),
      scheduled_until: inMinutes(70),
      component_ids: [component.id],
      auto_start: true,
      auto_complete: true,
    })
    await cronAt(later(9))
    expect(await statusOf(m.id)).toBe('scheduled')

    await cronAt(later(11))
    await cronAt(later(12))
    expect(await statusOf(m.id)).toBe('in_progress')
    expect(await componentStatus(component.id)).toBe('under_maintenance')
    // Readers see it at once: the public snapshot was rebuilt.
    const active = await publicJson('/api/v2/scheduled-maintenances/active.json')
    expect(active.scheduled_maintenances.map((s: any) => s.id)).toContain(m.id)

    await cronAt(later(71))
    await cronAt(later(72))
    const done = await callJson('GET', `/api/v1/maintenances/${m.id}`)
    expect(done.status).toBe('completed')
    expect(done.incident_updates.map((u: any) => u.body)).toEqual([
      'The maintenance is complete, as scheduled.',
      'The maintenance has begun, as scheduled.',
      'Planned work.',
    ])
    expect(await componentStatus(component.id)).toBe('operational')
    expect(await eventsFor(m.id)).toEqual([
      'maintenance.scheduled',
      'maintenance.started',
      'maintenance.completed',
    ])
    // The audit log says who did it.
    const audit = await rows<{ actor: string }>(
      "SELECT actor FROM audit_log WHERE target_id = ? AND action = 'maintenance.update'",
      m.id,
    )
    expect(audit.map((a) => a.actor)).toEqual(['clock', 'clock'])
  })

  it('leaves maintenance without auto_start or auto_complete to ops', async () => {
    const m = await makeMaintenance({
      scheduled_for: inMinutes(10),
      scheduled_until: inMinutes(20),
    })
    await runMaintenanceAutopilot(env as AppEnv, later(30))
    expect(await statusOf(m.id)).toBe('scheduled')

    const started = await makeMaintenance({
      scheduled_for: inMinutes(10),
      scheduled_until: inMinutes(20),
      auto_start: true,
    })
    await runMaintenanceAutopilot(env as AppEnv, later(30))
    expect(await statusOf(started.id)).toBe('in_progress')
  })

  it('does not start maintenance that ops already started or completed', async () => {
    const m = await makeMaintenance({
      scheduled_for: inMinutes(10),
      scheduled_until: inMinutes(20),
      auto_start: true,
      auto_complete: true,
    })
    await postMaintenanceUpdate(m.id, { status: 'completed', body: 'Done early.' })
    const result = await runMaintenanceAutopilot(env as AppEnv, later(30))
    expect(result.started).not.toContain(m.id)
    expect(result.completed).not.toContain(m.id)
    expect(await eventsFor(m.id)).toEqual(['maintenance.scheduled', 'maintenance.completed'])
  })

  it('reminds subscribers remind_before_minutes ahead, once per scheduled start', async () => {
    const m = await makeMaintenance({
      scheduled_for: inMinutes(60),
      scheduled_until: inMinutes(90),
      remind_before_minutes: 15,
    })
    await runMaintenanceAutopilot(env as AppEnv, later(44))
    expect(await eventsFor(m.id)).toEqual(['maintenance.scheduled'])

    await runMaintenanceAutopilot(env as AppEnv, later(46))
    await runMaintenanceAutopilot(env as AppEnv, later(50))
    expect(await eventsFor(m.id)).toEqual(['maintenance.scheduled', 'maintenance.reminder'])

    // Past its start nobody is reminded any more.
    const late = await makeMaintenance({
      scheduled_for: inMinutes(5),
      scheduled_until: inMinutes(30),
      remind_before_minutes: 10,
    })
    await runMaintenanceAutopilot(env as AppEnv, later(6))
    expect(await eventsFor(late.id)).toEqual(['maintenance.scheduled'])
  })

  it('the reminder reaches subscribers as maintenance.reminder', async () => {
    const component = await makeComponent()
    const m = await makeMaintenance({
      name: 'Mast upgrade',
      scheduled_for: inMinutes(30),
      scheduled_until: inMinutes(90),
      component_ids: [component.id],
      remind_before_minutes: 60,
    })
    await cronAt(later(1))
    const [reminder] = await rows<{ id: string; message: string | null; dispatched_at: string }>(
      "SELECT id, message, dispatched_at FROM outbox WHERE incident_id = ? AND event_type = 'maintenance.reminder'",
      m.id,
    )
    expect(reminder).toBeDefined()
    // The Cron Trigger's sweep hands it to the queue, whose fan-out builds its message.
    const built = await (async () => {
      for (let i = 0; i < 100; i++) {
        const [row] = await rows<{ message: string | null }>(
          'SELECT message FROM outbox WHERE id = ?',
          reminder!.id,
        )
        if (row?.message) return JSON.parse(row.message)
        await new Promise((r) => setTimeout(r, 100))
      }
      return null
    })()
    expect(built).toMatchObject({
      eventType: 'maintenance.reminder',
      incident: { id: m.id, name: 'Mast upgrade', status: 'scheduled' },
    })
  })

  it('a step the clock takes answers no promise ops made', async () => {
    const m = await makeMaintenance({
      scheduled_for: inMinutes(10),
      scheduled_until: inMinutes(90),
      auto_start: true,
    })
    // Ops promised word in five minutes; the clock starts the work at eleven and nobody spoke.
    const promise = inMinutes(5)
    await postMaintenanceUpdate(m.id, {
      body: 'We will say more by then.',
      next_update_at: promise,
    })
    await runMaintenanceAutopilot(env as AppEnv, later(11))
    const started = await callJson('GET', `/api/v1/maintenances/${m.id}`)
    expect(started.status).toBe('in_progress')
    expect(started.next_update_at).toBe(new Date(promise).toISOString())
    expect(started.incident_updates[0].body).toBe('The maintenance has begun, as scheduled.')
    const [clockUpdate] = await rows<{ promised_by: string | null }>(
      'SELECT promised_by FROM incident_updates WHERE incident_id = ? ORDER BY created_at DESC LIMIT 1',
      m.id,
    )
    expect(clockUpdate!.promised_by).toBeNull()
  })
})
