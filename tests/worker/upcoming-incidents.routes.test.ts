import { describe, expect, it } from 'vitest'
import { z } from '@hono/zod-openapi'
import { IncidentSchema, SummarySchema } from '../../src/schemas/statuspage'
import {
  call,
  callJson,
  errorOf,
  inMinutes,
  makeComponent,
  makeIncident,
  postUpdate,
  publicJson,
  resetData,
  tableCounts,
} from './factories'
import { componentStatus, outboxOf, updateBodies, upcomingOutage } from './upcoming-helpers'

const v2Incidents = z.object({ incidents: z.array(IncidentSchema) })

/** The visible text of a page, tags dropped. */
async function pageText(path: string): Promise<string> {
  const res = await call('GET', path, { token: null })
  expect(res.status).toBe(200)
  return (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
}

/** The text of the section under the heading `heading` on `html`'s page, or undefined. */
function sectionText(text: string, heading: string, nextHeadings: string[]): string | undefined {
  const start = text.indexOf(` ${heading} `)
  if (start < 0) return undefined
  const ends = nextHeadings.map((h) => text.indexOf(` ${h} `, start + 1)).filter((i) => i > 0)
  return text.slice(start, ends.length ? Math.min(...ends) : undefined)
}

describe('opening an incident with expected_start', () => {
  it('refuses a past or present expected_start, with started_at, or resolved; writes nothing', async () => {
    const component = await makeComponent()
    const before = await tableCounts()
    const base = {
      name: 'Cable replacement',
      status: 'identified',
      impact: 'major',
      body: 'Loss of service expected.',
      components: { [component.id]: 'major_outage' },
    }
    for (const [fields, path] of [
      [{ expected_start: inMinutes(-5) }, 'expected_start'],
      [{ expected_start: 'tomorrow morning' }, 'expected_start'],
      [{ expected_start: inMinutes(60), started_at: inMinutes(-60) }, 'started_at'],
      [{ expected_start: inMinutes(60), status: 'resolved' }, 'expected_start'],
    ] as const) {
      const res = await call('POST', '/api/v1/incidents', { body: { ...base, ...fields } })
      const error = await errorOf(res)
      expect(error).toMatchObject({ status: 400, code: 'validation_failed' })
      expect(JSON.stringify(error.details)).toContain(path)
    }
    expect(await tableCounts()).toEqual(before)
  })

  it('is upcoming: shown with expected_start, components and page status left as they are', async () => {
    await resetData()
    const { component, incident, expectedStart } = await upcomingOutage()
    expect(IncidentSchema.parse(incident)).toMatchObject({
      upcoming: true,
      expected_start: new Date(expectedStart).toISOString(),
      status: 'identified',
    })
    expect(await componentStatus(component.id)).toBe('operational')

    const summary = SummarySchema.parse(await publicJson('/api/v2/summary.json'))
    expect(summary.status.indicator).toBe('none')
    expect(summary.components.find((c) => c.id === component.id)!.status).toBe('operational')

    for (const path of ['/api/v2/incidents.json', '/api/v2/incidents/unresolved.json']) {
      const listed = v2Incidents.parse(await publicJson(path)).incidents
      expect(
        listed.find((i) => i.id === incident.id),
        path,
      ).toMatchObject({
        upcoming: true,
        expected_start: new Date(expectedStart).toISOString(),
      })
    }
    const native = await callJson('GET', `/api/v1/incidents/${incident.id}`)
    expect(native).toMatchObject({ upcoming: true, expected_start: expect.any(String) })
  })

  it('announces it at once as incident.created', async () => {
    const { incident } = await upcomingOutage()
    expect((await outboxOf(incident.id)).map((e) => e.event_type)).toEqual(['incident.created'])
  })

  it('/ lists it under Upcoming with the time it is expected, not as a current incident', async () => {
    await resetData()
    const { incident } = await upcomingOutage()
    const live = await makeIncident({ name: `Live trouble ${crypto.randomUUID().slice(0, 6)}` })
    const text = await pageText('/')
    const headings = ['Current incidents', 'Maintenance in progress', 'Upcoming', 'Components']
    const upcoming = sectionText(text, 'Upcoming', headings.slice(3))
    const current = sectionText(text, 'Current incidents', headings.slice(1))
    expect(upcoming).toContain(incident.name)
    expect(upcoming).toMatch(/Expected from \w{3} \d{1,2} \w{3}, \d\d:\d\d UTC/)
    expect(current).toContain(live.name)
    expect(current).not.toContain(incident.name)
  })

  it('its page says when it is expected from', async () => {
    const { incident } = await upcomingOutage()
    const text = await pageText(`/incidents/${incident.id}`)
    expect(text).toContain('Upcoming incident')
    expect(text).toMatch(/Expected from \w{3} \d{1,2} \w{3}, \d\d:\d\d UTC — announced in advance/)
  })
})

describe('ops posting to an upcoming incident', () => {
  it('an update makes it live at once: components applied, announced as incident.updated', async () => {
    const { component, incident } = await upcomingOutage()
    const { incident: after } = await postUpdate(incident.id, {
      body: 'The work started early.',
    })
    expect(after).toMatchObject({ upcoming: false })
    expect(Date.parse(after.started_at)).toBeLessThanOrEqual(Date.now())
    expect(await componentStatus(component.id)).toBe('major_outage')
    const status = await publicJson('/api/v2/status.json')
    expect(status.status.indicator).toBe('critical')
    expect((await outboxOf(incident.id)).map((e) => e.event_type)).toEqual([
      'incident.created',
      'incident.updated',
    ])
  })

  it('go_live: false posts a note and keeps it upcoming', async () => {
    const { component, incident } = await upcomingOutage()
    const { incident: after } = await postUpdate(incident.id, {
      body: 'Still planned for the same time.',
      go_live: false,
    })
    expect(after.upcoming).toBe(true)
    expect(await componentStatus(component.id)).toBe('operational')
    expect(await updateBodies(incident.id)).toHaveLength(2)
  })

  it('resolving another incident on the component does not apply the upcoming one', async () => {
    const { component } = await upcomingOutage()
    const other = await makeIncident({ components: { [component.id]: 'partial_outage' } })
    expect(await componentStatus(component.id)).toBe('partial_outage')
    await postUpdate(other.id, { status: 'resolved' })
    expect(await componentStatus(component.id)).toBe('operational')
  })
})

describe('the OpenAPI document', () => {
  it('describes expected_start, go_live and upcoming', async () => {
    const schemas = (await publicJson('/api/v1/openapi.json')).components.schemas
    expect(schemas.IncidentInput.properties).toHaveProperty('expected_start')
    expect(schemas.IncidentUpdateInput.properties).toHaveProperty('go_live')
    expect(schemas.Incident.properties).toHaveProperty('upcoming')
    expect(schemas.Incident.properties).toHaveProperty('expected_start')
  })
})
