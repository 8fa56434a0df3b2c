import {
  listIncidentSubscribers,
  removeIncidentSubscriber,
  subscribeToIncident,
} from '../domain/incident-subscribers'
import { ErrorSchema, IdParam } from '../schemas/inputs'
import {
  IncidentSubscriberInput,
  IncidentSubscriberList,
  IncidentSubscriberParams,
} from '../schemas/incident-subscribers'
import { SubscriberJson } from '../schemas/subscriptions'
import { apiRoute } from './api-route'
import { baseUrl, verbContext } from './context'
import {
  authErrors,
  bodyErrors,
  jsonBody,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'
import { presentSubscriber } from './subscribers'
import { sendConfirmationsLater } from './subscription-context'

/**
 * Admin: the subscribers of one incident or maintenance (they hear every event of it). Every
 * route needs the write scope, as the other subscriber routes: addresses are personal data.
 */
export const incidentSubscriberRoutes = newApiApp()

incidentSubscriberRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'get',
    path: '/incidents/{id}/subscribers',
    tags: ['Subscribers'],
    summary: "List an incident's subscribers",
    description:
      'The subscribers following this incident or maintenance one by one, in the order they began to (whatever their state). Subscribers following everything, or its components or areas, hear of it too but are not listed here.',
    request: { params: IdParam },
    responses: {
      200: jsonResponse(IncidentSubscriberList, "The incident's subscribers"),
      ...authErrors,
      ...notFoundError,
    },
  }),
  async (c) => {
    const list = await listIncidentSubscribers(c.env.DB, c.req.valid('param').id)
    return c.json({ subscribers: list.map(presentSubscriber) }, 200)
  },
)

incidentSubscriberRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/incidents/{id}/subscribers',
    tags: ['Subscribers'],
    summary: 'Subscribe an email address to one incident',
    description:
      'A new address becomes a subscriber following only this incident (or maintenance): pending with a confirmation email (48 h), or active at once with `skip_confirmation`. An address already active or unconfirmed follows it besides what it follows already, and is sent nothing. One that unsubscribed or is quarantined is refused (409), nothing written.',
    request: { params: IdParam, body: jsonBody(IncidentSubscriberInput) },
    responses: {
      201: jsonResponse(SubscriberJson, 'The subscriber, following the incident'),
      ...bodyErrors,
      ...authErrors,
      ...notFoundError,
      409: jsonResponse(ErrorSchema, 'The address unsubscribed or is quarantined'),
    },
  }),
  async (c) => {
    const input = c.req.valid('json')
    const { subscriber, confirmation } = await subscribeToIncident(
      { ...verbContext(c), baseUrl: baseUrl(c) },
      c.req.valid('param').id,
      { email: input.email, consented: input.skip_confirmation === true },
    )
    if (confirmation) sendConfirmationsLater(c, [confirmation])
    return c.json(presentSubscriber(subscriber), 201)
  },
)

incidentSubscriberRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'delete',
    path: '/incidents/{id}/subscribers/{subscriber_id}',
    tags: ['Subscribers'],
    summary: 'Remove a subscriber from an incident',
    description:
      'It no longer follows this incident. One left following nothing at all (not everything, no component, area or other incident) is unsubscribed. Answers the subscriber as it now stands.',
    request: { params: IncidentSubscriberParams },
    responses: {
      200: jsonResponse(SubscriberJson, 'The subscriber, as it now stands'),
      ...authErrors,
      ...notFoundError,
    },
  }),
  async (c) => {
    const { id, subscriber_id } = c.req.valid('param')
    const subscriber = await removeIncidentSubscriber(verbContext(c), id, subscriber_id)
    return c.json(presentSubscriber(subscriber), 200)
  },
)
