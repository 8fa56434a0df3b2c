// Copies components, incidents and maintenances into Candor, idempotently: a component is
// known by its name, an incident by its name and start, a maintenance by its name and
// scheduled start. A known incident or maintenance only gets the source's updates it lacks.

import { record } from './import-report.mjs'
import {
  componentPlan,
  instant,
  newIncidentInput,
  newMaintenanceInput,
  startOf,
  updateFields,
  updatesInOrder,
} from './import-map.mjs'

const why = (error) => error?.message ?? String(error)

/**
 * Creates the components Candor lacks (groups through their `group_name`). Returns the map
 * source id → Candor id, for components found or created.
 */
export async function importComponents(candor, sourceComponents, report) {
  const existing = (await candor.get('/components')).filter((c) => !c.group)
  const byName = new Map(existing.map((c) => [c.name.toLowerCase(), c]))
  const ids = new Map()
  const plan = componentPlan(sourceComponents)
  for (const group of plan.emptyGroups) {
    record(report, 'components', 'skipped', `group "${group.name}"`, 'it has no components')
  }
  for (const { source, input, missingGroup } of plan.components) {
    const known = byName.get(source.name.toLowerCase())
    if (known) {
      ids.set(source.id, known.id)
      record(report, 'components', 'skipped', source.name)
      continue
    }
    try {
      const created = await candor.post('/components', input)
      ids.set(source.id, created.id)
      byName.set(source.name.toLowerCase(), created)
      record(
        report,
        'components',
        'created',
        source.name,
        missingGroup
          ? `its group ${missingGroup} is not in the source's list; copied ungrouped`
          : null,
      )
    } catch (error) {
      record(report, 'components', 'failed', source.name, why(error))
    }
  }
  return ids
}

/** Posts the source's updates after the first `have` of them to a Candor record. */
async function appendUpdates(candor, path, updates, have, componentIds, live) {
  const missing = updates.slice(have)
  for (const [index, update] of missing.entries()) {
    const last = index === missing.length - 1
    await candor.post(path, updateFields(update, componentIds, { live: live && last }))
  }
  return missing.length
}

/**
 * Copies incidents (oldest first, so today's component statuses come from the newest) with
 * every update at its original time, telling nobody.
 */
export async function importIncidents(candor, sourceIncidents, componentIds, report) {
  const existing = await candor.all('/incidents?status=all')
  const key = (name, start) => `${name}\u0000${instant(start)}`
  const known = new Map(existing.map((i) => [key(i.name, i.started_at), i]))
  const oldestFirst = [...sourceIncidents].sort((a, b) => instant(startOf(a)) - instant(startOf(b)))
  for (const incident of oldestFirst) {
    const updates = updatesInOrder(incident)
    const live = !['resolved', 'postmortem'].includes(incident.status)
    try {
      const found = known.get(key(incident.name, startOf(incident)))
      if (found) {
        const have = found.incident_updates.length
        const added = await appendUpdates(
          candor,
          `/incidents/${found.id}/updates`,
          updates,
          have,
          componentIds,
          live,
        )
        if (added > 0) record(report, 'incidents', 'updated', incident.name, `${added} new updates`)
        else record(report, 'incidents', 'skipped', incident.name)
        await copyPostmortem(candor, found.id, incident, report)
        continue
      }
      const created = await candor.post('/incidents', newIncidentInput(incident, componentIds))
      await appendUpdates(
        candor,
        `/incidents/${created.id}/updates`,
        updates,
        1,
        componentIds,
        live,
      )
      record(report, 'incidents', 'created', incident.name)
      await copyPostmortem(candor, created.id, incident, report)
    } catch (error) {
      record(report, 'incidents', 'failed', incident.name, why(error))
    }
  }
}

/**
 * Copies an incident's published postmortem (the Manage API's `postmortem_body`, which the
 * public API does not carry) as published, telling nobody; one Candor already has is kept.
 */
async function copyPostmortem(candor, incidentId, incident, report) {
  if (!incident.postmortem_body || !incident.postmortem_published_at) return
  try {
    const path = `/incidents/${incidentId}/postmortem`
    if (await candor.optional(path)) {
      record(report, 'postmortems', 'skipped', incident.name)
      return
    }
    await candor.put(path, { body: incident.postmortem_body })
    await candor.post(`${path}/publish`, { notify_subscribers: false })
    record(report, 'postmortems', 'created', incident.name)
  } catch (error) {
    record(report, 'postmortems', 'failed', incident.name, why(error))
  }
}

/** Copies scheduled maintenances with every update at its original time, telling nobody. */
export async function importMaintenances(candor, sourceMaintenances, componentIds, report) {
  const existing = await candor.all('/maintenances?status=all')
  const key = (name, start) => `${name}\u0000${instant(start)}`
  const known = new Map(existing.map((m) => [key(m.name, m.scheduled_for), m]))
  const oldestFirst = [...sourceMaintenances].sort(
    (a, b) => instant(a.scheduled_for) - instant(b.scheduled_for),
  )
  for (const maintenance of oldestFirst) {
    const updates = updatesInOrder(maintenance)
    try {
      const found = known.get(key(maintenance.name, maintenance.scheduled_for))
      const have = found ? found.incident_updates.length : 1
      const target =
        found ??
        (await candor.post('/maintenances', newMaintenanceInput(maintenance, componentIds)))
      const added = await appendUpdates(
        candor,
        `/maintenances/${target.id}/updates`,
        updates,
        have,
        componentIds,
        false,
      )
      if (!found) record(report, 'maintenances', 'created', maintenance.name)
      else if (added > 0)
        record(report, 'maintenances', 'updated', maintenance.name, `${added} new updates`)
      else record(report, 'maintenances', 'skipped', maintenance.name)
    } catch (error) {
      record(report, 'maintenances', 'failed', maintenance.name, why(error))
    }
  }
}
