import { describe, expect, it } from 'vitest'
import { inMinutes, makeArea, makeComponent, makeIncident } from './factories'
import { hookRequests } from './harness'
import { hookName, makeWebhook, preparedDelivery, runDeliveries } from './pipeline-helpers'

/** One incident with every honest field, sent to a webhook of `format` on the real receiver. */
async function sendIn(format: string) {
  const name = hookName(format)
  const component = await makeComponent({ name: `Broadband ${name}` })
  const area = await makeArea(`M14 ${name}`)
  const hook = await makeWebhook(name, { component_ids: [component.id], format })
  const eta = inMinutes(120)
  const nextUpdateAt = inMinutes(30)
  const incident = await makeIncident({
    notify: false,
    name: 'Broadband outage in M14',
    impact: 'major',
    body: 'Customers in M14 have no connection.',
    components: { [component.id]: 'major_outage' },
    area_ids: [area.id],
    eta,
    next_update_at: nextUpdateAt,
    workaround: 'Use mobile data.',
  })
  const result = await runDeliveries([{ deliveryId: await preparedDelivery(incident.id, hook.id) }])
  expect(result.explicitAcks).toHaveLength(1)
  const [request] = await hookRequests(name)
  expect(request!.headers['content-type']).toBe('application/json')
  return {
    body: JSON.parse(request!.body),
    incident,
    component,
    area,
    eta: Math.floor(Date.parse(eta) / 1000),
    next: Math.floor(Date.parse(nextUpdateAt) / 1000),
  }
}

describe('chat formats', () => {
  it('Slack: text for the notification, blocks with status, ETA, next update, workaround and a link', async () => {
    const { body, incident, component, area, eta, next } = await sendIn('slack')
    expect(Object.keys(body).sort()).toEqual(['blocks', 'text'])
    expect(body.text).toContain('Broadband outage in M14 — Investigating')
    expect(body.text).toContain(`<!date^${eta}^`)
    expect(body.text).toContain(`<http://candor.test/incidents/${incident.id}|details>`)
    const types = body.blocks.map((b: any) => b.type)
    expect(types[0]).toBe('header')
    expect(types).toContain('actions')
    const text = JSON.stringify(body.blocks)
    for (const expected of [
      'Broadband outage in M14',
      'Customers in M14 have no connection.',
      'Investigating · Major impact',
      `<!date^${eta}^`,
      `<!date^${next}^`,
      'Use mobile data.',
      component.name,
      area.name,
    ]) {
      expect(text).toContain(expected)
    }
    const button = body.blocks.find((b: any) => b.type === 'actions').elements[0]
    expect(button).toMatchObject({
      type: 'button',
      url: `http://candor.test/incidents/${incident.id}`,
    })
  })

  it('Discord: content plus one embed with the facts as fields', async () => {
    const { body, incident, component, area, eta, next } = await sendIn('discord')
    expect(body.content).toBe('**Broadband outage in M14 — Investigating**')
    expect(body.allowed_mentions).toEqual({ parse: [] })
    expect(body.embeds).toHaveLength(1)
    const [embed] = body.embeds
    expect(embed).toMatchObject({
      title: 'Broadband outage in M14',
      url: `http://candor.test/incidents/${incident.id}`,
      description: 'Customers in M14 have no connection.',
      color: expect.any(Number),
    })
    const fields = Object.fromEntries(embed.fields.map((f: any) => [f.name, f.value]))
    expect(fields).toMatchObject({
      Status: 'Investigating · Major impact',
      ETA: `<t:${eta}:f> (<t:${eta}:R>)`,
      'Next update': `<t:${next}:f> (<t:${next}:R>)`,
      Workaround: 'Use mobile data.',
      Components: component.name,
      Areas: area.name,
    })
  })

  it('Teams: a message carrying an Adaptive Card with facts and an open-URL action', async () => {
    const { body, incident } = await sendIn('teams')
    expect(body.type).toBe('message')
    expect(body.attachments).toHaveLength(1)
    const [attachment] = body.attachments
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive')
    const card = attachment.content
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4' })
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Broadband outage in M14' })
    const facts = Object.fromEntries(
      card.body.find((b: any) => b.type === 'FactSet').facts.map((f: any) => [f.title, f.value]),
    )
    expect(facts.Status).toBe('Investigating · Major impact')
    expect(facts.ETA).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/)
    expect(facts['Next update']).toMatch(/ UTC$/)
    expect(facts.Workaround).toBe('Use mobile data.')
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'View incident',
        url: `http://candor.test/incidents/${incident.id}`,
      },
    ])
  })
})
