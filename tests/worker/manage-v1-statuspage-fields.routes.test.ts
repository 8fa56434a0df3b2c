import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSnapshot } from '../../src/domain/snapshot'
import { inMinutes, makeComponent, rows } from './factories'
import { INCIDENT_ENCODINGS, sent, v1Send } from './manage-v1-incident-calls'
import { expectRefused, pageId, v1Json } from './manage-v1-helpers'

/**
 * Statuspage-only fields (an incident's `metadata`, `reminder_intervals`…, a component's
 * `showcase`, `only_show_if_degraded`, `start_date`): kept, and given back on every read.
 */

const LIST = '/pages/{page_id}/incidents'
const ONE = '/pages/{page_id}/incidents/{incident_id}'
const COMPONENTS = '/pages/{page_id}/components'
const COMPONENT = '/pages/{page_id}/components/{component_id}'
let page: string
const unique = (name: string) => `${name} ${crypto.randomUUID().slice(0, 8)}`

beforeAll(async () => {
  page = await pageId()
})

describe.each(INCIDENT_ENCODINGS)('incident Statuspage fields (%s)', (encoding) => {
  it('are kept from creation, read back, changed by PATCH and listed', async () => {
    const component = await makeComponent()
    const created = await v1Send('POST', `/pages/${page}/incidents`, LIST, 201, encoding, {
      incident: {
        name: unique('Login errors'),
        components: { [component.id]: 'partial_outage' },
        metadata: { jira: { issue_id: 'OPS-7' }, team: 'identity' },
        reminder_intervals: '[3, 6]',
        wants_twitter_update: 'false',
      },
    })
    const path = `/pages/${page}/incidents/${created.id}`
    const kept = {
      metadata: { jira: { issue_id: 'OPS-7' }, team: 'identity' },
      reminder_intervals: '[3, 6]',
      wants_twitter_update: false,
    }
    expect(created).toMatchObject(kept)
    // Stored, not only echoed: a later read gives them back.
    expect(await v1Json('GET', path, ONE, 200)).toMatchObject(kept)

    // Sent alone, they are kept without an update; metadata is replaced whole.
    const patched = await v1Send('PATCH', path, ONE, 200, encoding, {
      incident: { metadata: { pager: { id: '9' } } },
    })
    expect(patched.incident_updates).toHaveLength(1)
    expect(patched).toMatchObject({ ...kept, metadata: { pager: { id: '9' } } })
    // Sent with a change, they ride on its update.
    const updated = await v1Send('PUT', path, ONE, 200, encoding, {
      incident: { status: 'identified', body: 'Found it.', reminder_intervals: '[1]' },
    })
    expect(updated.incident_updates).toHaveLength(2)
    expect(updated).toMatchObject({ metadata: { pager: { id: '9' } }, reminder_intervals: '[1]' })

    const again = await v1Json('GET', path, ONE, 200)
    expect(again).toMatchObject({ metadata: { pager: { id: '9' } }, reminder_intervals: '[1]' })
    const list = await v1Json<{ id: string; metadata: unknown }[]>(
      'GET',
      `/pages/${page}/incidents?q=${encodeURIComponent(created.name)}`,
      LIST,
      200,
    )
    expect(list.find((i) => i.id === created.id)?.metadata).toEqual({ pager: { id: '9' } })
    const unresolved = await v1Json<{ id: string; metadata: unknown }[]>(
      'GET',
      `/pages/${page}/incidents/unresolved`,
      LIST,
      200,
    )
    expect(unresolved.find((i) => i.id === created.id)?.metadata).toEqual({ pager: { id: '9' } })
    // The public snapshot every read loads does not carry them.
    const snapshot = await loadSnapshot(env)
    const inSnapshot = snapshot.incidents.find((i) => i.id === created.id)
    expect(inSnapshot).toBeDefined()
    expect(inSnapshot).not.toHaveProperty('statuspageFields')
  })

  it('are kept on scheduled maintenance and backfilled incidents', async () => {
    const component = await makeComponent()
    const maintenance = await v1Send('POST', `/pages/${page}/incidents`, LIST, 201, encoding, {
      incident: {
        name: unique('Database upgrade'),
        status: 'scheduled',
        scheduled_for: inMinutes(60),
        scheduled_until: inMinutes(120),
        component_ids: [component.id],
        auto_transition_deliver_notifications_at_start: 'false',
        metadata: { change: 'CHG-1' },
      },
    })
    const read = await v1Json('GET', `/pages/${page}/incidents/${maintenance.id}`, ONE, 200)
    expect(read).toMatchObject({
      metadata: { change: 'CHG-1' },
      auto_transition_deliver_notifications_at_start: false,
      // Not sent: what Candor's autopilot does.
      auto_transition_to_maintenance_state: true,
    })
    const backfilled = await v1Send('POST', `/pages/${page}/incidents`, LIST, 201, encoding, {
      incident: {
        name: unique('Old outage'),
        backfilled: 'true',
        backfill_date: '2026-01-05',
        metadata: { source: 'import' },
      },
    })
    const old = await v1Json('GET', `/pages/${page}/incidents/${backfilled.id}`, ONE, 200)
    expect(old.metadata).toEqual({ source: 'import' })
  })

  it('refuse more than 8 KB with 422, writing nothing', async () => {
    const big = { notes: 'x'.repeat(9000) }
    await expectRefused(
      422,
      'POST',
      `/pages/${page}/incidents`,
      sent(encoding, { incident: { name: unique('Too big'), metadata: big } }),
    )
    const created = await v1Send('POST', `/pages/${page}/incidents`, LIST, 201, encoding, {
      incident: { name: unique('Small'), metadata: { a: '1' } },
    })
    const path = `/pages/${page}/incidents/${created.id}`
    const message = await expectRefused(
      422,
      'PATCH',
      path,
      sent(encoding, { incident: { status: 'identified', metadata: big } }),
    )
    expect(message).toContain('8192')
    await expectRefused(422, 'PATCH', path, sent(encoding, { incident: { metadata: big } }))
    const stored = await rows<{ status: string; statuspage_fields: string }>(
      'SELECT status, statuspage_fields FROM incidents WHERE id = ?',
      created.id,
    )
    expect(stored).toEqual([
      { status: 'investigating', statuspage_fields: JSON.stringify({ metadata: { a: '1' } }) },
    ])
  })
})

describe.each(['json', 'form'] as const)('component Statuspage fields (%s)', (encoding) => {
  it('are kept from creation, read back, changed by PATCH and listed', async () => {
    const created = await v1Json('POST', `/pages/${page}/components`, COMPONENTS, 201, {
      encoding,
      body: {
        component: {
          name: unique('Search'),
          showcase: 'false',
          only_show_if_degraded: 'true',
          start_date: '2026-03-01',
        },
      },
    })
    const path = `/pages/${page}/components/${created.id}`
    const kept = { showcase: false, only_show_if_degraded: true, start_date: '2026-03-01' }
    expect(await v1Json('GET', path, COMPONENT, 200)).toMatchObject(kept)
    const patched = await v1Json('PATCH', path, COMPONENT, 200, {
      encoding,
      body: { component: { showcase: 'true', start_date: '2026-04-01' } },
    })
    expect(patched).toMatchObject({ ...kept, showcase: true, start_date: '2026-04-01' })
    const list = await v1Json<{ id: string }[]>('GET', `/pages/${page}/components`, COMPONENTS, 200)
    expect(list.find((c) => c.id === created.id)).toMatchObject({
      showcase: true,
      only_show_if_degraded: true,
      start_date: '2026-04-01',
    })
  })
})
