import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import { editIncidentUpdate } from '../../domain/incident-edits'
import { V1IncidentUpdateChanges } from '../../schemas/manage-v1-incidents'
import { verbContext } from '../context'
import { v1Route } from './v1-access'
import { readV1Input } from './v1-body'
import { presentV1Update } from './v1-incident-present'

/**
 * `/v1/pages/{page_id}/incidents/{incident_id}/incident_updates/{id}`: correcting a posted
 * update's text or display time. Nobody is told again (`deliver_notifications` is accepted and
 * ignored: the update was delivered, or not, when it was posted); `wants_twitter_update` is
 * echoed.
 */
export const v1IncidentUpdateRoutes = new Hono<AppBindings>()

const ONE = '/pages/:page_id/incidents/:incident_id/incident_updates/:incident_update_id'

for (const method of ['PATCH', 'PUT'] as const) {
  v1Route(v1IncidentUpdateRoutes, method, ONE, 'write', async (c) => {
    const { input } = await readV1Input(c, 'incident_update', V1IncidentUpdateChanges)
    const { update, incident } = await editIncidentUpdate(
      verbContext(c),
      c.req.param('incident_id'),
      c.req.param('incident_update_id'),
      { body: input.body, display_at: input.display_at },
    )
    return c.json(presentV1Update(incident, update, input.wants_twitter_update ?? false), 200)
  })
}
