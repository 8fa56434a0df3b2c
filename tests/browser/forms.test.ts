import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import type { Browser, Page } from 'playwright-core'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCandor, type RunningCandor } from '../e2e/wrangler-dev'
import { collectErrors, launchChromium, screenshot } from './browser'
import { adminApi } from './candor-api'

/**
 * The subscription forms as a reader uses them in Chromium, under the pages' Content-Security-
 * Policy and the form check (hono/csrf): subscribe, confirm from the email, change the choices,
 * unsubscribe. The token pages send no referrer, so the browser posts their forms with
 * `Origin: null`; Sec-Fetch-Site: same-origin is what lets them through.
 */

let candor: RunningCandor
let browser: Browser
let smtp: SMTPServer
const mail: { to: string[]; text: string }[] = []

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mail.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            text: parsed.text ?? '',
          })
          callback()
        })
        .catch((error: Error) => callback(error))
    },
  })
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r))
  const smtpPort = (smtp.server.address() as AddressInfo).port
  ;[candor, browser] = await Promise.all([
    startCandor({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, EMAIL_FROM: 'status@localhost' }),
    launchChromium(),
  ])
  await adminApi(candor, 'POST', '/api/v1/components', { name: 'Fibre broadband' })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await candor?.stop()
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()))
})

/** The first link in the mail to `address` whose path starts with `prefix`. */
async function linkInMail(address: string, prefix: string): Promise<string> {
  let link: string | undefined
  await expect
    .poll(
      () => {
        const texts = mail.filter((m) => m.to.includes(address)).map((m) => m.text)
        link = texts.join('\n').match(new RegExp(`https?://[^\\s>"]*${prefix}[^\\s>"]*`))?.[0]
        return link
      },
      // The mail goes through the deliveries queue and a real SMTP round trip; with two
      // browser files and their Chromiums sharing two cores that can take a while.
      { timeout: 45_000 },
    )
    .toBeTruthy()
  return link!
}

/** Presses a page's button and waits for the page the form answers with. */
async function press(page: Page, name: string | RegExp): Promise<number | undefined> {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name }).first().click(),
  ])
  return response?.status()
}

describe('the subscription forms in Chromium', () => {
  it('subscribe, confirm, change choices and unsubscribe, with no policy violation', async () => {
    const page = await browser.newPage()
    const errors = await collectErrors(page)
    const sentOrigins: (string | undefined)[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST') sentOrigins.push(request.headers()['origin'])
    })
    const email = `reader-${crypto.randomUUID().slice(0, 8)}@example.net`

    await page.goto(candor.url + '/subscribe')
    await page.getByLabel('Email address').first().fill(email)
    expect(await press(page, 'Subscribe')).toBe(200)
    expect(await page.locator('main').innerText()).toContain(email)

    const confirm = await linkInMail(email, '/subscriptions/confirm/')
    await page.goto(candor.url + new URL(confirm).pathname)
    expect(await press(page, /confirm/i)).toBe(200)
    const confirmed = await page.locator('main').innerText()
    expect(confirmed).not.toContain('another site')
    const manage = await page
      .locator('a[href*="/subscriptions/manage/"]')
      .first()
      .getAttribute('href')
    expect(manage).toBeTruthy()

    await page.goto(new URL(manage!, candor.url).href)
    await page.getByLabel('Fibre broadband').check()
    expect(await press(page, 'Save choices')).toBe(200)
    expect(page.url()).toContain('saved=1')
    expect(await page.getByLabel('Fibre broadband').isChecked()).toBe(true)

    expect(await press(page, 'Unsubscribe')).toBe(200)
    expect(await page.locator('main').innerText()).toContain('You are unsubscribed')
    await screenshot(page, 'forms-unsubscribed')

    // The subscribe page sends its origin; the token pages (no-referrer) send "null".
    expect(sentOrigins[0]).toBe(candor.url)
    expect(sentOrigins.slice(1)).toContain('null')
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)
})
