// Generates SQL for a synthetic Candor history (schema: migrations/0001_core.sql): some
// components and areas, N past resolved incidents with their updates, ETA changes, component
// links and status changes, and one open incident. Used by the read benchmark.

import { inserts, newId } from './sql-inserts.mjs'

const MINUTE = 60_000
const DAY = 86_400_000

/** Two groups of components, eight components in all, plus ungrouped ones. */
function makeComponents(now) {
  const at = new Date(now - 800 * DAY).toISOString()
  const component = (name, position, groupId = null, isGroup = false) => ({
    id: newId(),
    name,
    description: isGroup ? null : `${name} service`,
    status: 'operational',
    position,
    is_group: isGroup ? 1 : 0,
    group_id: groupId,
    showcase: isGroup ? 0 : 1,
    created_at: at,
    updated_at: at,
  })
  const network = component('Network', 1, null, true)
  const platform = component('Platform', 6, null, true)
  return [
    network,
    component('Broadband', 2, network.id),
    component('Mobile data', 3, network.id),
    component('Voice', 4, network.id),
    component('TV', 5, network.id),
    platform,
    component('Customer portal', 7, platform.id),
    component('Mobile app', 8, platform.id),
    component('Email', 9, platform.id),
    component('Payments', 10),
  ]
}

/**
 * One past resolved incident, spread evenly over the last two years, and its parts. Each has an
 * ETA and a promised next update, so the ETA record has work to do: every third one moves its
 * ETA and is fixed after the first one but by the second, and answers its second promise late.
 */
function pastIncident(index, count, leaves, now) {
  const span = 730 * DAY
  const start = now - span + Math.floor((index * span) / count)
  const iso = (ms) => new Date(start + ms).toISOString()
  const id = newId()
  const component = leaves[index % leaves.length]
  const firstUpdate = newId()
  const middleUpdate = newId()
  const lastUpdate = newId()
  const slipped = index % 3 === 0
  const eta = iso(120 * MINUTE)
  const laterEta = slipped ? iso(180 * MINUTE) : eta
  const firstPromise = iso(60 * MINUTE)
  const secondPromise = iso(105 * MINUTE)
  const resolvedAt = iso((slipped ? 150 : 90) * MINUTE)
  return {
    incident: {
      id,
      kind: 'incident',
      name: `${component.name} degraded (#${index + 1})`,
      status: 'resolved',
      impact: index % 5 === 0 ? 'major' : 'minor',
      created_at: iso(0),
      updated_at: resolvedAt,
      started_at: iso(0),
      resolved_at: resolvedAt,
      eta: laterEta,
    },
    updates: [
      update(firstUpdate, id, 'investigating', `${component.name} is slow for some customers.`, {
        at: iso(0),
        eta,
        nextUpdateAt: firstPromise,
      }),
      update(middleUpdate, id, 'identified', 'We found the cause and are fixing it.', {
        at: iso(45 * MINUTE),
        eta: laterEta,
        nextUpdateAt: secondPromise,
        promisedBy: firstPromise,
      }),
      update(lastUpdate, id, 'resolved', 'The cause was fixed and service is back to normal.', {
        at: resolvedAt,
        eta: laterEta,
        promisedBy: secondPromise,
      }),
    ],
    etas: [
      { incident_id: id, update_id: firstUpdate, eta, set_at: iso(0) },
      ...(slipped
        ? [{ incident_id: id, update_id: middleUpdate, eta: laterEta, set_at: iso(45 * MINUTE) }]
        : []),
    ],
    link: { incident_id: id, component_id: component.id, status: 'degraded_performance' },
    changes: [
      statusChange(component.id, 'degraded_performance', iso(0), id),
      statusChange(component.id, 'operational', resolvedAt, id),
    ],
  }
}

/** An incident_updates row. */
function update(id, incidentId, status, body, options) {
  const {
    at,
    eta = null,
    nextUpdateAt = null,
    promisedBy = null,
    progress = null,
    workaround = null,
  } = options
  return {
    id,
    incident_id: incidentId,
    status,
    body,
    created_at: at,
    updated_at: at,
    display_at: at,
    eta,
    next_update_at: nextUpdateAt,
    promised_by: promisedBy,
    progress,
    workaround,
    affected_components: '[]',
    deliver_notifications: 0,
    actor: 'bench',
  }
}

/** A component_status_changes row. */
function statusChange(componentId, status, at, incidentId) {
  return { component_id: componentId, status, changed_at: at, incident_id: incidentId }
}

/** The one open incident: broadband down in one area, with an ETA and a promised update. */
function openIncident(component, area, now) {
  const iso = (ms) => new Date(now + ms).toISOString()
  const id = newId()
  const updateId = newId()
  const eta = iso(180 * MINUTE)
  const nextUpdateAt = iso(45 * MINUTE)
  return {
    incident: {
      id,
      kind: 'incident',
      name: 'No broadband in M14',
      status: 'identified',
      impact: 'major',
      created_at: iso(-60 * MINUTE),
      updated_at: iso(-60 * MINUTE),
      started_at: iso(-60 * MINUTE),
      resolved_at: null,
      eta,
      next_update_at: nextUpdateAt,
      progress: 30,
      workaround: 'Use mobile data.',
    },
    update: update(updateId, id, 'identified', 'A fibre cable was cut; engineers are on site.', {
      at: iso(-60 * MINUTE),
      eta,
      nextUpdateAt,
      progress: 30,
      workaround: 'Use mobile data.',
    }),
    eta: { incident_id: id, update_id: updateId, eta, set_at: iso(-60 * MINUTE) },
    link: { incident_id: id, component_id: component.id, status: 'major_outage' },
    area: { incident_id: id, area_id: area.id },
    change: statusChange(component.id, 'major_outage', iso(-60 * MINUTE), id),
  }
}

/** Fills in the incident columns a row leaves out, so all rows share one column list. */
function incidentRow(row) {
  return {
    monitoring_at: null,
    next_update_at: null,
    progress: null,
    workaround: null,
    ...row,
  }
}

/**
 * The whole SQL script for a history of `count` past incidents plus one open incident.
 * Returns `{ sql, openIncidentId }`.
 */
export function historySql(count, now = Date.now()) {
  const components = makeComponents(now)
  const leaves = components.filter((c) => c.is_group === 0)
  const areas = ['M14', 'M15'].map((name) => ({
    id: newId(),
    name,
    created_at: new Date(now - 800 * DAY).toISOString(),
  }))
  const past = Array.from({ length: count }, (_, i) => pastIncident(i, count, leaves, now))
  const open = openIncident(leaves[0], areas[0], now)
  leaves[0].status = 'major_outage'
  const statements = [
    ...inserts('components', components),
    ...inserts('areas', areas),
    ...inserts('incidents', [...past.map((p) => p.incident), open.incident].map(incidentRow)),
    ...inserts('incident_updates', [...past.flatMap((p) => p.updates), open.update]),
    ...inserts('eta_changes', [...past.flatMap((p) => p.etas), open.eta]),
    ...inserts('incident_components', [...past.map((p) => p.link), open.link]),
    ...inserts('incident_areas', [open.area]),
    ...inserts('component_status_changes', [
      ...leaves.map((c) => statusChange(c.id, 'operational', c.created_at, null)),
      ...past.flatMap((p) => p.changes),
      open.change,
    ]),
  ]
  return { sql: `${statements.join('\n')}\n`, openIncidentId: open.incident.id }
}
