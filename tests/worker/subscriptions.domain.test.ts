import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { selectSubscriber } from '../../src/db/subscribers'
import { expirePendingSubscribers } from '../../src/domain/subscriber-expiry'
import { confirmSubscription, unsubscribe } from '../../src/domain/subscription-links'
import { subscribe } from '../../src/domain/subscriptions'
import { parseCsv } from '../../src/lib/csv'
import { makeComponent, rows } from './factories'
import { subscriberRows, uniqueEmail } from './subscriptions-helpers'

const HOUR = 3_600_000

function context(now: Date) {
  return { db: env.DB, now, baseUrl: 'http://candor.test', allowHttpWebhooks: true }
}

const tokenOf = (url: string) => url.split('/').at(-1)!

describe('expirePendingSubscribers (the sweep)', () => {
  it('removes pending subscribers after 48 hours and leaves everyone else alone', async () => {
    const now = new Date()
    const old = uniqueEmail()
    const recent = uniqueEmail()
    const confirmed = uniqueEmail()
    const component = await makeComponent()
    await subscribe(context(new Date(now.getTime() - 49 * HOUR)), {
      email: old,
      componentIds: [component.id],
    })
    await subscribe(context(new Date(now.getTime() - 47 * HOUR)), { email: recent })
    const [request] = await subscribe(context(new Date(now.getTime() - 49 * HOUR)), {
      email: confirmed,
    })
    await confirmSubscription(
      context(new Date(now.getTime() - 48.5 * HOUR)),
      tokenOf(request!.confirmUrl),
    )

    const oldId = (await subscriberRows(old))[0]!.id
    expect(await expirePendingSubscribers(env.DB, now)).toBeGreaterThanOrEqual(1)
    expect(await subscriberRows(old)).toEqual([])
    expect(
      await rows('SELECT * FROM subscriber_components WHERE subscriber_id = ?', oldId),
    ).toEqual([])
    expect(await rows('SELECT * FROM link_tokens WHERE subscriber_id = ?', oldId)).toEqual([])
    expect((await subscriberRows(recent))[0]).toMatchObject({ status: 'pending' })
    expect((await subscriberRows(confirmed))[0]).toMatchObject({ status: 'active' })
    // Running it again finds nothing more to do.
    await expirePendingSubscribers(env.DB, now)
    expect((await subscriberRows(recent))[0]).toMatchObject({ status: 'pending' })
  })

  it('one who left and asked to come back, but never confirmed, returns to unsubscribed', async () => {
    const email = uniqueEmail()
    const start = new Date(Date.now() - 100 * HOUR)
    const [request] = await subscribe(context(start), { email })
    const confirmed = await confirmSubscription(context(start), tokenOf(request!.confirmUrl))
    expect(confirmed.ok).toBe(true)
    const manageToken = confirmed.ok ? tokenOf(confirmed.value.manageUrl) : ''
    await unsubscribe(context(start), manageToken, 'manage')
    await subscribe(context(new Date(start.getTime() + HOUR)), { email })
    expect((await subscriberRows(email))[0]).toMatchObject({ status: 'pending' })

    await expirePendingSubscribers(env.DB, new Date())
    const [row] = await subscriberRows(email)
    expect(row).toMatchObject({ status: 'unsubscribed', confirm_expires_at: null })
    expect((await selectSubscriber(env.DB, row!.id as string))?.confirmedAt).toEqual(
      expect.any(String),
    )
  })
})

describe('parseCsv', () => {
  it('reads quoted fields, escaped quotes, CRLF, blank lines and a BOM', () => {
    const text = '\uFEFFemail,areas\r\n"a@x.net","M14; ""North"""\r\n\r\nb@x.net,"two\nlines"\n'
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['email', 'areas'] },
      { line: 2, fields: ['a@x.net', 'M14; "North"'] },
      { line: 4, fields: ['b@x.net', 'two\nlines'] },
    ])
  })
})
