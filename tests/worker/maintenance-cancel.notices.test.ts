import { describe, expect, it } from 'vitest'
import { WebhookEventJson } from '../../src/schemas/webhooks'
import { callJson, makeComponent, makeMaintenance } from './factories'
import { hookRequests, mailTo } from './harness'
import { hookName, makeEmailSubscriber, makeWebhook, verified, waitFor } from './pipeline-helpers'

/** Subscribers told of a cancelled maintenance, through the live queues, SMTP and receiver. */

const address = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}@example.net`

/** Tomorrow at `hour`:00 UTC, so the window reads "Wed 2 Dec 01:00–03:00 UTC". */
function tomorrowAt(hour: number): string {
  const day = new Date(Date.now() + 86_400_000)
  day.setUTCHours(hour, 0, 0, 0)
  return day.toISOString()
}

/** A maintenance of 01:00–03:00 UTC tomorrow on a fresh component, then cancelled. */
async function cancelledMastUpgrade(beforeCancel: (componentId: string) => Promise<void>) {
  const component = await makeComponent({ name: `Mast ${crypto.randomUUID().slice(0, 6)}` })
  const m = await makeMaintenance({
    name: 'Mast upgrade',
    scheduled_for: tomorrowAt(1),
    scheduled_until: tomorrowAt(3),
    component_ids: [component.id],
  })
  await beforeCancel(component.id)
  await callJson('POST', `/api/v1/maintenances/${m.id}/cancel`, {
    body: { body: 'The crane is not available; no work will take place.' },
  })
  return m
}

describe('subscribers hear that a maintenance is cancelled', () => {
  it('by email: the subject and the text say cancelled and when it was planned', async () => {
    const to = address('cancel')
    const m = await cancelledMastUpgrade(async (componentId) => {
      await makeEmailSubscriber(to, { componentIds: [componentId] })
    })
    const mail = await waitFor(
      () => mailTo(to),
      (list) => list.some((x) => x.subject.startsWith('[Maintenance cancelled]')),
      15_000,
      'the cancellation email',
    )
    const notice = mail.find((x) => x.subject.startsWith('[Maintenance cancelled]'))!
    expect(notice.subject).toMatch(
      /^\[Maintenance cancelled\] Mast upgrade — was \w{3} \d{1,2} \w{3} 01:00–03:00 UTC$/,
    )
    expect(notice.text).toContain('Maintenance cancelled')
    expect(notice.text).toContain('The crane is not available; no work will take place.')
    expect(notice.text).toMatch(/Status: +Cancelled — no work will take place/)
    expect(notice.text).toMatch(/Was planned for: +\w{3} \d{1,2} \w{3} 01:00–03:00 UTC/)
    expect(notice.text).not.toMatch(/Completed:/)
    expect(notice.text).toContain(`http://candor.test/incidents/${m.id}`)
    expect(notice.html).toContain('Maintenance cancelled')
  })

  it('by Slack, and by a standard webhook as maintenance.completed with cancelled_at', async () => {
    const slack = hookName('cancel-slack')
    const standard = hookName('cancel-standard')
    let secret = ''
    const m = await cancelledMastUpgrade(async (componentId) => {
      await makeWebhook(slack, { component_ids: [componentId], format: 'slack' })
      secret = (await makeWebhook(standard, { component_ids: [componentId] })).secret
    })

    // The earlier "scheduled" event may reach the new webhooks too: look for the cancellation.
    const isCancellation = (body: string) => body.includes('Cancelled')
    const slackRequests = await waitFor(
      () => hookRequests(slack),
      (r) => r.some((x) => isCancellation(x.body)),
      15_000,
      'the Slack message',
    )
    const message = JSON.parse(slackRequests.find((x) => isCancellation(x.body))!.body)
    expect(message.text).toContain('Mast upgrade — Cancelled, was planned for')
    const blocks = JSON.stringify(message.blocks)
    expect(blocks).toContain('The crane is not available; no work will take place.')
    expect(blocks).toContain('Cancelled, was planned for')

    const isCompleted = (body: string) => body.includes('"maintenance.completed"')
    const standardRequests = await waitFor(
      () => hookRequests(standard),
      (r) => r.some((x) => isCompleted(x.body)),
      15_000,
      'the webhook event',
    )
    const event = WebhookEventJson.parse(
      verified(
        secret,
        standardRequests.find((x) => isCompleted(x.body))!,
      ),
    )
    expect(event.meta.event_type).toBe('maintenance.completed')
    expect(event.incident).toMatchObject({ id: m.id, status: 'completed' })
    expect((event.incident as { cancelled_at: string | null }).cancelled_at).not.toBeNull()
  })
})
