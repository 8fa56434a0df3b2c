import { env } from 'cloudflare:test'
import { expect, it } from 'vitest'
import { notificationHeaders } from '../../src/notify/email/email-headers'
import { renderEventEmail } from '../../src/notify/email/email-render'
import { createMailer } from '../../src/notify/email/mailer'
import type { EventMessage } from '../../src/notify/types'
import { IncidentSchema } from '../../src/schemas/statuspage'
import { callJson, inMinutes, makeArea, makeComponent, makeIncident, postUpdate } from './factories'
import { mailTo } from './harness'

it('an incident made through the API, rendered and sent over SMTP, arrives as rendered with its headers', async () => {
  const component = await makeComponent({ name: 'Broadband' })
  const area = await makeArea(`M14-${crypto.randomUUID().slice(0, 4)}`)
  const created = await makeIncident({
    name: 'Broadband <down>',
    impact: 'major',
    components: { [component.id]: 'major_outage' },
    area_ids: [area.id],
    eta: inMinutes(120),
    workaround: 'Use mobile data & a MiFi.',
  })
  await postUpdate(created.id, { status: 'identified', eta: inMinutes(240), body: 'Cable cut.' })
  await postUpdate(created.id, { status: 'identified', eta: inMinutes(360), progress: 30 })
  const incident = IncidentSchema.parse(await callJson('GET', `/api/v1/incidents/${created.id}`))

  const message: EventMessage = {
    eventId: crypto.randomUUID(),
    eventType: 'incident.updated',
    generatedAt: new Date().toISOString(),
    baseUrl: 'https://status.example.com',
    page: {
      id: incident.page_id,
      name: 'Candor',
      url: 'https://status.example.com',
      status_indicator: 'critical',
      status_description: 'Major System Outage',
    },
    incident,
    componentIds: [component.id],
    areaIds: [area.id],
  }
  const links = {
    incident: `https://status.example.com/incidents/${incident.id}`,
    manage: 'https://status.example.com/subscriptions/manage/m',
    unsubscribe: 'https://status.example.com/subscriptions/unsubscribe/u',
  }
  const rendered = renderEventEmail(message, links)
  expect(rendered.subject).toMatch(
    new RegExp(
      `^\\[Major outage\\] Broadband <down> in ${area.name} — ETA (\\w{3} \\d+ \\w{3} )?\\d\\d:\\d\\d UTC, moved twice$`,
    ),
  )
  expect(rendered.text).toMatch(/ETA moved 2 times: .+ → .+ → .+ UTC/)

  const to = `e2e-${crypto.randomUUID().slice(0, 8)}@example.net`
  const [result] = await createMailer(env).send([
    { to, ...rendered, headers: notificationHeaders(links.unsubscribe) },
  ])
  expect(result).toEqual({ ok: true })
  const [received] = await mailTo(to)
  expect(received!.subject).toBe(rendered.subject)
  expect(received!.text.replace(/\n$/, '')).toBe(rendered.text.replace(/\n$/, ''))
  expect(received!.html).toBe(rendered.html)
  expect(received!.html).toContain('Broadband &lt;down&gt;')
  expect(received!.headers['list-unsubscribe']).toBe(`<${links.unsubscribe}>`)
  expect(received!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click')
  expect(received!.headers['auto-submitted']).toBe('auto-generated')
})
