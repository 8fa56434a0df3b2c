import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { deleteIncident, getIncidentOfAnyKind } from '../../domain/incident-edits'
import { createIncident, listIncidents, postIncidentUpdate } from '../../domain/incidents'
import { createMaintenance } from '../../domain/maintenances'
import { publishedPostmortemsOf, type Postmortem } from '../../domain/postmortems'
import type { PresentContext } from '../../domain/present'
import { isClosedStatus, isUpcoming, type Incident } from '../../domain/types'
import { V1IncidentChanges, V1IncidentInput } from '../../schemas/manage-v1-incidents'
import { presentContextFromDb, verbContext } from '../context'
import { v1Route } from './v1-access'
import { backfillIncident } from '../../domain/incident-backfill'
import { keepStatuspageFields } from '../../domain/statuspage-fields'
import { readV1Input } from './v1-body'
import {
  backfillFrom,
  isMaintenanceRequest,
  newIncidentFrom,
  newMaintenanceFrom,
  updateFrom,
} from './v1-incident-map'
import { presentV1Incident, statuspageFieldsOf } from './v1-incident-present'
import { paginate, type PageRule } from './v1-pagination'

/**
 * `/v1/pages/{page_id}/incidents`: incidents and scheduled maintenance alike (Statuspage keeps
 * both as incidents), through the same verbs as `/api/v1/incidents` and `/api/v1/maintenances`.
 */
export const v1IncidentRoutes = new Hono<AppBindings>()

const BASE = '/pages/:page_id/incidents'

/** The incidents list pages with `limit` (100 by default and at most), as Statuspage's does. */
const BY_LIMIT: PageRule = { size: 'limit', defaultSize: 100, maxSize: 100 }

/** How many of each kind a list reads before filtering and paging. */
const LIST_READ = 1000

async function everything(c: Context<AppBindings>): Promise<Incident[]> {
  const [incidents, maintenances] = await Promise.all([
    listIncidents(c.env.DB, 'incident', 'all', LIST_READ),
    listIncidents(c.env.DB, 'maintenance', 'all', LIST_READ),
  ])
  return [...incidents, ...maintenances].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** True when `q` is in the incident's name, status or one of its updates. */
function matches(i: Incident, q: string): boolean {
  const needle = q.toLowerCase()
  return [i.name, i.status, ...i.updates.map((u) => u.body)].some((text) =>
    text.toLowerCase().includes(needle),
  )
}

/** Incidents as v1 answers them, their published postmortems read in one query. */
async function presentAll(
  c: Context<AppBindings>,
  incidents: Incident[],
  ctx: PresentContext,
  postmortems?: Map<string, Postmortem>,
) {
  const found =
    postmortems ??
    (await publishedPostmortemsOf(
      c.env.DB,
      incidents.map((i) => i.id),
    ))
  return incidents.map((i) => presentV1Incident(i, ctx, found.get(i.id)))
}

async function present(
  c: Context<AppBindings>,
  i: Incident,
  ctx: PresentContext,
  postmortems?: Map<string, Postmortem>,
) {
  return (await presentAll(c, [i], ctx, postmortems))[0]!
}

v1Route(v1IncidentRoutes, 'GET', BASE, 'read', async (c) => {
  const q = c.req.query('q')?.trim()
  const ctx = await presentContextFromDb(c)
  const found = (await everything(c)).filter((i) => !q || matches(i, q))
  return c.json(await presentAll(c, paginate(c, found, BY_LIMIT), ctx), 200)
})

/** The fixed lists: which incidents or maintenances each shows. */
const LISTS: Record<string, (i: Incident) => boolean> = {
  unresolved: (i) => i.kind === 'incident' && !isClosedStatus(i.status),
  scheduled: (i) => i.kind === 'maintenance' && i.status === 'scheduled',
  upcoming: (i) =>
    (i.kind === 'maintenance' && i.status === 'scheduled') ||
    (i.kind === 'incident' && isUpcoming(i)),
  active_maintenance: (i) =>
    i.kind === 'maintenance' && (i.status === 'in_progress' || i.status === 'verifying'),
}

for (const [name, keep] of Object.entries(LISTS)) {
  v1Route(v1IncidentRoutes, 'GET', `${BASE}/${name}`, 'read', async (c) => {
    const ctx = await presentContextFromDb(c)
    const list = (await everything(c)).filter(keep)
    return c.json(await presentAll(c, paginate(c, list), ctx), 200)
  })
}

v1Route(v1IncidentRoutes, 'POST', BASE, 'write', async (c) => {
  const { input } = await readV1Input(c, 'incident', V1IncidentInput)
  const ctx = await presentContextFromDb(c)
  const kept = { statuspage_fields: statuspageFieldsOf(input) }
  const incident = isMaintenanceRequest(input)
    ? await createMaintenance(verbContext(c), { ...newMaintenanceFrom(input, ctx), ...kept })
    : input.backfilled
      ? await backfillIncident(verbContext(c), { ...backfillFrom(input, ctx), ...kept })
      : await createIncident(verbContext(c), { ...newIncidentFrom(input, ctx), ...kept })
  // Presented with the components as the write left them.
  return c.json(await present(c, incident, await presentContextFromDb(c)), 201)
})

v1Route(v1IncidentRoutes, 'GET', `${BASE}/:incident_id`, 'read', async (c) => {
  const incident = await getIncidentOfAnyKind(c.env.DB, c.req.param('incident_id'))
  return c.json(await present(c, incident, await presentContextFromDb(c)), 200)
})

// Statuspage's PUT takes the same partial body as its PATCH; a new status or body is an update.
for (const method of ['PATCH', 'PUT'] as const) {
  v1Route(v1IncidentRoutes, method, `${BASE}/:incident_id`, 'write', async (c) => {
    const current = await getIncidentOfAnyKind(c.env.DB, c.req.param('incident_id'))
    const { input } = await readV1Input(c, 'incident', V1IncidentChanges)
    const ctx = await presentContextFromDb(c)
    const fields = updateFrom(input, current, ctx)
    const kept = statuspageFieldsOf(input)
    // Statuspage-only fields sent alone are kept without posting an update.
    const incident = fields
      ? (
          await postIncidentUpdate(verbContext(c), current.id, current.kind, {
            ...fields,
            statuspage_fields: kept,
          })
        ).incident
      : await keepStatuspageFields(verbContext(c), current.id, kept)
    return c.json(await present(c, incident, await presentContextFromDb(c)), 200)
  })
}

v1Route(v1IncidentRoutes, 'DELETE', `${BASE}/:incident_id`, 'write', async (c) => {
  const ctx = await presentContextFromDb(c)
  // Read before the delete takes the postmortem with it: the answer is the incident as it was.
  const postmortems = await publishedPostmortemsOf(c.env.DB, [c.req.param('incident_id')])
  const incident = await deleteIncident(verbContext(c), c.req.param('incident_id'))
  return c.json(await present(c, incident, ctx, postmortems), 200)
})
