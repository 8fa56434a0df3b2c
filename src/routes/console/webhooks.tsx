import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppBindings } from '../../app-types'
import { listAreas } from '../../domain/areas'
import { listComponents } from '../../domain/components'
import { retryDelivery } from '../../domain/delivery-retry'
import { webhookDeliveries } from '../../domain/delivery-log'
import { CandorError } from '../../domain/errors'
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  rotateSecret,
} from '../../domain/webhooks'
import { enqueueDeliveries } from '../../notify/delivery/requeue-delivery'
import { WebhookInput } from '../../schemas/webhooks'
import { EMPTY_FORM, valueOf, valuesOf, type FormState } from '../../views/console/fields'
import { WebhookPage } from '../../views/console/webhook-page'
import { WebhookSecretPage, WebhooksPage } from '../../views/console/webhooks-page'
import { verbContext } from '../context'
import { privatePage } from '../html-page'
import { attempt, consoleFrame, parseWith, readConsoleForm } from './console-form'
import { requireRole } from './console-session'

type Ctx = Context<AppBindings>

const DONE: Record<string, string> = {
  removed: 'The webhook is removed, with its delivery log.',
  retried: 'The delivery is back in the queue: its next attempt is on its way.',
}

/**
 * Webhooks: the list, a new one (its secret shown once), rotating the secret, removing one, and
 * each one's deliveries with every attempt and "Retry now" for dead ones. Editors and owners
 * only, for reading too: a webhook URL is a credential.
 */
export const webhookScreenRoutes = new Hono<AppBindings>()

webhookScreenRoutes.use('/webhooks', requireRole('editor'))
webhookScreenRoutes.use('/webhooks/*', requireRole('editor'))

async function listPage(c: Ctx, form: FormState, fresh: boolean, status?: ContentfulStatusCode) {
  const [webhooks, components, areas] = await Promise.all([
    listWebhooks(c.env.DB),
    listComponents(c.env.DB),
    listAreas(c.env.DB),
  ])
  return privatePage(
    c,
    <WebhooksPage
      frame={await consoleFrame(c)}
      webhooks={webhooks}
      components={components.filter((x) => !x.isGroup)}
      areas={areas}
      form={form}
      fresh={fresh}
      notice={DONE[c.req.query('done') ?? '']}
    />,
    status,
  )
}

async function webhookPage(c: Ctx, id: string, error?: string, status?: ContentfulStatusCode) {
  const webhook = await getWebhook(c.env.DB, id)
  const [deliveries, components, areas] = await Promise.all([
    webhookDeliveries(c.env.DB, id, 50),
    listComponents(c.env.DB),
    listAreas(c.env.DB),
  ])
  return privatePage(
    c,
    <WebhookPage
      frame={await consoleFrame(c)}
      webhook={webhook}
      deliveries={deliveries}
      components={components}
      areas={areas}
      notice={DONE[c.req.query('done') ?? '']}
      error={error}
    />,
    status,
  )
}

webhookScreenRoutes.get('/webhooks', (c) => listPage(c, EMPTY_FORM, true))

webhookScreenRoutes.post('/webhooks', async (c) => {
  const form = await readConsoleForm(c)
  const email = valueOf(form, 'email').trim()
  const format = valueOf(form, 'format')
  const parsed = parseWith(WebhookInput, {
    url: valueOf(form, 'url'),
    ...(format ? { format } : {}),
    ...(email ? { email } : {}),
    component_ids: valuesOf(form, 'component_ids'),
    area_ids: valuesOf(form, 'area_ids'),
  })
  if (!parsed.ok) return listPage(c, { ...form, errors: parsed.errors }, false, 400)
  const created = await attempt(() =>
    createWebhook(verbContext(c), parsed.value, {
      allowHttp: c.env.ALLOW_HTTP_WEBHOOKS === 'true',
    }),
  )
  if (!created.ok) return listPage(c, { ...form, errors: created.errors }, false, 400)
  return privatePage(
    c,
    <WebhookSecretPage
      frame={await consoleFrame(c)}
      webhook={created.value.webhook}
      secret={created.value.secret}
      rotated={false}
    />,
  )
})

webhookScreenRoutes.get('/webhooks/:id', (c) => webhookPage(c, c.req.param('id')))

webhookScreenRoutes.post('/webhooks/:id/rotate-secret', async (c) => {
  const { webhook, secret } = await rotateSecret(verbContext(c), c.req.param('id'))
  return privatePage(
    c,
    <WebhookSecretPage frame={await consoleFrame(c)} webhook={webhook} secret={secret} rotated />,
  )
})

webhookScreenRoutes.post('/webhooks/:id/remove', async (c) => {
  await deleteWebhook(verbContext(c), c.req.param('id'))
  return c.redirect('/console/webhooks?done=removed', 303)
})

webhookScreenRoutes.post('/webhooks/:id/deliveries/:deliveryId/retry', async (c) => {
  const webhookId = c.req.param('id')
  try {
    const id = await retryDelivery(verbContext(c), c.req.param('deliveryId'))
    // Pending in D1 already: if this enqueue is lost, the sweep sends it within minutes.
    c.executionCtx.waitUntil(
      enqueueDeliveries(c.env.DELIVERIES, [id]).catch((error: unknown) =>
        console.error('enqueueing a retried delivery failed; the sweep sends it', error),
      ),
    )
  } catch (error) {
    if (error instanceof CandorError && error.code === 'conflict') {
      return webhookPage(c, webhookId, error.message, 409)
    }
    throw error
  }
  return c.redirect(`/console/webhooks/${encodeURIComponent(webhookId)}?done=retried`, 303)
})
