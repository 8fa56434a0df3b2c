import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { selectOutboxRow } from '../../src/db/outbox-fanout'
import { discordMessage, teamsMessage } from '../../src/notify/webhooks/chat-formats'
import { renderEventEmail } from '../../src/notify/email/email-render'
import { buildEventMessage } from '../../src/notify/event-message'
import { runClock } from '../../src/clock/run-clock'
import { hookRequests } from './harness'
import { makeComponent, resetData } from './factories'
import { hookName, makeWebhook, waitFor } from './pipeline-helpers'
import { outboxOf, upcomingOutage } from './upcoming-helpers'

const LINKS = { incident: 'https://x/i', manage: 'https://x/m', unsubscribe: 'https://x/u' }

/** The message the pipeline builds for the incident's `index`-th event. */
async function messageOf(incidentId: string, index: number) {
  const event = (await outboxOf(incidentId))[index]!
  const row = await selectOutboxRow(env.DB, event.id)
  return (await buildEventMessage(env.DB, row!, env))!
}

describe('notices for a known fault posted early', () => {
  it('the email at creation says "expected from" in its subject and body', async () => {
    const { incident } = await upcomingOutage()
    const message = await messageOf(incident.id, 0)
    expect(message.eventType).toBe('incident.created')
    const email = renderEventEmail(message, LINKS)
    expect(email.subject).toMatch(
      new RegExp(
        `^\\[Advance notice\\] ${incident.name} — expected from (\\w{3} \\d{1,2} \\w{3} )?\\d\\d:\\d\\d UTC$`,
      ),
    )
    expect(email.text).toMatch(
      /Expected from: +\w{3} \d{1,2} \w{3}, \d\d:\d\d UTC — announced in advance, not in effect yet/,
    )
    expect(email.text).toContain('Advance notice')
    expect(email.html).toContain('Expected from')
  })

  it('the chat formats say it is upcoming and from when', async () => {
    const { incident, expectedStart } = await upcomingOutage()
    const message = await messageOf(incident.id, 0)
    const epoch = Math.floor(Date.parse(expectedStart) / 1000)
    const discord = discordMessage(message) as any
    expect(discord.content).toContain('Upcoming, expected from')
    expect(discord.embeds[0].fields).toContainEqual(
      expect.objectContaining({
        name: 'Expected from',
        value: expect.stringContaining(`<t:${epoch}:f>`),
      }),
    )
    const teams = teamsMessage(message) as any
    expect(teams.summary).toContain('Upcoming, expected from')
    const facts = teams.attachments[0].content.body.find((b: any) => b.type === 'FactSet').facts
    expect(facts.map((f: any) => f.title)).toContain('Expected from')
  })

  it('the creation notice still reads as upcoming when built after the incident went live', async () => {
    const { incident, expectedStart } = await upcomingOutage()
    await runClock(env, new Date(Date.parse(expectedStart) + 60_000))
    const created = await messageOf(incident.id, 0)
    expect(created.incident).toMatchObject({ upcoming: true, expected_start: expectedStart })
    const activated = await messageOf(incident.id, 1)
    expect(activated.eventType).toBe('incident.updated')
    expect(activated.incident).toMatchObject({ upcoming: false })
    expect(renderEventEmail(activated, LINKS).subject).not.toContain('Advance notice')
  })

  it('webhooks (standard and Slack) get the notice at creation and again when it goes live', async () => {
    await resetData() // the page's status in the notice must be this incident's alone
    const component = await makeComponent()
    const standard = hookName('upcoming-standard')
    const slack = hookName('upcoming-slack')
    await makeWebhook(standard, { component_ids: [component.id] })
    await makeWebhook(slack, { component_ids: [component.id], format: 'slack' })
    const { incident, expectedStart } = await upcomingOutage({}, component)

    const [created] = await waitFor(
      () => hookRequests(standard),
      (r) => r.length >= 1,
      15_000,
      'creation webhook',
    )
    const body = JSON.parse(created!.body)
    expect(body.meta.event_type).toBe('incident.created')
    expect(body.incident).toMatchObject({
      id: incident.id,
      upcoming: true,
      expected_start: expectedStart,
    })
    expect(body.page.status_indicator).toBe('none')
    const [slackCreated] = await waitFor(
      () => hookRequests(slack),
      (r) => r.length >= 1,
      15_000,
      'creation Slack message',
    )
    expect(JSON.parse(slackCreated!.body).text).toContain('Upcoming, expected from')

    await runClock(env, new Date(Date.parse(expectedStart) + 60_000))
    const requests = await waitFor(
      () => hookRequests(standard),
      (r) => r.length >= 2,
      15_000,
      'activation webhook',
    )
    const live = JSON.parse(requests[1]!.body)
    expect(live.meta.event_type).toBe('incident.updated')
    expect(live.incident).toMatchObject({ upcoming: false })
    expect(live.incident.incident_updates[0].body).toMatch(/^Now in effect/)
    expect(live.page.status_indicator).toBe('critical')
  })
})
