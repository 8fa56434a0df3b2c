import { describe, expect, it } from 'vitest'
import { renderEventEmail } from '../../src/notify/email/email-render'
import { discordMessage, slackMessage, teamsMessage } from '../../src/notify/webhooks/chat-formats'
import { standardWebhookBody } from '../../src/notify/webhooks/webhook-payload'
import { readerFor } from '../../src/i18n/reader'
import type { EventMessage } from '../../src/notify/types'
import { eventMessage, incident, LINKS, maintenance } from './email-fixtures'

/** The fixtures' incident (ETA Wed 25 Nov 18:00 UTC, moved twice) on a page in `zone`. */
function onPage(language: string, timeZone: string, message?: EventMessage): EventMessage {
  return {
    ...(message ?? eventMessage('incident.updated', { incident: incident() })),
    pageLocale: { language, timeZone },
  }
}

const factsOf = (teams: any): Record<string, string> =>
  Object.fromEntries(
    teams.attachments[0].content.body
      .find((b: any) => b.type === 'FactSet')
      .facts.map((f: any) => [f.title, f.value]),
  )

describe('chat messages in the page’s zone and language', () => {
  it('Teams prints every time on the page’s clock, with its abbreviation, in its language', () => {
    const facts = factsOf(teamsMessage(onPage('de', 'Asia/Tokyo')))
    expect(facts.Prognose).toBe('2026-11-26 03:00 JST (zweimal verschoben)')
    expect(facts['Nächste Meldung']).toBe('2026-11-25 21:00 JST')
    expect(facts.Prognoseverlauf).toBe(
      'Prognose zweimal verschoben: Di., 24. Nov., 03:00 → Mi., 25. Nov., 03:00 → Do., 26. Nov., 03:00 JST',
    )
    expect(facts.Status).toBe('Ursache gefunden · Starke Auswirkung')
    expect(JSON.stringify(teamsMessage(onPage('de', 'Asia/Tokyo')))).not.toContain('UTC')
  })

  it('an ETA history across the clock change names each zone after the times it covers', () => {
    const history = [
      '2027-03-27T23:00:00.000Z',
      '2027-03-28T00:30:00.000Z',
      '2027-03-28T02:30:00.000Z',
    ].map((eta, i) => ({ eta, set_at: '2027-03-27T20:00:00.000Z', update_id: `u${i}` }))
    const moved = eventMessage('incident.updated', {
      incident: incident({ eta: history[2]!.eta, eta_history: history, eta_moves: 2 }),
    })
    const facts = factsOf(teamsMessage(onPage('en', 'Europe/London', moved)))
    expect(facts['ETA history']).toBe(
      'ETA moved 2 times: Sat 27 Mar 23:00 → Sun 28 Mar 00:30 GMT → 03:30 BST',
    )
  })

  it('Slack’s fallback text (where it cannot show the reader’s own zone) is the page’s', () => {
    const slack = JSON.stringify(slackMessage(onPage('en', 'Europe/London')))
    const eta = Math.floor(Date.parse('2026-11-25T18:00:00.000Z') / 1000)
    expect(slack).toContain(`<!date^${eta}^{date_short_pretty} {time}|2026-11-25 18:00 GMT>`)
    expect(slack).not.toContain('UTC')
    const summer = onPage(
      'fr',
      'Europe/Paris',
      eventMessage('maintenance.scheduled', {
        incident: maintenance({
          status: 'scheduled',
          next_update_at: '2027-06-01T09:00:00.000Z',
        }),
      }),
    )
    const french = JSON.stringify(slackMessage(summer))
    expect(french).toContain('|2027-06-01 11:00 CEST>')
    expect(french).toContain('*Prochaine mise à jour*')
  })

  it('Discord keeps its own per-reader times and speaks the page’s language', () => {
    const discord = discordMessage(onPage('es', 'Europe/Madrid')) as any
    const names = discord.embeds[0].fields.map((f: { name: string }) => f.name)
    expect(names).toEqual(expect.arrayContaining(['Estado', 'Resolución prevista']))
    expect(discord.embeds[0].fields).toContainEqual(
      expect.objectContaining({
        name: 'Historial de previsiones',
        value: expect.stringContaining('19:00 CET'),
      }),
    )
  })

  it('with no page language or zone in the message (built before), English in UTC', () => {
    const facts = factsOf(teamsMessage(eventMessage('incident.updated', { incident: incident() })))
    expect(facts.ETA).toBe('2026-11-25 18:00 UTC (moved twice)')
  })

  it('the generic JSON webhook stays machine-readable: no page language, no words added', () => {
    const body = standardWebhookBody(onPage('de', 'Europe/Berlin'), null)
    expect(Object.keys(body).sort()).toEqual(['incident', 'meta', 'page'])
    expect(body.page).toEqual(eventMessage('incident.updated', {}).page)
    expect(JSON.stringify(body)).not.toContain('Europe/Berlin')
  })
})

describe('an email in Arabic', () => {
  it('is marked right-to-left and aligned to the right; what ops wrote stays as written', () => {
    const { html, text } = renderEventEmail(
      eventMessage('incident.updated', { incident: incident() }),
      LINKS,
      readerFor('ar', 'Asia/Dubai'),
    )
    expect(html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/)
    expect(html).toContain('text-align:right')
    expect(html).toContain('dir="rtl"')
    expect(text).toContain('ما المشكلة')
    expect(text).toContain('Broadband is down in M14.')
    expect(text).toContain('GST')
  })
})
