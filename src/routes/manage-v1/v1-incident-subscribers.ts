import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import {
  getIncidentSubscriber,
  listIncidentSubscribers,
  removeIncidentSubscriber,
  resendIncidentConfirmation,
  subscribeToIncident,
} from '../../domain/incident-subscribers'
import { checkAddressLimit } from '../../middleware/subscribe-limits'
import { V1SubscriberInput } from '../../schemas/manage-v1-subscribers'
import { baseUrl, presentContextFromDb, verbContext } from '../context'
import { sendConfirmationsLater } from '../subscription-context'
import { v1Route } from './v1-access'
import { readV1Input } from './v1-body'
import { paginate } from './v1-pagination'
import { presentV1Subscriber } from './v1-subscriber-present'
import { emailOfV1Subscriber } from './v1-subscribers'

/**
 * `/v1/pages/{page_id}/incidents/{incident_id}/subscribers`: the subscribers of one incident
 * or maintenance (Statuspage treats maintenances as incidents), through the verbs of
 * `/api/v1/incidents/{id}/subscribers`. Every operation needs the write scope, as the other
 * subscriber operations: addresses are personal data.
 */
export const v1IncidentSubscriberRoutes = new Hono<AppBindings>()

const BASE = '/pages/:page_id/incidents/:incident_id/subscribers'
const ONE = `${BASE}/:subscriber_id`

v1Route(v1IncidentSubscriberRoutes, 'GET', BASE, 'write', async (c) => {
  const list = await listIncidentSubscribers(c.env.DB, c.req.param('incident_id'))
  const ctx = await presentContextFromDb(c)
  return c.json(
    paginate(c, list).map((s) => presentV1Subscriber(s, ctx)),
    200,
  )
})

v1Route(v1IncidentSubscriberRoutes, 'POST', BASE, 'write', async (c) => {
  const { input } = await readV1Input(c, 'subscriber', V1SubscriberInput)
  const { subscriber, confirmation } = await subscribeToIncident(
    { ...verbContext(c), baseUrl: baseUrl(c) },
    c.req.param('incident_id'),
    {
      email: emailOfV1Subscriber(input),
      consented: input.skip_confirmation_notification === true,
    },
  )
  if (confirmation) sendConfirmationsLater(c, [confirmation])
  return c.json(presentV1Subscriber(subscriber, await presentContextFromDb(c)), 201)
})

v1Route(v1IncidentSubscriberRoutes, 'GET', ONE, 'write', async (c) => {
  const subscriber = await getIncidentSubscriber(
    c.env.DB,
    c.req.param('incident_id'),
    c.req.param('subscriber_id'),
  )
  return c.json(presentV1Subscriber(subscriber, await presentContextFromDb(c)), 200)
})

// Removes it from the incident; one left following nothing at all is unsubscribed.
v1Route(v1IncidentSubscriberRoutes, 'DELETE', ONE, 'write', async (c) => {
  const subscriber = await removeIncidentSubscriber(
    verbContext(c),
    c.req.param('incident_id'),
    c.req.param('subscriber_id'),
  )
  return c.json(presentV1Subscriber(subscriber, await presentContextFromDb(c)), 200)
})

v1Route(v1IncidentSubscriberRoutes, 'POST', `${ONE}/resend_confirmation`, 'write', async (c) => {
  const { confirmation } = await resendIncidentConfirmation(
    { ...verbContext(c), baseUrl: baseUrl(c) },
    c.req.param('incident_id'),
    c.req.param('subscriber_id'),
    (address) => checkAddressLimit(c.env, address),
  )
  sendConfirmationsLater(c, [confirmation])
  return c.body(null, 201)
})
