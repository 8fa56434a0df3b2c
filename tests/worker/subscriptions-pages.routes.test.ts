import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { issueLinkToken } from '../../src/domain/link-tokens'
import { subscribe } from '../../src/domain/subscriptions'
import { makeArea, makeComponent, rows } from './factories'
import { hookUrl } from './harness'
import { waitFor } from './pipeline-helpers'
import {
  confirmedSubscriber,
  getPage,
  linkPath,
  linkPathInHtml,
  mailAfterQuiet,
  postForm,
  subscriberRows,
  subscriptionCounts,
  uniqueEmail,
  waitForMail,
} from './subscriptions-helpers'

const SAME_ORIGIN = { origin: 'http://candor.test' }
const FOREIGN_ORIGIN = { origin: 'https://evil.example' }

/** An unsubscribe link for a subscriber, as the notification emails carry. */
async function unsubscribePath(subscriberId: string): Promise<string> {
  const link = await issueLinkToken(
    env.DB,
    subscriberId,
    'unsubscribe',
    'http://candor.test',
    new Date(),
  )
  await link.statement.run()
  return new URL(link.url).pathname
}

describe('/subscribe', () => {
  it('offers components under their groups, areas, and a webhook form, without JavaScript', async () => {
    const group = `Network ${crypto.randomUUID().slice(0, 6)}`
    const fibre = await makeComponent({ group_name: group })
    const area = await makeArea()
    const { status, html } = await getPage('/subscribe')
    expect(status).toBe(200)
    expect(html).toContain('<form method="post" action="/subscribe"')
    expect(html).toContain('<form method="post" action="/subscribe/webhook"')
    expect(html).toMatch(
      new RegExp(
        `<legend>${group}</legend>[\\s\\S]*value="${fibre.group_id}"[\\s\\S]*value="${fibre.id}"`,
      ),
    )
    expect(html).toContain(`All of ${group}, including components added later`)
    expect(html).toContain(`name="areas" value="${area.id}"`)
    expect(html).toContain('tick nothing to hear about everything')
    expect(html).toMatch(/href="\/subscribe" aria-current="page"/)
  })

  it('answers every address with the same "check your inbox" page, and mails new ones', async () => {
    const fresh = uniqueEmail()
    const confirmed = uniqueEmail()
    await confirmedSubscriber({ email: confirmed })
    const pages = []
    for (const email of [fresh, confirmed]) {
      const res = await postForm('/subscribe', { email }, SAME_ORIGIN)
      expect(res.status).toBe(200)
      pages.push((await res.text()).replace(email, 'ADDRESS'))
    }
    expect(pages[0]).toContain('Check your inbox')
    expect(pages[0]).toBe(pages[1])
    expect(await waitForMail(fresh)).toHaveLength(1)
    expect(await mailAfterQuiet(confirmed)).toHaveLength(1)
  })

  it('keeps what was typed and writes nothing when the form is refused', async () => {
    const area = await makeArea()
    const before = await subscriptionCounts()
    const res = await postForm('/subscribe', [
      ['email', 'nobody-at-example'],
      ['areas', area.id],
    ])
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('role="alert"')
    expect(html).toContain('value="nobody-at-example"')
    expect(html).toMatch(new RegExp(`value="${area.id}" checked`))
    const foreign = await postForm('/subscribe', { email: uniqueEmail() }, FOREIGN_ORIGIN)
    expect(foreign.status).toBe(403)
    const stale = await postForm('/subscribe', [
      ['email', uniqueEmail()],
      ['components', 'deleted-component'],
    ])
    expect(stale.status).toBe(400)
    expect(await subscriptionCounts()).toEqual(before)
  })
})

describe('the manage link', () => {
  it('shows the choices in a form, saves new ones, and leaves', async () => {
    const [a, b] = [await makeComponent(), await makeComponent()]
    const area = await makeArea()
    const email = uniqueEmail()
    const { managePath } = await confirmedSubscriber({ email, component_ids: [a.id] })

    const shown = await getPage(managePath)
    expect(shown.status).toBe(200)
    expect(shown.html).toMatch(new RegExp(`value="${a.id}" checked`))
    expect(shown.html).not.toMatch(new RegExp(`value="${b.id}" checked`))

    const saved = await postForm(
      managePath,
      [
        ['action', 'save'],
        ['components', b.id],
        ['areas', area.id],
      ],
      SAME_ORIGIN,
    )
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`${managePath}?saved=1`)
    const after = await getPage(`${managePath}?saved=1`)
    expect(after.html).toContain('Saved.')
    expect(after.html).toMatch(new RegExp(`value="${b.id}" checked`))
    const [row] = await subscriberRows(email)
    expect(
      await rows('SELECT component_id FROM subscriber_components WHERE subscriber_id = ?', row!.id),
    ).toEqual([{ component_id: b.id }])
    expect(
      await rows('SELECT area_id FROM subscriber_areas WHERE subscriber_id = ?', row!.id),
    ).toEqual([{ area_id: area.id }])

    // Nothing ticked: everything.
    await postForm(managePath, { action: 'save' })
    expect((await subscriberRows(email))[0]).toMatchObject({ everything: 1, status: 'active' })

    // Another site cannot change it.
    const foreign = await postForm(managePath, { action: 'leave' }, FOREIGN_ORIGIN)
    expect(foreign.status).toBe(403)
    expect((await subscriberRows(email))[0]).toMatchObject({ status: 'active' })

    const left = await postForm(managePath, { action: 'leave' }, SAME_ORIGIN)
    expect(left.status).toBe(200)
    expect(await left.text()).toContain('You are unsubscribed')
    expect((await subscriberRows(email))[0]).toMatchObject({ status: 'unsubscribed' })
    expect((await getPage(managePath)).html).toContain('Not subscribed')
  })
})

describe('the unsubscribe link', () => {
  it('GET shows a button and changes nothing; a one-click POST unsubscribes at once', async () => {
    const email = uniqueEmail()
    await confirmedSubscriber({ email })
    const [row] = await subscriberRows(email)
    const path = await unsubscribePath(row!.id as string)

    const shown = await getPage(path)
    expect(shown.status).toBe(200)
    expect(shown.html).toContain('<button type="submit">Unsubscribe</button>')
    await getPage(path)
    expect((await subscriberRows(email))[0]).toMatchObject({ status: 'active' })

    // RFC 8058: the mail provider posts from its own servers, with or without an Origin.
    const res = await postForm(path, { 'List-Unsubscribe': 'One-Click' }, FOREIGN_ORIGIN)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('You are unsubscribed')
    const [after] = await subscriberRows(email)
    expect(after).toMatchObject({ status: 'unsubscribed' })
    expect(after!.unsubscribed_at).toEqual(expect.any(String))

    // Repeating it is harmless and keeps the first time.
    expect((await postForm(path, { 'List-Unsubscribe': 'One-Click' })).status).toBe(200)
    expect((await subscriberRows(email))[0]!.unsubscribed_at).toBe(after!.unsubscribed_at)
  })

  it('the button posts from our page; another site cannot use it', async () => {
    const email = uniqueEmail()
    await confirmedSubscriber({ email })
    const path = await unsubscribePath((await subscriberRows(email))[0]!.id as string)
    expect((await postForm(path, { confirm: 'yes' }, FOREIGN_ORIGIN)).status).toBe(403)
    expect((await subscriberRows(email))[0]).toMatchObject({ status: 'active' })
    expect((await postForm(path, { confirm: 'yes' }, SAME_ORIGIN)).status).toBe(200)
    expect((await subscriberRows(email))[0]).toMatchObject({ status: 'unsubscribed' })
  })
})

describe('links that do not work', () => {
  it('an expired confirm link reads 410 and changes nothing; an unknown one 404', async () => {
    const email = uniqueEmail()
    const longAgo = new Date(Date.now() - 49 * 3_600_000)
    const [request] = await subscribe(
      { db: env.DB, now: longAgo, baseUrl: 'http://candor.test', allowHttpWebhooks: false },
      { email },
    )
    const path = new URL(request!.confirmUrl).pathname
    const page = await getPage(path)
    expect(page.status).toBe(410)
    expect(page.html).toContain('This link has expired or was already used')
    expect((await postForm(path, {})).status).toBe(410)
    expect((await subscriberRows(email))[0]).toMatchObject({ status: 'pending' })

    for (const purpose of ['confirm', 'manage', 'unsubscribe']) {
      const unknown = await getPage(`/subscriptions/${purpose}/not-a-real-token`)
      expect([unknown.status, unknown.html.includes('This link is not valid')]).toEqual([404, true])
      expect((await postForm(`/subscriptions/${purpose}/not-a-real-token`, {})).status).toBe(404)
    }
  })

  it('a token works only for its own purpose', async () => {
    const email = uniqueEmail()
    const { managePath } = await confirmedSubscriber({ email })
    const token = managePath.split('/').at(-1)!
    expect(
      (await postForm(`/subscriptions/unsubscribe/${token}`, { 'List-Unsubscribe': 'One-Click' }))
        .status,
    ).toBe(404)
    expect((await subscriberRows(email))[0]).toMatchObject({ status: 'active' })
  })
})

describe('self-serve webhooks', () => {
  it('a URL and an email: the emailed button confirms it, shows the whsec_ secret once, and the receiver’s 2xx to webhook.verify activates it', async () => {
    const email = uniqueEmail('owner')
    const url = hookUrl(`self-serve-${crypto.randomUUID()}`)
    const res = await postForm('/subscribe/webhook', { url, email }, SAME_ORIGIN)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Check your inbox')
    const [row] = await subscriberRows(email)
    expect(row).toMatchObject({ kind: 'webhook', url, status: 'pending', format: 'standard' })

    const [mail] = await waitForMail(email)
    const confirm = linkPath(mail!, 'confirm')
    const shown = await getPage(confirm)
    expect(shown.html).toContain(url)
    expect(shown.html).not.toContain('whsec_')

    const confirmed = await postForm(confirm, {})
    const html = await confirmed.text()
    const secret = /whsec_[A-Za-z0-9+/=]+/.exec(html)?.[0]
    expect(secret).toBeDefined()
    expect(Buffer.from(secret!.slice('whsec_'.length), 'base64')).toHaveLength(24)
    // Confirmed by its address, it waits for its receiver (which answers 200) before any event.
    expect(html).toContain('one last check')
    expect(html).toContain('webhook.verify')
    const active = await waitFor(
      async () => (await subscriberRows(email))[0],
      (row) => row?.status === 'active',
      15_000,
      'the webhook to be verified',
    )
    expect(active).toMatchObject({ status: 'active', verification: 'verified', secret })
    // The secret signs and verifies as Standard Webhooks expects.
    const hook = new Webhook(secret!)
    const at = new Date()
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': hook.sign('msg_1', at, '{}'),
    }
    expect(hook.verify('{}', headers)).toEqual({})

    // Shown once: the link is used up.
    const again = await postForm(confirm, {})
    expect(again.status).toBe(410)
    expect(await again.text()).not.toContain('whsec_')
    expect(linkPathInHtml(html, 'manage')).toMatch(/^\/subscriptions\/manage\//)
  }, 30_000)

  it('refuses a plain http URL unless ALLOW_HTTP_WEBHOOKS is true, writing nothing', async () => {
    const strictEnv = { ...env, ALLOW_HTTP_WEBHOOKS: undefined }
    const app = createApp()
    const before = await subscriptionCounts()
    const post = async (url: string, appEnv: typeof env) => {
      const ctx = createExecutionContext()
      const res = await app.fetch(
        new Request('http://candor.test/api/v1/subscriptions', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'cf-connecting-ip': crypto.randomUUID() },
          body: JSON.stringify({ email: uniqueEmail('owner'), url }),
        }),
        appEnv,
        ctx,
      )
      await waitOnExecutionContext(ctx)
      return res
    }
    const refused = await post('http://hooks.example.net/x', strictEnv)
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({
      error: { code: 'validation_failed', details: [{ path: 'url' }] },
    })
    const form = await app.fetch(
      new Request('http://candor.test/subscribe/webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ url: 'http://hooks.example.net/x', email: uniqueEmail() }),
      }),
      strictEnv,
      createExecutionContext(),
    )
    expect(form.status).toBe(400)
    expect(await form.text()).toContain('https://')
    expect(await subscriptionCounts()).toEqual(before)

    expect((await post('https://hooks.example.net/x', strictEnv)).status).toBe(202)
    expect((await post('http://hooks.example.net/x', env)).status).toBe(202)
  })
})
