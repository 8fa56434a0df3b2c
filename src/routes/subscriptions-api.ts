import { subscribe } from '../domain/subscriptions'
import { errorBody } from '../middleware/errors'
import {
  checkSubscribeLimits,
  clientIp,
  SUBSCRIBE_RETRY_AFTER_SECONDS,
} from '../middleware/subscribe-limits'
import { ErrorSchema } from '../schemas/inputs'
import { SubscriptionAccepted, SubscriptionInput } from '../schemas/subscriptions'
import { apiRoute } from './api-route'
import { bodyErrors, jsonBody, jsonResponse, newApiApp } from './openapi-helpers'
import { sendConfirmationsLater, subscriptionContext } from './subscription-context'

/** The one answer to every accepted subscribe request. */
export const SUBSCRIBE_ACCEPTED_MESSAGE =
  'If the address can receive mail, a confirmation email is on its way. Nothing else is sent until the link in it is used; it works for 48 hours.'

/** Public subscribe: `POST /api/v1/subscriptions` (no token; rate-limited per IP and address). */
export const subscriptionApiRoutes = newApiApp()

subscriptionApiRoutes.openapi(
  apiRoute({
    access: 'public',
    method: 'post',
    path: '/subscriptions',
    tags: ['Subscriptions'],
    summary: 'Subscribe an email address (or a webhook it confirms); double opt-in',
    description:
      'Public, no token. Answers 202 with the same body whether the address is new, pending or already subscribed; a confirmation email follows for new and pending ones. An active subscription is never changed from here: use the manage link in any email. Limited per client IP and per address (429 with Retry-After).',
    request: { body: jsonBody(SubscriptionInput) },
    responses: {
      202: jsonResponse(SubscriptionAccepted, 'Accepted; check the inbox'),
      ...bodyErrors,
      404: jsonResponse(ErrorSchema, 'A chosen component or area does not exist'),
      429: jsonResponse(ErrorSchema, 'Too many requests from this IP or for this address'),
    },
  }),
  async (c) => {
    const input = c.req.valid('json')
    const limited = await checkSubscribeLimits(c.env, clientIp(c), input.email)
    if (limited) {
      return c.json(
        errorBody(
          'rate_limited',
          limited === 'ip'
            ? 'Too many subscribe requests from your network; try again in a minute.'
            : 'Too many subscribe requests for this address; try again in a minute.',
          { retry_after_seconds: SUBSCRIBE_RETRY_AFTER_SECONDS },
        ),
        429,
        { 'Retry-After': String(SUBSCRIBE_RETRY_AFTER_SECONDS) },
      )
    }
    const confirmations = await subscribe(subscriptionContext(c), {
      email: input.email,
      componentIds: input.component_ids,
      areaIds: input.area_ids,
      url: input.url,
    })
    sendConfirmationsLater(c, confirmations)
    return c.json({ message: SUBSCRIBE_ACCEPTED_MESSAGE }, 202)
  },
)
