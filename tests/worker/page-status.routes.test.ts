import { beforeEach, describe, expect, it } from 'vitest'
import { z } from '@hono/zod-openapi'
import { PageSchema, StatusSchema, SummarySchema } from '../../src/schemas/statuspage'
import {
  callJson,
  makeComponent,
  makeIncident,
  makeMaintenance,
  postMaintenanceUpdate,
  postUpdate,
  publicJson,
  resetData,
} from './factories'

const StatusDocument = z.object({ page: PageSchema, status: StatusSchema })

async function pageStatus() {
  const { status } = StatusDocument.parse(await publicJson('/api/v2/status.json'))
  const summary = SummarySchema.parse(await publicJson('/api/v2/summary.json'))
  expect(summary.status).toEqual(status)
  return status
}

// Each test looks at the page as a whole, so each starts from an empty page.
beforeEach(resetData)

describe('the page indicator through /api/v2/status.json', () => {
  it('an empty or healthy page: none, "All Systems Operational"', async () => {
    expect(await pageStatus()).toEqual({
      indicator: 'none',
      description: 'All Systems Operational',
    })
    await makeComponent()
    expect(await pageStatus()).toEqual({
      indicator: 'none',
      description: 'All Systems Operational',
    })
  })

  it.each([
    ['degraded_performance', 'minor', 'Minor Service Outage'],
    ['partial_outage', 'major', 'Partial System Outage'],
    ['major_outage', 'critical', 'Major System Outage'],
  ] as const)('a component set to %s makes the page %s', async (status, indicator, description) => {
    await makeComponent()
    const component = await makeComponent()
    await callJson('PATCH', `/api/v1/components/${component.id}`, { body: { status } })
    expect(await pageStatus()).toEqual({ indicator, description })
  })

  it('an open critical incident with operational components: critical; resolved: none', async () => {
    const component = await makeComponent()
    const incident = await makeIncident({
      impact: 'critical',
      components: { [component.id]: 'operational' },
    })
    expect(await pageStatus()).toEqual({
      indicator: 'critical',
      description: 'Major System Outage',
    })
    await postUpdate(incident.id, { status: 'resolved' })
    expect(await pageStatus()).toEqual({
      indicator: 'none',
      description: 'All Systems Operational',
    })
  })

  it('maintenance in progress only: none, "Service Under Maintenance"', async () => {
    const component = await makeComponent()
    await makeComponent()
    const maintenance = await makeMaintenance({ component_ids: [component.id] })
    expect((await pageStatus()).description).toBe('All Systems Operational')
    await postMaintenanceUpdate(maintenance.id, { status: 'in_progress' })
    expect(await pageStatus()).toEqual({
      indicator: 'none',
      description: 'Service Under Maintenance',
    })
    await postMaintenanceUpdate(maintenance.id, { status: 'completed' })
    expect(await pageStatus()).toEqual({
      indicator: 'none',
      description: 'All Systems Operational',
    })
  })
})
