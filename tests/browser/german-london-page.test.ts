import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mailWatcher } from '../../scripts/lib/owner-sign-in.mjs'
import { startMailSink } from '../../scripts/mail-sink.mjs'
import { freePort, startCandor, type RunningCandor } from '../e2e/wrangler-dev'
import { pngFile } from '../support/image-files'
import { launchChromium, screenshot } from './browser'
import { adminApi, inMinutes } from './candor-api'

/**
 * The whole of it, against a real `wrangler dev` with local R2 and a real mail sink: the page
 * set to Europe/London and German with a logo uploaded; the page, an email and the widget are
 * in German with London times, while a browser in Tokyo shows JST.
 */

const SUBSCRIBER = 'leser@example.test'
let candor: RunningCandor
let browser: Browser
let sink: Awaited<ReturnType<typeof startMailSink>>
let mailDir: string
let incidentId: string
const watcher = mailWatcher()

beforeAll(async () => {
  mailDir = await mkdtemp(path.join(tmpdir(), 'candor-mail-'))
  sink = await startMailSink({ port: await freePort(), dir: mailDir, onMessage: watcher.onMessage })
  ;[candor, browser] = await Promise.all([
    startCandor({ SMTP_URL: sink.url, EMAIL_FROM: 'status@candor.localhost' }),
    launchChromium(),
  ])
  const page = await adminApi(candor, 'PATCH', '/api/v1/page', {
    name: 'Acme Netz',
    time_zone: 'Europe/London',
    language: 'de',
  })
  expect(page.status).toBe(200)
  const logo = await fetch(`${candor.url}/api/v1/page/logo`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${candor.token}`, 'content-type': 'image/png' },
    body: Buffer.from(pngFile(120, 40, [24, 73, 169])),
  })
  expect(logo.status).toBe(200)
  const incident = await adminApi(candor, 'POST', '/api/v1/incidents', {
    name: 'Broadband outage in M14',
    status: 'identified',
    impact: 'major',
    body: 'A fibre cable was cut.',
    eta: inMinutes(180),
    next_update_at: inMinutes(40),
  })
  expect(incident.status).toBe(201)
  incidentId = incident.json.id
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await candor?.stop()
  await sink?.stop()
  await rm(mailDir, { recursive: true, force: true })
})

/** `Mi., 2. Dez., 18:00 GMT`-like: a German date and time on London's clock. */
const GERMAN_LONDON_TIME = /^\p{L}{2}\., \d{1,2}\. \p{L}+\.?,? \d{2}:\d{2} (GMT|BST)$/u

describe('a page set to Europe/London and German, with a logo', () => {
  it('reads in German on London’s clock, with the logo, when no script runs', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${candor.url}/incidents/${incidentId}`)
    // The browser asks for English, but only its choice or the page's default would change the
    // page's words: English is among Candor's languages, so the reader gets English…
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await context.close()
    // …and a reader whose browser asks for none of them gets the page's German.
    const german = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' })
    const tab = await german.newPage()
    await tab.goto(`${candor.url}/incidents/${incidentId}`)
    expect(await tab.getAttribute('html', 'lang')).toBe('de')
    const times = await tab.locator('time[data-local]').allTextContents()
    expect(times.length).toBeGreaterThan(1)
    for (const t of times) expect(t).toMatch(GERMAN_LONDON_TIME)
    const logo = tab.locator('header img')
    expect(await logo.getAttribute('alt')).toBe('Acme Netz')
    const src = await logo.getAttribute('src')
    const served = await fetch(new URL(src!, candor.url))
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('cache-control')).toContain('immutable')
    expect(await tab.locator('body').innerText()).toContain('Broadband outage in M14')
    await screenshot(tab, 'german-london-page')
    await german.close()
  })

  it('a reader in Tokyo sees JST, the page’s words still German', async () => {
    const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'ja-JP' })
    const page = await context.newPage()
    await page.goto(`${candor.url}/incidents/${incidentId}`)
    expect(await page.getAttribute('html', 'lang')).toBe('de')
    const times = await page
      .locator('time[data-local]')
      .evaluateAll((nodes) =>
        nodes.map((n) => ({ text: n.textContent ?? '', title: (n as HTMLElement).title })),
      )
    expect(times.length).toBeGreaterThan(1)
    for (const t of times) {
      expect(t.text).toMatch(/ JST$/)
      expect(t.title).toMatch(GERMAN_LONDON_TIME)
    }
    await screenshot(page, 'german-london-page-tokyo')
    await context.close()
  })

  it('the widget’s embed speaks German with London times', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' })
    const page = await context.newPage()
    await page.goto(`${candor.url}/embed`)
    expect(await page.getAttribute('html', 'lang')).toBe('de')
    const text = await page.locator('body').innerText()
    expect(text).toContain('Broadband outage in M14')
    expect(text).not.toMatch(/\b(Major outage|Next update|Identified)\b/)
    for (const t of await page.locator('time[data-local]').allTextContents()) {
      expect(t).toMatch(/(GMT|BST)$/)
    }
    await screenshot(page, 'german-london-embed')
    await context.close()
  })

  it('an email to a subscriber is in German, its times on London’s clock', async () => {
    const followed = await adminApi(candor, 'POST', `/api/v1/incidents/${incidentId}/subscribers`, {
      email: SUBSCRIBER,
      skip_confirmation: true,
    })
    expect(followed.status).toBe(201)
    const arrival = watcher.next((m: { to: string[] }) => m.to.includes(SUBSCRIBER), 30_000)
    const update = await adminApi(candor, 'POST', `/api/v1/incidents/${incidentId}/updates`, {
      body: 'Engineers are splicing the cable.',
      next_update_at: inMinutes(60),
    })
    expect(update.status).toBe(201)
    const message = (await arrival) as { file: string } | null
    expect(message, 'the update reached the subscriber').not.toBeNull()
    const mail = await simpleParser(await readFile(message!.file))
    expect(mail.subject).toContain('Broadband outage in M14')
    expect(mail.subject).toMatch(/(GMT|BST)/)
    expect(mail.subject).not.toMatch(/\b(Major outage|moved)\b/)
    const text = mail.text ?? ''
    expect(text).toContain('Engineers are splicing the cable.')
    expect(text).toContain('Nächste Meldung')
    expect(text).toMatch(/\d{2}:\d{2} (GMT|BST)/)
    expect(text).not.toMatch(/\bUTC\b/)
    expect(mail.html || '').toContain('lang="de"')
  })
})
