import { describe, expect, it } from 'vitest'
import { SubscriberJson } from '../../src/schemas/subscriptions'
import { call, callJson, rows } from './factories'
import {
  confirmedSubscriber,
  getPage,
  postForm,
  subscriberRows,
  uniqueEmail,
} from './subscriptions-helpers'

const SAME_ORIGIN = { origin: 'http://candor.test' }

/** The language and zone a subscriber row holds. */
async function storedChoice(email: string) {
  const [row] = await subscriberRows(email)
  return { time_zone: row!.time_zone, language: row!.language }
}

describe('a subscriber chooses the language and time zone of its emails on its manage page', () => {
  it('shows the page’s defaults, saves a choice, and shows it back', async () => {
    const email = uniqueEmail()
    const { managePath } = await confirmedSubscriber({ email })
    const shown = await getPage(managePath)
    expect(shown.status).toBe(200)
    expect(shown.html).toContain(`action="${managePath}/preferences"`)
    expect(shown.html).toContain('<option value="" selected="">The page’s language (English)')
    expect(shown.html).toContain('<option value="Europe/London">')
    expect(await storedChoice(email)).toEqual({ time_zone: null, language: null })

    const saved = await postForm(
      `${managePath}/preferences`,
      { language: 'de', time_zone: 'europe/london' },
      SAME_ORIGIN,
    )
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`${managePath}?saved=preferences`)
    // Stored by the zone's own name, whatever the case typed.
    expect(await storedChoice(email)).toEqual({ time_zone: 'Europe/London', language: 'de' })
    const after = await getPage(`${managePath}?saved=preferences`)
    expect(after.html).toContain('Saved. Your emails now use the language and time zone below.')
    expect(after.html).toContain('<option value="de" lang="de" selected="">Deutsch</option>')
    expect(after.html).toMatch(/name="time_zone"[^>]*value="Europe\/London"/)

    // Empty fields go back to the page's.
    await postForm(`${managePath}/preferences`, { language: '', time_zone: '' }, SAME_ORIGIN)
    expect(await storedChoice(email)).toEqual({ time_zone: null, language: null })
  })

  it('refuses an unknown zone or language, keeps what was typed, and changes nothing', async () => {
    const email = uniqueEmail()
    const { managePath } = await confirmedSubscriber({ email })
    await postForm(
      `${managePath}/preferences`,
      { language: 'fr', time_zone: 'Europe/Paris' },
      SAME_ORIGIN,
    )

    const badZone = await postForm(
      `${managePath}/preferences`,
      { language: 'de', time_zone: 'Mars/Olympus' },
      SAME_ORIGIN,
    )
    expect(badZone.status).toBe(400)
    const html = await badZone.text()
    expect(html).toContain('Not saved:')
    expect(html).toContain('“Mars/Olympus” is not a time zone we know.')
    expect(html).toMatch(/name="time_zone"[^>]*value="Mars\/Olympus"[^>]*aria-invalid="true"/)
    expect(html).toContain('<option value="de" lang="de" selected="">Deutsch</option>')
    // The rest of the manage page is still there.
    expect(html).toContain('What you hear about')

    for (const time_zone of ['+01:00', 'UTC+1']) {
      const offset = await postForm(`${managePath}/preferences`, { time_zone }, SAME_ORIGIN)
      expect(offset.status, time_zone).toBe(400)
    }
    const badLanguage = await postForm(
      `${managePath}/preferences`,
      { language: 'klingon', time_zone: 'Asia/Tokyo' },
      SAME_ORIGIN,
    )
    expect(badLanguage.status).toBe(400)
    expect(await badLanguage.text()).toContain('Choose one of the languages offered.')
    expect(await storedChoice(email)).toEqual({ time_zone: 'Europe/Paris', language: 'fr' })
  })

  it('another site cannot change it, and an unknown link changes nothing', async () => {
    const email = uniqueEmail()
    const { managePath } = await confirmedSubscriber({ email })
    const foreign = await postForm(
      `${managePath}/preferences`,
      { language: 'de', time_zone: 'Europe/Berlin' },
      { origin: 'https://evil.example' },
    )
    expect(foreign.status).toBe(403)
    expect(await storedChoice(email)).toEqual({ time_zone: null, language: null })
    const unknown = await postForm(
      '/subscriptions/manage/not-a-token/preferences',
      { language: 'de' },
      SAME_ORIGIN,
    )
    expect(unknown.status).toBe(404)
  })
})

describe('the admin API shows and sets a subscriber’s language and time zone', () => {
  async function subscriberId(): Promise<string> {
    const email = uniqueEmail()
    await confirmedSubscriber({ email })
    return String((await subscriberRows(email))[0]!.id)
  }

  it('returns null for the page’s, sets both, clears one, and audits the change', async () => {
    const id = await subscriberId()
    const before = SubscriberJson.parse(await callJson('GET', `/api/v1/subscribers/${id}`))
    expect(before).toMatchObject({ time_zone: null, language: null })

    const set = SubscriberJson.parse(
      await callJson('PATCH', `/api/v1/subscribers/${id}`, {
        body: { time_zone: 'Asia/Tokyo', language: 'es' },
      }),
    )
    expect(set).toMatchObject({ time_zone: 'Asia/Tokyo', language: 'es' })
    const listed = await callJson('GET', '/api/v1/subscribers?limit=1000')
    expect(listed.subscribers.find((s: { id: string }) => s.id === id)).toMatchObject({
      time_zone: 'Asia/Tokyo',
      language: 'es',
    })

    const cleared = await callJson('PATCH', `/api/v1/subscribers/${id}`, {
      body: { language: null },
    })
    expect(cleared).toMatchObject({ time_zone: 'Asia/Tokyo', language: null })
    const audit = await rows(
      "SELECT details FROM audit_log WHERE action = 'subscriber.update' AND target_id = ?",
      id,
    )
    expect(audit.map((a) => JSON.parse(String(a.details)))).toEqual([
      { time_zone: 'Asia/Tokyo', language: 'es' },
      { time_zone: 'Asia/Tokyo', language: null },
    ])
  })

  it('refuses a bad zone or language with 400 naming the field, and changes nothing', async () => {
    const id = await subscriberId()
    await callJson('PATCH', `/api/v1/subscribers/${id}`, {
      body: { time_zone: 'Europe/Madrid', language: 'es' },
    })
    for (const [body, field] of [
      [{ time_zone: 'Nowhere/Atlantis' }, 'time_zone'],
      [{ time_zone: '+02:00' }, 'time_zone'],
      [{ language: 'pt' }, 'language'],
      [{ language: 'de', colour: 'red' }, 'colour'],
    ] as const) {
      const res = await call('PATCH', `/api/v1/subscribers/${id}`, { body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      const error = ((await res.json()) as any).error
      expect(error.code).toBe('validation_failed')
      expect(error.details.map((d: { path: string }) => d.path)).toContain(field)
    }
    expect(await callJson('GET', `/api/v1/subscribers/${id}`)).toMatchObject({
      time_zone: 'Europe/Madrid',
      language: 'es',
    })
    expect((await call('PATCH', '/api/v1/subscribers/nope', { body: {} })).status).toBe(404)
  })

  it('the OpenAPI document describes both fields', async () => {
    const doc = await callJson('GET', '/api/v1/openapi.json', { token: null })
    const subscriber = doc.components.schemas.Subscriber.properties
    expect(subscriber.time_zone.description).toContain('manage page')
    expect(subscriber.language.description).toContain("page's default")
    expect(doc.paths['/api/v1/subscribers/{id}'].patch.summary).toContain('time zone')
  })
})
