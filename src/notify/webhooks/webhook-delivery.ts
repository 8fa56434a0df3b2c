import type { DeliveryTarget } from '../../db/deliveries'
import { discordMessage, slackMessage, teamsMessage } from './chat-formats'
import type { EventMessage } from '../types'
import { standardWebhookBody } from './webhook-payload'
import { postWebhook, type PostOutcome } from './webhook-post'
import { standardWebhookHeaders } from './webhook-signing'

/** Every request says who sends it. */
export const WEBHOOK_USER_AGENT = 'Candor-Webhooks'

/** The secrets that sign now: the current one, and the previous one until its overlap ends. */
export function signingSecrets(subscriber: DeliveryTarget['subscriber'], now: Date): string[] {
  const secrets = subscriber.secret ? [subscriber.secret] : []
  const until = subscriber.previousSecretExpiresAt
  if (subscriber.previousSecret && until && Date.parse(until) > now.getTime()) {
    secrets.push(subscriber.previousSecret)
  }
  return secrets
}

/** The body in the subscriber's format: a signed Candor event or a chat service's message. */
export function webhookBody(
  target: DeliveryTarget,
  message: EventMessage,
  unsubscribeUrl: string | null,
): Record<string, unknown> {
  switch (target.subscriber.format) {
    case 'slack':
      return slackMessage(message)
    case 'discord':
      return discordMessage(message)
    case 'teams':
      return teamsMessage(message)
    default:
      return standardWebhookBody(message, unsubscribeUrl)
  }
}

/**
 * Sends one delivery to its webhook. The delivery id is the `webhook-id`, so a receiver sees
 * the same id on every retry and can drop a repeat.
 */
export async function sendWebhook(
  target: DeliveryTarget,
  message: EventMessage,
  unsubscribeUrl: string | null,
  allowHttp: boolean,
  now = new Date(),
): Promise<PostOutcome> {
  const body = JSON.stringify(webhookBody(target, message, unsubscribeUrl))
  const secrets = signingSecrets(target.subscriber, now)
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': WEBHOOK_USER_AGENT,
    ...(secrets.length > 0
      ? await standardWebhookHeaders(target.id, body, secrets, now)
      : { 'webhook-id': target.id }),
  }
  return postWebhook(target.subscriber.url!, body, headers, { allowHttp })
}
