import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { z } from '@hono/zod-openapi'
import { CandorError } from '../../src/domain/errors'
import { createWebhook } from '../../src/domain/webhooks'
import { WebhookCreated, WebhookJson } from '../../src/schemas/webhooks'
import {
  call,
  callJson,
  domainContext,
  errorOf,
  makeArea,
  makeComponent,
  makeToken,
  rows,
} from './factories'
import { hookUrl } from './harness'

async function subscriberCount(): Promise<number> {
  const [row] = await rows<{ n: number }>('SELECT COUNT(*) AS n FROM subscribers')
  return row!.n
}

describe('admin webhooks API', () => {
  it('creates an active webhook and shows its whsec_ secret once', async () => {
    const component = await makeComponent()
    const area = await makeArea()
    const created = await callJson('POST', '/api/v1/webhooks', {
      body: {
        url: hookUrl('api-create'),
        component_ids: [component.id],
        area_ids: [area.id],
        email: 'ops@example.net',
      },
    })
    WebhookCreated.parse(created)
    expect(created).toMatchObject({
      url: hookUrl('api-create'),
      format: 'standard',
      status: 'active',
      email: 'ops@example.net',
      component_ids: [component.id],
      area_ids: [area.id],
      consecutive_failures: 0,
    })
    // 32 random bytes, base64, as Standard Webhooks libraries expect.
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)

    const read = await callJson('GET', `/api/v1/webhooks/${created.id}`)
    WebhookJson.parse(read)
    expect(read).not.toHaveProperty('secret')
    const list = await callJson('GET', '/api/v1/webhooks')
    z.array(WebhookJson).parse(list)
    expect(list.map((w: any) => w.id)).toContain(created.id)
    expect(JSON.stringify(list)).not.toContain(created.secret)
  })

  it('detects Slack, Discord and Teams from the URL; an explicit format wins', async () => {
    const cases = [
      ['https://hooks.slack.com/services/T000/B000/XXXX', 'slack'],
      ['https://discord.com/api/webhooks/123/abc', 'discord'],
      ['https://discordapp.com/api/webhooks/123/abc', 'discord'],
      ['https://contoso.webhook.office.com/webhookb2/abc/IncomingWebhook/def', 'teams'],
      ['https://outlook.office.com/webhook/abc', 'teams'],
      [
        'https://prod-12.westus.logic.azure.com/workflows/abc/triggers/manual/paths/invoke',
        'teams',
      ],
      ['https://example.com/hooks/status', 'standard'],
      ['https://discord.com/channels/1/2', 'standard'],
    ] as const
    for (const [url, format] of cases) {
      const created = await callJson('POST', '/api/v1/webhooks', { body: { url } })
      expect([url, created.format]).toEqual([url, format])
    }
    const forced = await callJson('POST', '/api/v1/webhooks', {
      body: { url: 'https://example.com/relay-to-slack', format: 'slack' },
    })
    expect(forced.format).toBe('slack')
  })

  it('refuses bad input with the field named, and writes nothing', async () => {
    const before = await subscriberCount()
    const cases: [unknown, string][] = [
      [{ url: 'not a url' }, 'url'],
      [{ url: 'ftp://example.com/hook' }, 'url'],
      [{ url: 'https://user:pass@example.com/hook' }, 'url'],
      [{ url: 'https://example.com/h', component_ids: ['nope'] }, 'component_ids'],
      [{ url: 'https://example.com/h', area_ids: ['nope'] }, 'area_ids'],
      [{ url: 'https://example.com/h', format: 'email' }, 'format'],
      [{ url: 'https://example.com/h', email: 'not-an-address' }, 'email'],
      [{ url: 'https://example.com/h', colour: 'red' }, 'colour'],
    ]
    for (const [body, path] of cases) {
      const error = await errorOf(await call('POST', '/api/v1/webhooks', { body }))
      expect([error.status, error.code]).toEqual([400, 'validation_failed'])
      expect(JSON.stringify(error.details)).toContain(`"path":"${path}"`)
    }
    expect(await subscriberCount()).toBe(before)
  })

  it('plain http is refused unless ALLOW_HTTP_WEBHOOKS=true', async () => {
    const before = await subscriberCount()
    const attempt = createWebhook(
      domainContext(),
      { url: 'http://example.com/hook' },
      {
        allowHttp: false,
      },
    )
    await expect(attempt).rejects.toBeInstanceOf(CandorError)
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed' })
    expect(await subscriberCount()).toBe(before)
    // The test worker runs with ALLOW_HTTP_WEBHOOKS=true, so the local receiver is accepted.
    expect(env.ALLOW_HTTP_WEBHOOKS).toBe('true')
    await callJson('POST', '/api/v1/webhooks', { body: { url: 'http://127.0.0.1:9/hook' } })
  })

  it('rotates the secret: a new one shown once, the old one signing until the overlap ends', async () => {
    const created = await callJson('POST', '/api/v1/webhooks', {
      body: { url: 'https://example.com/rotate' },
    })
    const before = Date.now()
    const rotated = await callJson('POST', `/api/v1/webhooks/${created.id}/rotate-secret`, {
      body: { overlap_minutes: 90 },
      expect: 200,
    })
    expect(rotated.secret).toMatch(/^whsec_/)
    expect(rotated.secret).not.toBe(created.secret)
    const until = Date.parse(rotated.previous_secret_expires_at)
    expect(until - before).toBeGreaterThanOrEqual(90 * 60_000 - 1000)
    expect(until - before).toBeLessThanOrEqual(90 * 60_000 + 5000)

    // Without a body: the default overlap of a day.
    const again = await call('POST', `/api/v1/webhooks/${created.id}/rotate-secret`)
    expect(again.status).toBe(200)
    const body = (await again.json()) as { previous_secret_expires_at: string }
    expect(Date.parse(body.previous_secret_expires_at) - Date.now()).toBeGreaterThan(23 * 3_600_000)

    const bad = await call('POST', `/api/v1/webhooks/${created.id}/rotate-secret`, {
      body: { overlap_minutes: -5 },
    })
    expect(bad.status).toBe(400)
    expect((await call('POST', '/api/v1/webhooks/nope/rotate-secret', { body: {} })).status).toBe(
      404,
    )
  })

  it('deletes a webhook; unknown ids are 404', async () => {
    const created = await callJson('POST', '/api/v1/webhooks', {
      body: { url: 'https://example.com/delete-me' },
    })
    expect((await call('DELETE', `/api/v1/webhooks/${created.id}`)).status).toBe(204)
    expect((await call('GET', `/api/v1/webhooks/${created.id}`)).status).toBe(404)
    expect((await call('DELETE', `/api/v1/webhooks/${created.id}`)).status).toBe(404)
    expect((await call('GET', '/api/v1/webhooks/nope/deliveries')).status).toBe(404)
    expect((await call('GET', '/api/v1/incidents/nope/deliveries')).status).toBe(404)
  })

  it('needs the write scope (webhook URLs are credentials); delivery counts need read', async () => {
    const read = await makeToken(['read'])
    for (const path of ['/api/v1/webhooks', '/api/v1/deliveries?status=dead']) {
      const res = await call('GET', path, { token: read.token })
      expect([path, res.status]).toEqual([path, 403])
    }
    expect((await call('GET', '/api/v1/webhooks', { token: null })).status).toBe(401)
    const write = await makeToken(['write'])
    expect((await call('GET', '/api/v1/webhooks', { token: write.token })).status).toBe(200)
    const { id } = await callJson('POST', '/api/v1/incidents', {
      body: { name: 'Counted', status: 'investigating', impact: 'minor', body: 'x', notify: false },
    })
    const counts = await call('GET', `/api/v1/incidents/${id}/deliveries`, { token: read.token })
    expect(counts.status).toBe(200)
    expect(await counts.json()).toMatchObject({ incident_id: id, total: 0 })
  })

  it('the OpenAPI document describes the webhook and delivery-log routes', async () => {
    const doc = await callJson('GET', '/api/v1/openapi.json', { token: null })
    for (const path of [
      '/api/v1/webhooks',
      '/api/v1/webhooks/{id}',
      '/api/v1/webhooks/{id}/rotate-secret',
      '/api/v1/webhooks/{id}/deliveries',
      '/api/v1/incidents/{id}/deliveries',
      '/api/v1/deliveries',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path)
    }
    expect(doc.paths['/api/v1/webhooks'].post.responses['201']).toBeDefined()
    // What Candor sends is described too (OpenAPI 3.1 webhooks).
    const sent = Object.values(doc.webhooks ?? {}) as any[]
    expect(sent).toHaveLength(1)
    expect(JSON.stringify(sent[0].post.requestBody)).toContain('WebhookEvent')
    expect(doc.components.schemas.WebhookEvent).toBeDefined()
  })
})
