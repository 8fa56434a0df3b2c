import { insertAudit } from '../db/audit'
import {
  deleteWebhookRow,
  insertWebhook,
  rotateWebhookSecret,
  selectUnknownTargets,
  selectWebhook,
  selectWebhooks,
  type Webhook,
} from '../db/webhooks'
import { newId } from '../lib/ids'
import type { WebhookFormat } from './subscriber-types'
import { detectWebhookFormat } from './webhook-format'
import { newWebhookSecret } from './webhook-secret'
import type { VerbContext } from './context'
import { CandorError, notFound } from './errors'
import { checkWebhookUrl } from './webhook-endpoint'

export type { Webhook }

/** What ops send to create a webhook. */
export interface WebhookInput {
  url: string
  component_ids?: string[]
  area_ids?: string[]
  format?: WebhookFormat
  email?: string | null
}

/** How long the old secret keeps signing after a rotation, unless told otherwise. */
export const DEFAULT_OVERLAP_MINUTES = 24 * 60

/** Refuses component and area ids that do not exist, naming each one. */
async function checkTargets(db: D1Database, componentIds: string[], areaIds: string[]) {
  const unknown = await selectUnknownTargets(db, componentIds, areaIds)
  const details = [
    ...unknown.componentIds.map((id) => ({
      path: 'component_ids',
      message: `No component with id "${id}".`,
    })),
    ...unknown.areaIds.map((id) => ({ path: 'area_ids', message: `No area with id "${id}".` })),
  ]
  if (details.length > 0) {
    throw new CandorError('validation_failed', details[0]!.message, details)
  }
}

/**
 * Creates a webhook, active at once (ops create it, so no confirmation is needed). Its signing
 * secret is returned here only; the format is detected from the URL when not given.
 */
export async function createWebhook(
  ctx: VerbContext,
  input: WebhookInput,
  options: { allowHttp: boolean },
): Promise<{ webhook: Webhook; secret: string }> {
  const url = checkWebhookUrl(input.url, options.allowHttp)
  const componentIds = [...new Set(input.component_ids ?? [])]
  const areaIds = [...new Set(input.area_ids ?? [])]
  await checkTargets(ctx.db, componentIds, areaIds)
  const id = newId()
  const secret = newWebhookSecret()
  const at = ctx.now.toISOString()
  const format = input.format ?? detectWebhookFormat(url)
  await ctx.db.batch([
    ...insertWebhook(ctx.db, {
      id,
      url,
      format,
      email: input.email ?? null,
      componentIds,
      areaIds,
      secret,
      consent: 'admin',
      at,
    }),
    insertAudit(
      ctx.db,
      ctx.actor,
      'webhook.create',
      { type: 'webhook', id },
      {
        url,
        format,
        component_ids: componentIds,
        area_ids: areaIds,
      },
      at,
    ),
  ])
  return { webhook: (await selectWebhook(ctx.db, id))!, secret }
}

/** All webhooks, newest first (admin-created and self-serve alike). */
export async function listWebhooks(db: D1Database): Promise<Webhook[]> {
  return selectWebhooks(db)
}

export async function getWebhook(db: D1Database, id: string): Promise<Webhook> {
  const webhook = await selectWebhook(db, id)
  if (!webhook) throw notFound('webhook', id)
  return webhook
}

/** Removes a webhook; deliveries still queued for it are dropped when they come up. */
export async function deleteWebhook(ctx: VerbContext, id: string): Promise<void> {
  const webhook = await getWebhook(ctx.db, id)
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    deleteWebhookRow(ctx.db, id),
    insertAudit(
      ctx.db,
      ctx.actor,
      'webhook.delete',
      { type: 'webhook', id },
      { url: webhook.url },
      at,
    ),
  ])
}

/**
 * Gives a webhook a new secret (returned here only). The old one keeps signing alongside it
 * for `overlapMinutes`, so the receiver can switch without missing a message.
 */
export async function rotateSecret(
  ctx: VerbContext,
  id: string,
  overlapMinutes = DEFAULT_OVERLAP_MINUTES,
): Promise<{ webhook: Webhook; secret: string }> {
  await getWebhook(ctx.db, id)
  const secret = newWebhookSecret()
  const at = ctx.now.toISOString()
  const until = new Date(ctx.now.getTime() + overlapMinutes * 60_000).toISOString()
  await ctx.db.batch([
    rotateWebhookSecret(ctx.db, id, secret, until, at),
    insertAudit(
      ctx.db,
      ctx.actor,
      'webhook.rotate_secret',
      { type: 'webhook', id },
      {
        overlap_minutes: overlapMinutes,
      },
      at,
    ),
  ])
  return { webhook: (await selectWebhook(ctx.db, id))!, secret }
}
