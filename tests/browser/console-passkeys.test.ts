import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectErrors, launchChromium, screenshot } from './browser'
import { pressAndWait, startConsole, type ConsoleHarness } from './console'

/**
 * Passkeys end to end in Chromium, with its virtual authenticator (DevTools protocol) standing
 * in for a phone or security key: sign in from the mail, add a passkey on the account page,
 * sign out, sign in with the passkey.
 */

let harness: ConsoleHarness
let browser: Browser

beforeAll(async () => {
  ;[harness, browser] = await Promise.all([startConsole(), launchChromium()])
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await harness?.stop()
})

describe('passkeys in Chromium', () => {
  it('add a passkey on the account page, sign out, sign in with it', async () => {
    const owner = await harness.inviteMember('owner')
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } })
    const page = await context.newPage()
    const errors = await collectErrors(page)
    const cdp = await context.newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    })

    await harness.signInFromMail(page, owner.email)
    await page.goto(`${harness.url}/console/account`)
    // With JavaScript the add form shows and the no-JavaScript sentence goes.
    await expect
      .poll(() => page.getByRole('button', { name: 'Add a passkey' }).isVisible())
      .toBe(true)
    expect(await page.getByText('Adding a passkey needs JavaScript').isVisible()).toBe(false)
    expect(await page.getByText('You have no passkeys yet.').isVisible()).toBe(true)

    await page.getByLabel('Name for the new passkey').fill('Test laptop')
    await pressAndWait(page, 'Add a passkey', /\/console\/account\?done=passkey-added$/)
    const main = page.locator('main')
    await expect.poll(() => main.innerText()).toContain('Passkey added.')
    expect(await page.getByRole('heading', { name: 'Test laptop' }).count()).toBe(1)
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
    expect(credentials).toHaveLength(1)
    expect(credentials[0]!.isResidentCredential).toBe(true)
    await screenshot(page, 'console-passkey-added')

    await pressAndWait(page, 'Sign out', /\/console\/sign-in$/)
    await expect
      .poll(() => page.getByRole('button', { name: 'Sign in with a passkey' }).isVisible())
      .toBe(true)
    await screenshot(page, 'console-sign-in-passkey')
    await pressAndWait(page, 'Sign in with a passkey', /\/console$/)
    expect(await page.locator('h1').innerText()).toBe('Now')
    expect(await page.locator('footer').innerText()).toContain(owner.email)

    // The account page now says when the passkey was last used, and its counter moved on.
    await page.goto(`${harness.url}/console/account`)
    const facts = await page.locator('li.passkey dl').innerText()
    expect(facts).not.toContain('Never')
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
    expect(after.credentials[0]!.signCount).toBeGreaterThan(credentials[0]!.signCount)

    expect(errors).toEqual([])
    await context.close()
  }, 90_000)

  it('without JavaScript the account page says passkeys need it, and shows no add button', async () => {
    const viewer = await harness.inviteMember('viewer')
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await harness.signInFromMail(page, viewer.email)
    await page.goto(`${harness.url}/console/account`)
    expect(await page.getByText('Adding a passkey needs JavaScript').isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Add a passkey' }).isVisible()).toBe(false)
    await page.goto(`${harness.url}/console/sign-in`)
    expect(await page.getByRole('button', { name: 'Sign in with a passkey' }).isVisible()).toBe(
      false,
    )
    await context.close()
  }, 60_000)
})
