import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import type { Page } from 'playwright-core'
import { SMTPServer } from 'smtp-server'
import { expect } from 'vitest'
import { vendorAssets } from '../../scripts/vendor-assets.mjs'
import { startCandor, type RunningCandor } from '../e2e/wrangler-dev'
import { callCandor } from '../e2e/candor-http'
import { adminApi } from './candor-api'

/**
 * The console in a real browser: Candor under `wrangler dev` with a mail sink of its own, and
 * what tests do with it — invite a member through the API, sign in from the mailed link.
 *
 * Pages are opened at `http://localhost:<port>`, not 127.0.0.1: WebAuthn binds passkeys to a
 * host name (an IP address is no valid RP ID), and localhost is a secure context over http.
 */

/** A message the sink received. */
export interface SinkMail {
  to: string[]
  subject: string
  text: string
}

export type Role = 'owner' | 'editor' | 'viewer'

export interface ConsoleHarness {
  candor: RunningCandor
  /** Where pages are opened: `http://localhost:<port>`. */
  url: string
  /** Every message sent so far, oldest first. */
  mail: SinkMail[]
  /** Invites a member through the admin API; resolves to the member as the API answers. */
  inviteMember(role: Role, email?: string): Promise<{ id: string; email: string; role: Role }>
  /**
   * Signs `email` in on `page` as a person would: asks for a link on /console/sign-in, reads the
   * mail from the sink, opens the link and presses its button; resolves on /console.
   */
  signInFromMail(page: Page, email: string): Promise<void>
  stop(): Promise<void>
}

/** A unique address for a test's member. */
export function memberEmail(label = 'member'): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@example.net`
}

/** A local SMTP server keeping each message in `mail`. */
async function startSink(mail: SinkMail[]): Promise<{ port: number; stop: () => Promise<void> }> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mail.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          })
          callback()
        })
        .catch((error: Error) => callback(error))
    },
  })
  smtp.on('error', () => {})
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  return {
    port: (smtp.server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  }
}

/** The path of the console link in the `nth` (1-based) mail to `email`, waited for. */
export async function consoleLinkIn(mail: SinkMail[], email: string, nth: number): Promise<string> {
  let path: string | undefined
  await expect
    .poll(
      () => {
        const message = mail.filter((m) => m.to.includes(email.toLowerCase()))[nth - 1]
        const link = message?.text.match(/https?:\/\/[^\s>"]+\/console\/sign-in\/[A-Za-z0-9_%-]+/)
        path = link ? new URL(link[0]).pathname : undefined
        return path
      },
      { timeout: 30_000, message: `mail #${nth} to ${email} with a console link` },
    )
    .toBeTruthy()
  return path!
}

/** Whether the page scrolls sideways (wider than the window). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  )
}

const axeSource = () =>
  readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** The page's serious and critical axe-core violations, as `rule: selectors` lines. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the page's policy refuses inline scripts it does not list.
  await page.evaluate(await axeSource())
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)
  })
}

/** Presses a button and waits for the page its form (or script) leads to. */
export async function pressAndWait(page: Page, name: string | RegExp, url?: RegExp) {
  await Promise.all([
    url ? page.waitForURL(url) : page.waitForNavigation(),
    page.getByRole('button', { name }).first().click(),
  ])
}

/**
 * Starts Candor for console tests: the browser libraries vendored into public/ first (as
 * `npm test` does), a mail sink, `wrangler dev` sending to it.
 */
export async function startConsole(): Promise<ConsoleHarness> {
  await vendorAssets()
  const mail: SinkMail[] = []
  const sink = await startSink(mail)
  let candor: RunningCandor
  try {
    candor = await startCandor({
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      EMAIL_FROM: 'status@localhost',
    })
  } catch (error) {
    await sink.stop()
    throw error
  }
  const url = candor.url.replace('://127.0.0.1:', '://localhost:')
  const mailsTo = (email: string) => mail.filter((m) => m.to.includes(email.toLowerCase())).length

  return {
    candor,
    url,
    mail,
    async inviteMember(role, email = memberEmail(role)) {
      const answer = await adminApi(candor, 'POST', '/api/v1/members', { email, role })
      expect(answer.status, answer.text).toBe(201)
      return answer.json
    },
    async signInFromMail(page, email) {
      const before = mailsTo(email)
      await page.goto(`${url}/console/sign-in`)
      await page.getByLabel('Email').fill(email)
      await pressAndWait(page, 'Email me a sign-in link')
      await expect.poll(() => page.locator('h1').innerText()).toBe('Check your inbox')
      const link = await consoleLinkIn(mail, email, before + 1)
      await page.goto(url + link)
      await pressAndWait(page, /^(Sign in|Accept and sign in)$/, /\/console$/)
    },
    async stop() {
      await candor.stop()
      await sink.stop()
    },
  }
}

/** The messages the sink holds for `email`, oldest first. */
export function mailTo(mail: SinkMail[], email: string): SinkMail[] {
  return mail.filter((m) => m.to.includes(email.toLowerCase()))
}

/** Waits for a message to `email` whose subject `subject` matches; resolves to it. */
export async function mailWithSubject(
  mail: SinkMail[],
  email: string,
  subject: string | RegExp,
  timeout = 30_000,
): Promise<SinkMail> {
  const matches = (m: SinkMail) =>
    typeof subject === 'string' ? m.subject.includes(subject) : subject.test(m.subject)
  let found: SinkMail | undefined
  await expect
    .poll(
      () => {
        found = mailTo(mail, email).find(matches)
        return found
      },
      { timeout, message: `mail to ${email} with subject ${subject}` },
    )
    .toBeTruthy()
  return found!
}

/**
 * Subscribes `email` through the public API (to `componentIds`, or to everything) and confirms
 * it as a reader would: opens the link from the sink on `page` and presses its button.
 */
export async function subscribeConfirmed(
  harness: ConsoleHarness,
  page: Page,
  email: string,
  componentIds: string[] = [],
): Promise<void> {
  const answer = await adminApi(harness.candor, 'POST', '/api/v1/subscriptions', {
    email,
    ...(componentIds.length ? { component_ids: componentIds } : {}),
  })
  expect(answer.status, answer.text).toBe(202)
  let link: string | undefined
  await expect
    .poll(
      () => {
        const texts = mailTo(harness.mail, email).map((m) => m.text)
        link = texts.join('\n').match(/https?:\/\/[^\s>"]*\/subscriptions\/confirm\/[^\s>"]+/)?.[0]
        return link
      },
      { timeout: 30_000, message: `confirmation mail to ${email}` },
    )
    .toBeTruthy()
  await page.goto(harness.url + new URL(link!).pathname)
  await pressAndWait(page, 'Confirm subscription')
  expect(await page.locator('main').innerText()).not.toContain('expired')
}

/** The form token (`csrf`) of the console page open in `page`. */
export async function csrfOf(page: Page): Promise<string> {
  const token = await page.locator('input[name="csrf"]').first().getAttribute('value')
  expect(token, 'the page carries a form token').toBeTruthy()
  return token!
}

/**
 * Opens a draft as monitoring would: switches "open as draft" on in the intake settings, mints
 * an intake-scoped token and sends a firing generic alert; resolves to the draft's id.
 */
export async function intakeDraft(
  harness: ConsoleHarness,
  alert: { title: string; component?: string; severity?: string },
): Promise<string> {
  const { candor } = harness
  const settings = await adminApi(candor, 'PATCH', '/api/v1/intake/settings', {
    open_as_draft: true,
  })
  expect(settings.status, settings.text).toBe(200)
  const minted = await adminApi(candor, 'POST', '/api/v1/tokens', {
    name: `monitoring-${crypto.randomUUID().slice(0, 8)}`,
    scopes: ['intake'],
  })
  expect(minted.status, minted.text).toBe(201)
  const sent = await callCandor(
    candor,
    'POST',
    '/api/v1/intake/generic',
    { fingerprint: crypto.randomUUID(), status: 'firing', ...alert },
    minted.json.token,
  )
  expect(sent.status, sent.text).toBe(201)
  const [outcome] = sent.json.alerts
  expect(outcome).toMatchObject({ outcome: 'opened', draft: true })
  return outcome.incident_id
}
