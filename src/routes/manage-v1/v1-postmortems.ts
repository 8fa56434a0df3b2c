import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import {
  deletePostmortem,
  getPostmortem,
  publishPostmortem,
  revertPostmortem,
  savePostmortemDraft,
  type Postmortem,
} from '../../domain/postmortems'
import { V1PostmortemInput, V1PostmortemPublishInput } from '../../schemas/manage-v1-postmortems'
import { verbContext } from '../context'
import { v1Route } from './v1-access'
import { readV1Input } from './v1-body'

/**
 * `/v1/pages/{page_id}/incidents/{incident_id}/postmortem`: an incident's postmortem through
 * the verbs of `/api/v1/incidents/{id}/postmortem`. Statuspage publishes and reverts with
 * `PUT` where Candor's own API uses `POST`. A maintenance has no postmortem (404).
 */
export const v1PostmortemRoutes = new Hono<AppBindings>()

const ONE = '/pages/:page_id/incidents/:incident_id/postmortem'

/**
 * A postmortem as Statuspage's `Postmortem`, with Candor's `incident_id` and `state` beside.
 * `body` is the text last published; Candor keeps no preview key and posts no tweets.
 */
export function presentV1Postmortem(p: Postmortem) {
  return {
    preview_key: null,
    body: p.body,
    body_updated_at: p.bodyUpdatedAt,
    body_draft: p.bodyDraft,
    body_draft_updated_at: p.bodyDraftUpdatedAt,
    published_at: p.publishedAt,
    notify_subscribers: p.notifySubscribers,
    notify_twitter: false,
    custom_tweet: null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    incident_id: p.incidentId,
    state: p.state,
  }
}

v1Route(v1PostmortemRoutes, 'GET', ONE, 'read', async (c) => {
  const postmortem = await getPostmortem(c.env.DB, c.req.param('incident_id'))
  return c.json(presentV1Postmortem(postmortem), 200)
})

// Saves the draft, creating the postmortem when the incident has none.
v1Route(v1PostmortemRoutes, 'PUT', ONE, 'write', async (c) => {
  const { input } = await readV1Input(c, 'postmortem', V1PostmortemInput)
  const postmortem = await savePostmortemDraft(verbContext(c), c.req.param('incident_id'), {
    body: input.body_draft,
  })
  return c.json(presentV1Postmortem(postmortem), 200)
})

v1Route(v1PostmortemRoutes, 'DELETE', ONE, 'write', async (c) => {
  await deletePostmortem(verbContext(c), c.req.param('incident_id'))
  return c.body(null, 204)
})

// `notify_subscribers` (false unless sent) tells the incident's subscribers.
v1Route(v1PostmortemRoutes, 'PUT', `${ONE}/publish`, 'write', async (c) => {
  const { input } = await readV1Input(c, 'postmortem', V1PostmortemPublishInput)
  const postmortem = await publishPostmortem(verbContext(c), c.req.param('incident_id'), {
    notifySubscribers: input.notify_subscribers ?? false,
  })
  return c.json(presentV1Postmortem(postmortem), 200)
})

v1Route(v1PostmortemRoutes, 'PUT', `${ONE}/revert`, 'write', async (c) => {
  const postmortem = await revertPostmortem(verbContext(c), c.req.param('incident_id'))
  return c.json(presentV1Postmortem(postmortem), 200)
})
