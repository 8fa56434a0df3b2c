import { describe, expect, it } from 'vitest'
import { makeComponent, makeIncident } from './factories'
import { mailTo } from './harness'
import {
  confirmedSubscriber,
  getPage,
  linkPath,
  mailAfterQuiet,
  postForm,
  subscribeApi,
  subscriberRows,
  uniqueEmail,
} from './subscriptions-helpers'

/** Waits for the first message to `address` that is not its confirmation email. */
async function waitForNotice(address: string, confirmations = 1, timeoutMs = 20_000) {
  const started = Date.now()
  for (;;) {
    const mail = await mailTo(address)
    if (mail.length > confirmations) return mail[confirmations]!
    if (Date.now() - started > timeoutMs) throw new Error(`no notice to ${address}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('subscriptions and the notices that follow', () => {
  it('an unconfirmed address gets nothing but its confirmation; the notice links work', async () => {
    const component = await makeComponent()
    const confirmed = uniqueEmail()
    const pending = uniqueEmail()
    await confirmedSubscriber({ email: confirmed, component_ids: [component.id] })
    expect((await subscribeApi({ email: pending, component_ids: [component.id] })).status).toBe(202)

    await makeIncident({ components: { [component.id]: 'major_outage' } })
    const notice = await waitForNotice(confirmed)
    expect(await mailAfterQuiet(pending, 1000)).toHaveLength(1)

    // The manage link in the notice opens the subscriber's page.
    const manage = await getPage(linkPath(notice, 'manage'))
    expect(manage.status).toBe(200)
    expect(manage.html).toContain(confirmed)

    // RFC 8058: the List-Unsubscribe URL takes a one-click POST.
    expect(notice.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click')
    const target = /<([^>]+\/subscriptions\/unsubscribe\/[^>]+)>/.exec(
      notice.headers['list-unsubscribe'] ?? '',
    )
    expect(target).not.toBeNull()
    const res = await postForm(new URL(target![1]!).pathname, {
      'List-Unsubscribe': 'One-Click',
    })
    expect(res.status).toBe(200)
    expect((await subscriberRows(confirmed))[0]).toMatchObject({ status: 'unsubscribed' })
    // Confirmations now travel through the DELIVERIES queue too: one more queue batch to wait.
  }, 20_000)
})
