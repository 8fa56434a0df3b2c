import { env } from 'cloudflare:workers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refreshSnapshot } from '../../src/domain/snapshot'
import { call, callJson, makeIncident } from './factories'

/** The `lang` and `dir` a public answer's `<html>` carries, and its Vary header. */
async function languageOf(path: string, headers: Record<string, string> = {}) {
  const res = await call('GET', path, { token: null, headers })
  expect(res.status, path).toBe(200)
  const html = await res.text()
  const m = /<html lang="([a-z]+)" dir="(ltr|rtl)"/.exec(html)
  expect(m, path).not.toBeNull()
  return { lang: m![1], dir: m![2], vary: res.headers.get('vary') ?? '' }
}

const PAGES = ['/', '/history', '/embed']

describe('the language a public page is rendered in', () => {
  beforeAll(async () => {
    const incident = await makeIncident({ name: 'Slow logins' })
    await refreshSnapshot(env)
    PAGES.push(`/incidents/${incident.id}`)
  })
  afterAll(async () => {
    await callJson('PATCH', '/api/v1/page', { body: { language: 'en' } })
    await refreshSnapshot(env)
  })

  it('follows Accept-Language by its q-values, and says so in Vary', async () => {
    for (const path of PAGES) {
      expect(await languageOf(path, { 'accept-language': 'ja, de;q=0.8, fr;q=0.5' })).toEqual({
        lang: 'de',
        dir: 'ltr',
        vary: expect.stringMatching(/Accept-Language, Cookie/),
      })
      expect((await languageOf(path, { 'accept-language': 'ar-EG' })).dir, path).toBe('rtl')
    }
  })

  it('never serves one reader the answer rendered for another', async () => {
    // The same URL, asked in turn in three languages within one render-reuse bucket.
    for (const path of PAGES) {
      const seen = []
      for (const al of ['de', 'en', 'es', 'de']) {
        seen.push((await languageOf(path, { 'accept-language': al })).lang)
      }
      expect(seen, path).toEqual(['de', 'en', 'es', 'de'])
    }
  })

  it('puts ?lang= before the switcher’s cookie, and the cookie before Accept-Language', async () => {
    const headers = { 'accept-language': 'de', cookie: 'candor_lang=fr' }
    for (const path of PAGES) {
      expect((await languageOf(path, headers)).lang, path).toBe('fr')
      const withQuery = `${path}${path.includes('?') ? '&' : '?'}lang=es`
      expect((await languageOf(withQuery, headers)).lang, path).toBe('es')
      // A language Candor does not speak is passed over, not shown.
      expect((await languageOf(`${path}?lang=xx`, { cookie: 'candor_lang=tlh' })).lang).toBe('en')
    }
  })

  it('falls back to the page’s default language, then English', async () => {
    expect((await languageOf('/', { 'accept-language': 'ja' })).lang).toBe('en')
    await callJson('PATCH', '/api/v1/page', { body: { language: 'de' } })
    await refreshSnapshot(env)
    for (const path of PAGES) {
      expect((await languageOf(path, { 'accept-language': 'ja' })).lang, path).toBe('de')
      expect((await languageOf(path)).lang, path).toBe('de')
      expect((await languageOf(path, { 'accept-language': 'fr' })).lang, path).toBe('fr')
    }
  })
})
