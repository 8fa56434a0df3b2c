import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mailWatcher, ownerSignInLink } from '../../scripts/lib/owner-sign-in.mjs'
import { startMailSink } from '../../scripts/mail-sink.mjs'
import { freePort, startCandor, type RunningCandor } from './wrangler-dev'

/**
 * `npm start` prints a sign-in link for OWNER_EMAIL, got through the console's own sign-in form
 * and the local mail sink. The same function, against a real `wrangler dev`: the printed link
 * opens a page with a button, and pressing it lands signed in on /console as the owner.
 */

const OWNER = 'first-owner@localhost'
let candor: RunningCandor
let sink: Awaited<ReturnType<typeof startMailSink>>
let mailDir: string
const watcher = mailWatcher()

beforeAll(async () => {
  mailDir = await mkdtemp(path.join(tmpdir(), 'candor-mail-'))
  sink = await startMailSink({ port: await freePort(), dir: mailDir, onMessage: watcher.onMessage })
  candor = await startCandor({
    OWNER_EMAIL: OWNER,
    SMTP_URL: sink.url,
    EMAIL_FROM: 'status@candor.localhost',
    ALLOW_HTTP_WEBHOOKS: 'true',
  })
})

afterAll(async () => {
  await candor?.stop()
  await sink?.stop()
  await rm(mailDir, { recursive: true, force: true })
})

describe("npm start's sign-in link for OWNER_EMAIL", () => {
  it('is a working one-time link: it signs the owner in to /console', async () => {
    const link = await ownerSignInLink({ baseUrl: candor.url, email: OWNER, watcher })
    expect(link).toMatch(new RegExp(`^${candor.url}/console/sign-in/[A-Za-z0-9_%-]+$`))

    // Opening it signs nobody in; the button (a same-origin POST) does.
    const opened = await fetch(link!)
    expect(opened.status).toBe(200)
    expect(opened.headers.get('set-cookie')).toBeNull()
    const pressed = await fetch(link!, {
      method: 'POST',
      headers: { origin: candor.url, 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    })
    expect(pressed.status).toBe(303)
    expect(pressed.headers.get('location')).toBe('/console')
    const cookie = pressed.headers.get('set-cookie')!.split(';')[0]!
    const consolePage = await fetch(`${candor.url}/console`, { headers: { cookie } })
    expect(consolePage.status).toBe(200)
    const html = await consolePage.text()
    expect(html).toContain(OWNER)
    expect(html).toContain('role <strong>owner</strong>')

    // Once only.
    const again = await fetch(link!, {
      method: 'POST',
      headers: { origin: candor.url, 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    })
    expect(again.status).toBe(409)
  })
})
