import { beforeAll, describe, expect, it } from 'vitest'
import {
  browser,
  SAME_ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import { call, callJson, errorOf, makeIncident, rows } from './factories'
import { hookRequests, hookUrl, scriptHook } from './harness'
import {
  hookName,
  makeWebhook,
  preparedDelivery,
  runDeadLetters,
  runDeliveries,
  waitFor,
} from './pipeline-helpers'

/**
 * The webhooks screen: the list, a new webhook with its secret shown once, rotate and remove,
 * and a webhook's deliveries with "Retry now" for a dead one, against the real receiver.
 */

let editor: Member
let viewer: Member

const post = (member: Member, path: string, form: Record<string, string> = {}) =>
  browser('POST', path, {
    cookie: member.cookie,
    headers: SAME_ORIGIN,
    form: { csrf: member.csrf, ...form },
  })

async function webhookCount(): Promise<number> {
  const [row] = await rows<{ n: number }>(
    "SELECT COUNT(*) AS n FROM subscribers WHERE kind = 'webhook'",
  )
  return row!.n
}

/** A delivery to a webhook that failed with HTTP 500 and whose retries were spent: dead. */
async function deadDelivery(name: string) {
  const hook = await makeWebhook(name)
  const incident = await makeIncident()
  const id = await preparedDelivery(incident.id, hook.id)
  await scriptHook(name, [{ status: 500 }])
  await runDeliveries([{ deliveryId: id }])
  await runDeadLetters([id])
  const [row] = await rows<{ status: string; attempts: number }>(
    'SELECT status, attempts FROM deliveries WHERE id = ?',
    id,
  )
  expect(row).toEqual({ status: 'dead', attempts: 1 })
  return { hook, id }
}

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

describe('the webhooks screen', () => {
  it('creates a webhook through the form and shows its secret once', async () => {
    const name = hookName('console-create')
    const res = await post(editor, '/console/webhooks', { url: hookUrl(name), format: '' })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Webhook created')
    const secret = /<code class="webhook-secret">(whsec_[^<]+)<\/code>/.exec(html)?.[1]
    expect(secret).toBeTruthy()
    expect(res.headers.get('cache-control')).toBe('no-store')

    const [row] = await rows<{ id: string; format: string; status: string; secret: string }>(
      "SELECT id, format, status, secret FROM subscribers WHERE kind = 'webhook' AND url = ?",
      hookUrl(name),
    )
    expect(row).toEqual({ id: row!.id, format: 'standard', status: 'active', secret })
    const [audit] = await rows<{ actor: string }>(
      "SELECT actor FROM audit_log WHERE action = 'webhook.create' AND target_id = ?",
      row!.id,
    )
    expect(audit!.actor).toBe(editor.email)

    // Never again: neither the list nor the webhook's page shows it.
    const list = await (await browser('GET', '/console/webhooks', { cookie: editor.cookie })).text()
    expect(list).toContain(hookUrl(name))
    expect(list).not.toContain(secret!)
    const page = await browser('GET', `/console/webhooks/${row!.id}`, { cookie: editor.cookie })
    expect(page.status).toBe(200)
    const pageHtml = await page.text()
    expect(pageHtml).toContain(hookUrl(name))
    expect(pageHtml).not.toContain(secret!)
  })

  it('a refused URL comes back with 400, the rule beside the field, the URL kept, nothing written', async () => {
    const before = await webhookCount()
    const res = await post(editor, '/console/webhooks', {
      url: 'ftp://files.example.com/hook',
      email: 'ops@example.net',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toMatch(
      /id="webhook-url-error">The webhook URL must start with https:\/\/ or http:\/\/\./,
    )
    expect(html).toContain('value="ftp://files.example.com/hook"')
    expect(html).toContain('value="ops@example.net"')
    const empty = await post(editor, '/console/webhooks', { url: '' })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('id="webhook-url-error"')
    expect(await webhookCount()).toBe(before)
  })

  it('rotates the secret (a new one, shown once) and removes a webhook', async () => {
    const hook = await makeWebhook(hookName('console-rotate'))
    const rotated = await post(editor, `/console/webhooks/${hook.id}/rotate-secret`)
    expect(rotated.status).toBe(200)
    const secret = /<code class="webhook-secret">(whsec_[^<]+)<\/code>/.exec(
      await rotated.text(),
    )?.[1]
    expect(secret).toBeTruthy()
    expect(secret).not.toBe(hook.secret)
    const [row] = await rows<{ secret: string; previous_secret: string }>(
      'SELECT secret, previous_secret FROM subscribers WHERE id = ?',
      hook.id,
    )
    expect(row).toEqual({ secret, previous_secret: hook.secret })

    const removed = await post(editor, `/console/webhooks/${hook.id}/remove`)
    expect(removed.status).toBe(303)
    expect(removed.headers.get('location')).toBe('/console/webhooks?done=removed')
    expect(await rows('SELECT id FROM subscribers WHERE id = ?', hook.id)).toEqual([])
    const [audit] = await rows<{ actor: string }>(
      "SELECT actor FROM audit_log WHERE action = 'webhook.delete' AND target_id = ?",
      hook.id,
    )
    expect(audit!.actor).toBe(editor.email)
  })

  it('shows every attempt, and "Retry now" sends a dead delivery to the receiver again', async () => {
    const name = hookName('console-retry')
    const { hook, id } = await deadDelivery(name)
    const page = await (
      await browser('GET', `/console/webhooks/${hook.id}`, { cookie: editor.cookie })
    ).text()
    expect(page).toContain('HTTP 500')
    expect(page).toContain(`action="/console/webhooks/${hook.id}/deliveries/${id}/retry"`)
    // The same data as the API's delivery log.
    const [logged] = await callJson<any[]>('GET', `/api/v1/webhooks/${hook.id}/deliveries`)
    expect(logged).toMatchObject({ id, status: 'dead', attempt_log: [{ status_code: 500 }] })

    const res = await post(editor, `/console/webhooks/${hook.id}/deliveries/${id}/retry`)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/console/webhooks/${hook.id}?done=retried`)
    const row = await waitFor(
      async () =>
        (
          await rows<{ status: string; attempts: number }>(
            'SELECT status, attempts FROM deliveries WHERE id = ?',
            id,
          )
        )[0],
      (r) => r?.status === 'sent',
      15_000,
      'the retried delivery to be sent',
    )
    expect(row).toEqual({ status: 'sent', attempts: 2 })
    const received = (await hookRequests(name)).filter((r) => r.headers['webhook-id'] === id)
    expect(received).toHaveLength(2)
    const [audit] = await rows<{ actor: string }>(
      "SELECT actor FROM audit_log WHERE action = 'delivery.retry' AND target_id = ?",
      id,
    )
    expect(audit!.actor).toBe(editor.email)
    const after = await (
      await browser('GET', `/console/webhooks/${hook.id}`, { cookie: editor.cookie })
    ).text()
    expect(after).toMatch(/HTTP 200[\s\S]*HTTP 500/)
    expect(after).not.toContain(`/deliveries/${id}/retry`)

    // Only a dead delivery can be retried: from the screen (409 page) and the API alike.
    const again = await post(editor, `/console/webhooks/${hook.id}/deliveries/${id}/retry`)
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('Only a dead delivery can be retried; this one is sent.')
    expect(await errorOf(await call('POST', `/api/v1/deliveries/${id}/retry`))).toMatchObject({
      status: 409,
      code: 'conflict',
    })
  })

  it('POST /api/v1/deliveries/{id}/retry queues a dead delivery again', async () => {
    const name = hookName('api-retry')
    const { id } = await deadDelivery(name)
    const json = await callJson('POST', `/api/v1/deliveries/${id}/retry`, { expect: 202 })
    expect(json).toEqual({ id, status: 'pending' })
    await waitFor(
      async () => (await hookRequests(name)).filter((r) => r.headers['webhook-id'] === id),
      (got) => got.length === 2,
      15_000,
      'the second attempt',
    )
    expect(
      (await errorOf(await call('POST', '/api/v1/deliveries/nosuchid0001/retry'))).status,
    ).toBe(404)
  })
})

describe('who may use it', () => {
  it('a viewer sees no webhook and cannot create one', async () => {
    const hook = await makeWebhook(hookName('viewer-hidden'))
    for (const path of ['/console/webhooks', `/console/webhooks/${hook.id}`]) {
      const res = await browser('GET', path, { cookie: viewer.cookie })
      expect([path, res.status]).toEqual([path, 403])
      expect(await res.text()).not.toContain(hook.url)
    }
    const before = await webhookCount()
    const forged = await post(viewer, '/console/webhooks', { url: hookUrl('viewer-forged') })
    expect(forged.status).toBe(403)
    expect(await webhookCount()).toBe(before)
  })
})
