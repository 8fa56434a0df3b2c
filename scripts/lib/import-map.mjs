// Statuspage shapes → Candor's /api/v1 bodies. Pure functions: no HTTP here.

const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']
const IMPACTS = ['none', 'minor', 'major', 'critical']
const COMPONENT_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
]

/** Milliseconds of an ISO time, for comparing times written in different forms. */
export const instant = (iso) => (iso ? Date.parse(iso) : NaN)

/** A record's updates oldest first (Statuspage lists them newest first). */
export function updatesInOrder(item) {
  const when = (u) => instant(u.display_at ?? u.created_at)
  return [...(item.incident_updates ?? [])].sort((a, b) => when(a) - when(b))
}

/** When an incident began: its `started_at`, else its creation, else its first update. */
export function startOf(incident) {
  const first = updatesInOrder(incident)[0]
  return incident.started_at ?? incident.created_at ?? first?.display_at ?? first?.created_at
}

/**
 * The source's components split into groups and components, each component with the name of
 * its group (null when ungrouped, or when the group is not in the list: `missingGroup`).
 */
export function componentPlan(components) {
  const groups = new Map(components.filter((c) => c.group).map((g) => [g.id, g]))
  const members = components.filter((c) => !c.group)
  const emptyGroups = [...groups.values()].filter((g) => !members.some((c) => c.group_id === g.id))
  return {
    emptyGroups,
    components: members.map((c) => ({
      source: c,
      missingGroup: c.group_id && !groups.has(c.group_id) ? c.group_id : null,
      input: componentInput(c, groups.get(c.group_id)?.name ?? null),
    })),
  }
}

/** A Statuspage component as Candor's `POST /components` body. */
function componentInput(c, groupName) {
  const input = {
    name: c.name,
    status: COMPONENT_STATUSES.includes(c.status) ? c.status : 'operational',
  }
  if (c.description) input.description = c.description
  if (groupName) input.group_name = groupName
  if (typeof c.showcase === 'boolean') input.showcase = c.showcase
  if (typeof c.only_show_if_degraded === 'boolean')
    input.only_show_if_degraded = c.only_show_if_degraded
  if (typeof c.start_date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.start_date)) {
    input.start_date = c.start_date
  }
  if (c.help_url) input.help_url = c.help_url
  return input
}

/** The component statuses an update sets, by Candor id (components not copied are left out). */
function statusesOf(update, componentIds) {
  const statuses = {}
  for (const a of update.affected_components ?? []) {
    const id = componentIds.get(a.code)
    if (id && COMPONENT_STATUSES.includes(a.new_status)) statuses[id] = a.new_status
  }
  return statuses
}

/**
 * One source update as the fields Candor's update body takes: status, body, original time,
 * component statuses, and Candor's own fields when the source has them. Nobody is notified.
 * `live` says whether a next-update promise still matters (the source item is unresolved).
 */
export function updateFields(update, componentIds, { live }) {
  const fields = {
    status: update.status,
    body: update.body?.trim() ? update.body : '(no message)',
    display_at: update.display_at ?? update.created_at,
    notify: false,
  }
  const components = statusesOf(update, componentIds)
  if (Object.keys(components).length > 0) fields.components = components
  if ('eta' in update) fields.eta = update.eta
  if (update.progress != null) fields.progress = update.progress
  if (update.workaround) fields.workaround = update.workaround
  if (update.next_steps) fields.next_steps = update.next_steps
  if (live && update.next_update_at && instant(update.next_update_at) > Date.now()) {
    fields.next_update_at = update.next_update_at
  }
  return fields
}

/** The body of `POST /incidents` for a source incident: its first update, its start, no notice. */
export function newIncidentInput(incident, componentIds) {
  const [first, ...rest] = updatesInOrder(incident)
  const live = !['resolved', 'postmortem'].includes(incident.status)
  const impact = IMPACTS.includes(incident.impact) ? incident.impact : 'none'
  const opening = first
    ? updateFields(first, componentIds, { live: live && rest.length === 0 })
    : { status: incident.status, body: incident.name, notify: false }
  if (opening.status && !INCIDENT_STATUSES.includes(opening.status))
    opening.status = 'investigating'
  if (opening.eta === null) delete opening.eta
  return { name: incident.name, impact, started_at: startOf(incident), ...opening }
}

/** The body of `POST /maintenances` for a source maintenance: its first update, no notice. */
export function newMaintenanceInput(maintenance, componentIds) {
  const [first] = updatesInOrder(maintenance)
  const ids = (maintenance.components ?? []).map((c) => componentIds.get(c.id)).filter(Boolean)
  const input = {
    name: maintenance.name,
    body: first?.body?.trim() ? first.body : maintenance.name,
    scheduled_for: maintenance.scheduled_for,
    scheduled_until: maintenance.scheduled_until,
    component_ids: [...new Set(ids)],
    status: first?.status ?? 'scheduled',
    notify: false,
  }
  const at = first?.display_at ?? first?.created_at
  if (at && instant(at) <= Date.now()) input.display_at = at
  return input
}

const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed']

/**
 * The Manage API's incidents list, which holds scheduled maintenance too, split as the public
 * API lists them: maintenance is what has a maintenance status or a `scheduled_for`. Drafts (a
 * Candor source's, which the public never saw) are set apart.
 */
export function splitManageIncidents(list) {
  const split = { incidents: [], maintenances: [], drafts: [] }
  for (const item of list) {
    if (item.draft === true) split.drafts.push(item)
    else if (MAINTENANCE_STATUSES.includes(item.status) || item.scheduled_for) {
      split.maintenances.push(item)
    } else split.incidents.push(item)
  }
  return split
}

/** A Statuspage incident template as Candor's `POST /templates` body, or null if it has no place. */
export function templateInput(template, componentIds) {
  if (!['investigating', 'identified', 'monitoring', 'resolved'].includes(template.update_status)) {
    return null
  }
  const components = {}
  for (const c of template.components ?? []) {
    const id = componentIds.get(c.id)
    if (id) components[id] = COMPONENT_STATUSES.includes(c.status) ? c.status : 'operational'
  }
  return {
    kind: 'incident',
    name: template.name,
    title: template.title || template.name,
    status: template.update_status,
    body: template.body?.trim() ? template.body : template.title || template.name,
    components,
  }
}

/** One CSV cell, quoted when it must be. */
const cell = (text) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

/**
 * Email subscribers as the CSV `POST /subscribers/import` reads, in chunks of `size` rows. A
 * subscriber choosing every component (or none) follows everything.
 */
export function subscriberCsvChunks(subscribers, componentIds, allSourceIds, size = 500) {
  const rows = subscribers.map((s) => {
    const chosen = Array.isArray(s.components) ? s.components : []
    const everything = chosen.length === 0 || allSourceIds.every((id) => chosen.includes(id))
    const ids = everything ? [] : chosen.map((id) => componentIds.get(id)).filter(Boolean)
    return `${cell(s.email)},${cell(ids.join(';'))}`
  })
  const chunks = []
  for (let i = 0; i < rows.length; i += size) {
    chunks.push(['email,components', ...rows.slice(i, i + size)].join('\n') + '\n')
  }
  return chunks
}
