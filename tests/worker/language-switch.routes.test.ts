import { beforeAll, describe, expect, it } from 'vitest'
import { refreshSnapshot } from '../../src/domain/snapshot'
import { env, exports } from 'cloudflare:workers'
import { makeIncident, postUpdate } from './factories'
import { postForm } from './subscriptions-helpers'
import { englishLeft, pageIn, readable } from './translation-helpers'

/** The language switcher (`GET /language`), its form on every page, and translated errors. */

/** A GET as a browser sends it; a redirect is returned, not followed. */
const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(new Request(`http://candor.test${path}`, { headers, redirect: 'manual' }))

describe('GET /language', () => {
  it('remembers the choice for a year and sends the reader back, uncached', async () => {
    const res = await get('/language?lang=de&back=/history')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/history')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^candor_lang=de;/)
    expect(cookie).toContain('Max-Age=31536000')
    expect(cookie).toContain('Path=/')
    expect(cookie).toContain('SameSite=Lax')
    // The next page, with that cookie, is German.
    const page = await get('/history', { cookie: 'candor_lang=de' })
    expect(await page.text()).toContain('<html lang="de"')
  })

  it('keeps the query of the page it returns to, without a lang that would override the choice', async () => {
    const res = await get(`/language?lang=fr&back=${encodeURIComponent('/history?page=2&lang=es')}`)
    expect(res.headers.get('location')).toBe('/history?page=2')
  })

  it.each([
    '//evil.example/phish',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'history',
    '',
  ])('sends a back of %j to the status page instead', async (back) => {
    const res = await get(`/language?lang=es&back=${encodeURIComponent(back)}`)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/')
  })

  it('refuses a language it does not speak (400), in the reader’s language, and remembers nothing', async () => {
    const res = await get('/language?lang=tlh&back=/history', { 'accept-language': 'de' })
    expect(res.status).toBe(400)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const text = readable(await res.text())
    expect(text).toContain('Unbekannte Sprache')
    expect(text).toContain('„tlh“')
    expect(text).toContain('English, Deutsch, Français, Español und العربية')
    const none = await get('/language', { cookie: 'candor_lang=ar' })
    expect(none.status).toBe(400)
    expect(readable(await none.text())).toContain('لم تُختر أي لغة')
  })
})

describe('the switcher on every public page', () => {
  it('is a plain GET form of every language, returning to this page, with alternates in the head', async () => {
    const { html } = await pageIn('es', '/history?page=1')
    expect(html).toContain('<form class="language-switcher" method="get" action="/language">')
    expect(html).toContain('<option value="es" lang="es" selected="">Español</option>')
    expect(html).toContain('<option value="ar" lang="ar">العربية</option>')
    expect(html).toContain('<input type="hidden" name="back" value="/history?page=1"/>')
    expect(html).toContain(
      '<link rel="alternate" hreflang="de" href="/history?page=1&amp;lang=de"/>',
    )
    expect(html).toContain('<link rel="alternate" hreflang="x-default" href="/history?page=1"/>')
  })
})

describe('error and answer pages in the reader’s language', () => {
  let resolvedId = ''
  beforeAll(async () => {
    const incident = await makeIncident({ name: 'Slow logins at night' })
    await postUpdate(incident.id, { status: 'resolved', body: 'Fixed.' })
    resolvedId = incident.id
    await refreshSnapshot(env)
  })

  it('404 for an unknown page or incident', async () => {
    for (const path of ['/nothing-here', '/incidents/nosuchincident']) {
      const de = await pageIn('de', path)
      expect(de.status).toBe(404)
      expect(de.text).toContain('Seite nicht gefunden')
      expect(englishLeft(de.text), path).toEqual([])
      const ar = await pageIn('ar', path)
      expect(ar.html).toContain('<html lang="ar" dir="rtl"')
      expect(ar.text).toContain('الصفحة غير موجودة')
    }
    // The API keeps its English JSON.
    const api = await get('/api/v2/nothing?lang=de')
    expect((await api.json()) as unknown).toMatchObject({ error: { code: 'not_found' } })
  })

  it('409 for a report on a resolved incident; the thank-you page after an answer', async () => {
    const refused = await postForm(
      `/incidents/${resolvedId}/affected`,
      {},
      { cookie: 'candor_lang=fr' },
    )
    expect(refused.status).toBe(409)
    const text = readable(await refused.text())
    expect(text).toContain('Impossible pour le moment')
    expect(englishLeft(text)).toEqual([])

    const answered = await postForm(
      `/incidents/${resolvedId}/resolution`,
      { choice: 'still_broken' },
      { cookie: 'candor_lang=de' },
    )
    expect(answered.status).toBe(200)
    expect(answered.headers.get('vary')).toMatch(/Accept-Language, Cookie/)
    const html = await answered.text()
    expect(readable(html)).toContain(
      'Ihre Antwort ist gezählt: Slow logins at night ist bei Ihnen weiterhin gestört.',
    )
    expect(englishLeft(readable(html))).toEqual([])
    // The switcher on a page after a POST returns to the incident, not to the POST.
    expect(html).toContain(`name="back" value="/incidents/${resolvedId}"`)
  })
})
