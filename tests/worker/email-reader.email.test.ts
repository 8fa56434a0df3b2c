import { env } from 'cloudflare:workers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refreshSnapshot } from '../../src/domain/snapshot'
import { Clock } from '../../src/i18n/clock'
import { callJson, makeComponent, makeIncident, makeMaintenance } from './factories'
import { mailTo } from './harness'
import { makeEmailSubscriber, waitFor } from './pipeline-helpers'
import { postForm, subscribeApi, uniqueEmail, waitForMail } from './subscriptions-helpers'

/**
 * Emails through the live pipeline and the real SMTP server, in each subscriber's language and
 * time zone: its own where it chose them, else the page's.
 */

const ETA = '2027-01-15T18:00:00.000Z' // winter: London GMT, Madrid CET
const NEXT_UPDATE = '2027-06-01T09:00:00.000Z' // summer: London BST, Madrid CEST

async function onlyMail(address: string) {
  const [mail] = await waitFor(
    () => mailTo(address),
    (m) => m.length >= 1,
    20_000,
    `mail to ${address}`,
  )
  return mail!
}

async function setPage(body: Record<string, unknown>) {
  await callJson('PATCH', '/api/v1/page', { body })
  await refreshSnapshot(env)
}

describe('event emails in the subscriber’s language and time zone', () => {
  beforeAll(() => setPage({ time_zone: 'Europe/Madrid', language: 'es' }))
  afterAll(() => setPage({ time_zone: 'Etc/UTC', language: 'en' }))

  it('German with London times for one who chose them; the page’s Spanish and Madrid for one who did not', async () => {
    const component = await makeComponent({ name: 'Breitband' })
    const chose = uniqueEmail('chose')
    const none = uniqueEmail('none')
    const choseId = await makeEmailSubscriber(chose, { componentIds: [component.id] })
    await makeEmailSubscriber(none, { componentIds: [component.id] })
    await callJson('PATCH', `/api/v1/subscribers/${choseId}`, {
      body: { language: 'de', time_zone: 'Europe/London' },
    })

    const incident = await makeIncident({
      name: 'Kein Netz in M14',
      impact: 'major',
      components: { [component.id]: 'major_outage' },
      eta: ETA,
      next_update_at: NEXT_UPDATE,
      workaround: 'Mobile Daten nutzen.',
    })

    const german = await onlyMail(chose)
    const london = new Clock('de-DE', 'Europe/London')
    expect(german.subject).toBe(
      `[Schwerer Ausfall] Kein Netz in M14 – Prognose ${london.day(ETA)}, 18:00 GMT`,
    )
    for (const part of [german.text, german.html]) {
      expect(part).toContain('Was nicht funktioniert')
      expect(part).toContain(`${london.dateTime(ETA)}`)
      expect(part).toContain('18:00 GMT')
      expect(part).toContain('10:00 BST') // the next update, after the clocks change
      expect(part).toContain('Mobile Daten nutzen.') // what ops wrote, as written
      expect(part).toContain('Abonnement verwalten')
      expect(part).not.toMatch(/\bUTC\b/)
    }
    expect(german.text).toContain('Auswirkung:   Starke Auswirkung')
    expect(german.html).toMatch(/^<!doctype html><html lang="de">/)
    expect(german.text).toContain(`http://candor.test/incidents/${incident.id}`)

    const spanish = await onlyMail(none)
    const madrid = new Clock('es-ES', 'Europe/Madrid')
    expect(spanish.subject).toBe(
      `[Interrupción grave] Kein Netz in M14 — previsión ${madrid.day(ETA)}, 19:00 CET`,
    )
    for (const part of [spanish.text, spanish.html]) {
      expect(part).toContain('Qué falla')
      expect(part).toContain('19:00 CET')
      expect(part).toContain('11:00 CEST')
      expect(part).toContain('Gestionar su suscripción')
      expect(part).not.toMatch(/\bUTC\b/)
    }
    expect(spanish.html).toMatch(/^<!doctype html><html lang="es">/)
  }, 60_000)

  it('a confirmation email is written in the subscriber’s language, else the page’s', async () => {
    const page = uniqueEmail('pending-page')
    const own = uniqueEmail('pending-own')
    for (const email of [page, own]) expect((await subscribeApi({ email })).status).toBe(202)
    const [first] = await waitForMail(page)
    expect(first!.subject).toMatch(/^Confirme su suscripción a /)
    expect(first!.text).toContain('Es válido durante 48 horas.')

    await waitForMail(own)
    const { subscribers } = await callJson('GET', '/api/v1/subscribers?status=pending&limit=1000')
    const id = subscribers.find((s: { email: string }) => s.email === own).id
    await callJson('PATCH', `/api/v1/subscribers/${id}`, { body: { language: 'fr' } })
    await callJson('POST', `/api/v1/subscribers/${id}/resend-confirmation`, { expect: 202 })
    const [, again] = await waitForMail(own, 2)
    expect(again!.subject).toMatch(/^Confirmez votre abonnement à /)
    expect(again!.html).toContain('Confirmer mon abonnement')
    expect(again!.html).toMatch(/^<!doctype html><html lang="fr">/)
  }, 40_000)

  it('a confirmation from the subscribe form is written in the language the form was read in', async () => {
    const german = uniqueEmail('form-de')
    const french = uniqueEmail('form-fr')
    const origin = { origin: 'http://candor.test' }
    const de = await postForm(
      '/subscribe',
      { email: german },
      { ...origin, 'accept-language': 'de' },
    )
    const fr = await postForm(
      '/subscribe',
      { email: french },
      { ...origin, cookie: 'candor_lang=fr' },
    )
    expect([de.status, fr.status]).toEqual([200, 200])
    const [toGerman] = await waitForMail(german)
    expect(toGerman!.subject).toMatch(/^Bestätigen Sie Ihr Abonnement von /)
    expect(toGerman!.html).toMatch(/^<!doctype html><html lang="de">/)
    const [toFrench] = await waitForMail(french)
    expect(toFrench!.subject).toMatch(/^Confirmez votre abonnement à /)
    // The reading language is not stored as a choice: later emails follow the page's until the
    // subscriber picks one.
    const { subscribers } = await callJson('GET', '/api/v1/subscribers?status=pending&limit=1000')
    const row = subscribers.find((s: { email: string }) => s.email === german)
    expect(row.language).toBeNull()
  }, 40_000)
})

describe('a clock change in the page’s zone, in an email', () => {
  beforeAll(() => setPage({ time_zone: 'Europe/London', language: 'en' }))
  afterAll(() => setPage({ time_zone: 'Etc/UTC', language: 'en' }))

  it('a maintenance across the change to summer time says GMT before it and BST after', async () => {
    const component = await makeComponent()
    const to = uniqueEmail('dst')
    await makeEmailSubscriber(to, { componentIds: [component.id] })
    // Europe/London moves to BST at 01:00 UTC on Sunday 28 March 2027.
    const m = await makeMaintenance({
      name: 'Core switch swap',
      scheduled_for: '2027-03-28T00:30:00.000Z',
      scheduled_until: '2027-03-28T02:30:00.000Z',
      component_ids: [component.id],
    })
    const mail = await onlyMail(to)
    expect(mail.subject).toBe(`[Maintenance] ${m.name} — Sun 28 Mar 00:30 GMT – 03:30 BST`)
    expect(mail.text).toContain('When:         Sun 28 Mar 00:30 GMT – 03:30 BST')
    expect(mail.html).toContain('Sun 28 Mar 00:30 GMT – 03:30 BST')
    expect(mail.text).not.toMatch(/\bUTC\b/)
  }, 40_000)
})
