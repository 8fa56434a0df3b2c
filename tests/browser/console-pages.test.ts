import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectErrors, launchChromium, screenshot } from './browser'
import { adminApi, inMinutes } from './candor-api'
import { scrollsSideways, seriousAxeViolations, startConsole, type ConsoleHarness } from './console'

/**
 * Every console screen as an owner sees it at 375 px in Chromium: no sideways scroll, no
 * serious or critical axe violations, no console errors or policy violations, a screenshot of
 * each. Every screen is built: one that answers 404 fails. Then the pages under them — an
 * incident, the new-incident form, a maintenance, a member — the same way.
 */

/**
 * The navigation's screens, from the console's own list. Imported by a specifier tsc does not
 * follow: the worker's sources need the Workers types, which this Node project does not load.
 */
const NAV_MODULE: string = '../../src/views/console/nav'
const { CONSOLE_NAV } = (await import(NAV_MODULE)) as {
  CONSOLE_NAV: readonly { key: string; href: string; label: string; role: string }[]
}

let harness: ConsoleHarness
let browser: Browser

beforeAll(async () => {
  ;[harness, browser] = await Promise.all([startConsole(), launchChromium()])
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await harness?.stop()
})

describe('the console in Chromium', () => {
  it('every screen of the navigation at 375 px, signed in as an owner', async () => {
    const owner = await harness.inviteMember('owner')
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } })
    const page = await context.newPage()
    const errors = await collectErrors(page)
    await harness.signInFromMail(page, owner.email)

    for (const entry of CONSOLE_NAV) {
      const res = await page.goto(harness.url + entry.href)
      expect([entry.href, res?.status()]).toEqual([entry.href, 200])
      expect(await page.locator('[aria-current="page"]').innerText(), entry.href).toBe(entry.label)
      expect(await scrollsSideways(page), `${entry.href} scrolls sideways`).toBe(false)
      expect(await seriousAxeViolations(page), entry.href).toEqual([])
      await screenshot(page, `console-${entry.key}`)
    }
    expect(errors).toEqual([])
    await context.close()
  }, 120_000)

  it('an incident, the new-incident form, a maintenance and a member at 375 px', async () => {
    const { candor } = harness
    const component = await adminApi(candor, 'POST', '/api/v1/components', {
      name: 'Fibre broadband',
    })
    expect(component.status, component.text).toBe(201)
    const incident = await adminApi(candor, 'POST', '/api/v1/incidents', {
      name: 'No broadband in M14 after a cable cut by roadworks on Wilmslow Road',
      status: 'identified',
      impact: 'major',
      body: 'Engineers are on site splicing the cable.',
      components: { [component.json.id]: 'major_outage' },
      eta: inMinutes(240),
      next_update_at: inMinutes(60),
      workaround: 'Use mobile data; ask us for a MiFi.',
    })
    expect(incident.status, incident.text).toBe(201)
    await adminApi(candor, 'POST', `/api/v1/incidents/${incident.json.id}/updates`, {
      body: 'The splice takes longer than planned.',
      eta: inMinutes(480),
      next_update_at: inMinutes(90),
    })
    const maintenance = await adminApi(candor, 'POST', '/api/v1/maintenances', {
      name: 'Mast upgrade in Hulme',
      body: 'Planned work on the mast; mobile data may drop for a few minutes.',
      scheduled_for: inMinutes(24 * 60),
      scheduled_until: inMinutes(26 * 60),
      component_ids: [component.json.id],
    })
    expect(maintenance.status, maintenance.text).toBe(201)
    const [owner, editor] = [
      await harness.inviteMember('owner'),
      await harness.inviteMember('editor'),
    ]

    const context = await browser.newContext({ viewport: { width: 375, height: 812 } })
    const page = await context.newPage()
    const errors = await collectErrors(page)
    await harness.signInFromMail(page, owner.email)
    for (const [path, name, heading] of [
      [`/console/incidents/${incident.json.id}`, 'incident', incident.json.name],
      ['/console/incidents/new', 'incident-new', 'New incident'],
      [`/console/maintenance/${maintenance.json.id}`, 'maintenance-page', 'Mast upgrade in Hulme'],
      [`/console/members/${editor.id}`, 'member', undefined],
    ] as const) {
      const res = await page.goto(harness.url + path)
      expect([path, res?.status()]).toEqual([path, 200])
      if (heading) expect(await page.locator('h1').innerText(), path).toBe(heading)
      else expect(await page.locator('main').innerText(), path).toContain(editor.email)
      expect(await scrollsSideways(page), `${path} scrolls sideways`).toBe(false)
      expect(await seriousAxeViolations(page), path).toEqual([])
      await screenshot(page, `console-${name}`)
    }
    expect(errors).toEqual([])
    await context.close()
  }, 120_000)

  it('the sign-in page at 375 px: no sideways scroll, no serious axe violations', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } })
    const page = await context.newPage()
    const errors = await collectErrors(page)
    await page.goto(`${harness.url}/console/sign-in`)
    expect(await scrollsSideways(page)).toBe(false)
    expect(await seriousAxeViolations(page)).toEqual([])
    await screenshot(page, 'console-sign-in')
    expect(errors).toEqual([])
    await context.close()
  })

  it('signing in from the mail with JavaScript off lands on the console', async () => {
    const editor = await harness.inviteMember('editor')
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await harness.signInFromMail(page, editor.email)
    expect(new URL(page.url()).pathname).toBe('/console')
    expect(await page.locator('h1').innerText()).toBe('Now')
    expect(await page.locator('footer').innerText()).toContain(editor.email)
    await context.close()
  }, 60_000)
})
