import { setSubscriberReader } from '../domain/subscriber-reader'
import { IdParam } from '../schemas/inputs'
import { SubscriberJson, SubscriberReaderInput } from '../schemas/subscriptions'
import { apiRoute } from './api-route'
import { verbContext } from './context'
import {
  authErrors,
  bodyErrors,
  jsonBody,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'
import { presentSubscriber } from './subscribers'

/** Ops set a subscriber's own time zone and language: `PATCH /api/v1/subscribers/{id}`. */
export const subscriberReaderRoutes = newApiApp()

subscriberReaderRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'patch',
    path: '/subscribers/{id}',
    tags: ['Subscribers'],
    summary: "Set a subscriber's time zone and language for its emails",
    description:
      "What the subscriber can choose on its own manage page. A field left out keeps its value; null goes back to the page's setting. An unknown zone or language is refused (400, naming the field) and nothing changes. Recorded in the audit log.",
    request: { params: IdParam, body: jsonBody(SubscriberReaderInput) },
    responses: {
      200: jsonResponse(SubscriberJson, 'The subscriber'),
      ...authErrors,
      ...bodyErrors,
      ...notFoundError,
    },
  }),
  async (c) => {
    const subscriber = await setSubscriberReader(
      verbContext(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    )
    return c.json(presentSubscriber(subscriber), 200)
  },
)
