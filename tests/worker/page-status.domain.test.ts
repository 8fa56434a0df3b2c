import { describe, expect, it } from 'vitest'
import { blankIncident } from '../../src/domain/incidents'
import { computePageStatus } from '../../src/domain/page-status'
import type { Component, ComponentStatus, Impact, Incident } from '../../src/domain/types'

const NOW = '2026-06-01T12:00:00.000Z'

function component(status: ComponentStatus, fields: Partial<Component> = {}): Component {
  return {
    id: crypto.randomUUID(),
    name: `Component ${status}`,
    description: null,
    status,
    position: 1,
    isGroup: false,
    groupId: null,
    showcase: true,
    onlyShowIfDegraded: false,
    startDate: null,
    helpUrl: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...fields,
  }
}

function incident(impact: Impact, fields: Partial<Incident> = {}): Incident {
  return { ...blankIncident('incident', 'Incident', NOW), impact, ...fields }
}

describe('computePageStatus (as Statuspage derives it)', () => {
  it('all operational: none, "All Systems Operational"', () => {
    expect(computePageStatus([component('operational'), component('operational')], [])).toEqual({
      indicator: 'none',
      description: 'All Systems Operational',
    })
  })

  it('no components at all: none', () => {
    expect(computePageStatus([], []).indicator).toBe('none')
  })

  it.each([
    ['degraded_performance', 'minor', 'Minor Service Outage'],
    ['partial_outage', 'major', 'Partial System Outage'],
    ['major_outage', 'critical', 'Major System Outage'],
  ] as const)('a component in %s makes the page %s', (status, indicator, description) => {
    expect(computePageStatus([component('operational'), component(status)], [])).toEqual({
      indicator,
      description,
    })
  })

  it('the worst component wins', () => {
    const components = [
      component('degraded_performance'),
      component('major_outage'),
      component('partial_outage'),
    ]
    expect(computePageStatus(components, []).indicator).toBe('critical')
  })

  it.each([
    ['none', 'none'],
    ['minor', 'minor'],
    ['major', 'major'],
    ['critical', 'critical'],
  ] as const)(
    'an open incident of impact %s with operational components gives %s',
    (impact, indicator) => {
      expect(computePageStatus([component('operational')], [incident(impact)]).indicator).toBe(
        indicator,
      )
    },
  )

  it('an open critical incident outranks a merely degraded component', () => {
    expect(computePageStatus([component('degraded_performance')], [incident('critical')])).toEqual({
      indicator: 'critical',
      description: 'Major System Outage',
    })
  })

  it('a worse component outranks a milder incident', () => {
    expect(computePageStatus([component('partial_outage')], [incident('minor')]).indicator).toBe(
      'major',
    )
  })

  it('resolved incidents do not count', () => {
    const resolved = incident('critical', { status: 'resolved', resolvedAt: NOW })
    expect(computePageStatus([component('operational')], [resolved]).indicator).toBe('none')
  })

  it('maintenance in progress alone: none, "Service Under Maintenance"', () => {
    const maintenance = {
      ...blankIncident('maintenance', 'Upgrade', NOW),
      status: 'in_progress',
    }
    expect(
      computePageStatus([component('operational'), component('under_maintenance')], [maintenance]),
    ).toEqual({ indicator: 'none', description: 'Service Under Maintenance' })
  })

  it('maintenance beside a real problem reports the problem', () => {
    expect(
      computePageStatus([component('under_maintenance'), component('degraded_performance')], []),
    ).toEqual({ indicator: 'minor', description: 'Minor Service Outage' })
  })

  it('a group’s own status does not count, only its components', () => {
    const group = component('major_outage', { isGroup: true })
    expect(computePageStatus([group, component('operational')], []).indicator).toBe('none')
  })
})
