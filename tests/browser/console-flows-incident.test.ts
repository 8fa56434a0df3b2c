import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectErrors, launchChromium, screenshot } from './browser'
import { adminApi } from './candor-api'
import {
  intakeDraft,
  mailWithSubject,
  memberEmail,
  pressAndWait,
  startConsole,
  subscribeConfirmed,
  type ConsoleHarness,
} from './console'

/**
 * An owner's incident work in Chromium, one step after another on one console: open an incident
 * from a template (preview, publish; the public page shows it, the subscriber's email arrives),
 * move its ETA with an update, publish a draft monitoring opened.
 */

let harness: ConsoleHarness
let browser: Browser
let context: BrowserContext | undefined
let page: Page
let errors: string[]
let componentId: string
let incidentId: string

const TITLE = 'No broadband in Leeds: fibre cut by roadworks'

beforeAll(async () => {
  ;[harness, browser] = await Promise.all([startConsole(), launchChromium()])
  const component = await adminApi(harness.candor, 'POST', '/api/v1/components', {
    name: 'Fibre broadband',
  })
  expect(component.status, component.text).toBe(201)
  componentId = component.json.id
}, 120_000)

/** Signs the owner in on `page`, once (expect.poll, which signing in uses, needs a test). */
async function signedIn() {
  if (page) return
  const owner = await harness.inviteMember('owner')
  context = await browser.newContext()
  page = await context.newPage()
  errors = await collectErrors(page)
  await harness.signInFromMail(page, owner.email)
}

afterAll(async () => {
  await browser?.close()
  await harness?.stop()
})

/** The incident as the admin API answers it. */
async function incident(id: string) {
  const answer = await adminApi(harness.candor, 'GET', `/api/v1/incidents/${id}`)
  expect(answer.status, answer.text).toBe(200)
  return answer.json
}

/** Waits until the public page at `path` (fetched fresh each time) holds `text`. */
async function publicPageShows(path: string, text: string) {
  let n = 0
  await expect
    .poll(
      async () => {
        await page.goto(`${harness.url}${path}${path.includes('?') ? '&' : '?'}fresh=${n++}`)
        return page.locator('main').innerText()
      },
      { timeout: 30_000, message: `${path} shows ${text}` },
    )
    .toContain(text)
}

describe('incident flows in the console', () => {
  it('opens an incident from a template: preview, publish, public page and subscriber email', async () => {
    await signedIn()
    const reader = memberEmail('reader')
    const readerContext = await browser.newContext()
    await subscribeConfirmed(harness, await readerContext.newPage(), reader, [componentId])
    await readerContext.close()

    const template = await adminApi(harness.candor, 'POST', '/api/v1/templates', {
      kind: 'incident',
      name: 'Fibre cut',
      title: TITLE,
      status: 'identified',
      impact: 'major',
      body: 'A contractor cut a fibre cable. Engineers are on their way to splice it.',
      components: { [componentId]: 'major_outage' },
    })
    expect(template.status, template.text).toBe(201)

    await page.goto(`${harness.url}/console/incidents/new`)
    await screenshot(page, 'flow-new-incident')
    await page.getByLabel('Template').selectOption({ label: 'Fibre cut' })
    await pressAndWait(page, 'Use template', /\/console\/incidents\/new\?template=/)
    expect(await page.locator('main').innerText()).toContain('Filled in from the template')
    expect(await page.getByLabel('Name').inputValue()).toBe(TITLE)
    expect(await page.getByLabel('Status').inputValue()).toBe('identified')
    expect(await page.getByLabel('Impact').inputValue()).toBe('major')
    expect(await page.getByLabel('Fibre broadband').inputValue()).toBe('major_outage')
    // A first ETA, for the next step to move.
    await page.getByLabel('ETA', { exact: true }).selectOption('1h')
    await screenshot(page, 'flow-new-incident-from-template')

    await pressAndWait(page, 'Preview', /\/console\/incidents\/preview$/)
    expect(await page.locator('h1').innerText()).toBe(`Preview: ${TITLE}`)
    expect(await page.locator('.preview-subject').innerText()).toContain(TITLE)
    expect(await page.locator('.preview-reach').innerText()).toBe('1 subscriber')
    await screenshot(page, 'flow-new-incident-preview')

    await pressAndWait(page, 'Publish', /\/console\/incidents\/[^/?]+\?done=opened$/)
    incidentId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
    expect(await page.locator('h1').innerText()).toBe(TITLE)
    expect(await page.locator('main').innerText()).toContain('Incident opened.')
    await screenshot(page, 'flow-incident-opened')
    const opened = await incident(incidentId)
    expect(opened).toMatchObject({ name: TITLE, status: 'identified', impact: 'major' })
    expect(opened.eta).toBeTruthy()

    await publicPageShows('/', TITLE)
    await screenshot(page, 'flow-public-page-incident')

    const email = await mailWithSubject(harness.mail, reader, TITLE)
    expect(email.text).toContain('Engineers are on their way')
    expect(errors).toEqual([])
  }, 120_000)

  it('an update moving the ETA shows the old and new ETA, on the console and the public page', async () => {
    expect(incidentId, 'the incident the first test opened').toBeTruthy()
    await signedIn()
    const before = await incident(incidentId)
    const oldEta: string = before.eta
    await page.goto(`${harness.url}/console/incidents/${incidentId}`)
    expect(await page.locator('ol.eta-history li').count()).toBe(1)

    await page.getByLabel('Message').fill('The splice takes longer than planned.')
    await page.getByLabel('ETA', { exact: true }).selectOption('4h')
    await page.getByLabel('Next update', { exact: true }).selectOption('1h')
    await screenshot(page, 'flow-update-form')
    await pressAndWait(page, 'Post update', /\?done=updated$/)
    expect(await page.locator('main').innerText()).toContain('Update posted.')

    const after = await incident(incidentId)
    const newEta: string = after.eta
    expect(newEta).not.toBe(oldEta)
    // "In 1 hour" then "In 4 hours": moved by about three hours.
    const moved = (Date.parse(newEta) - Date.parse(oldEta)) / 60_000
    expect(moved).toBeGreaterThan(170)
    expect(moved).toBeLessThan(190)

    const history = page.locator('ol.eta-history li')
    expect(await history.count()).toBe(2)
    expect(await history.nth(0).innerText()).toContain('ETA set to')
    expect(await history.nth(1).innerText()).toContain('ETA moved to')
    expect(await history.nth(0).locator(`time[datetime="${oldEta}"]`).count()).toBe(1)
    expect(await history.nth(1).locator(`time[datetime="${newEta}"]`).count()).toBe(1)
    await screenshot(page, 'flow-eta-moved')

    await publicPageShows(`/incidents/${incidentId}`, 'The splice takes longer than planned.')
    expect(await page.locator(`main time[datetime="${newEta}"]`).count()).toBeGreaterThan(0)
    expect(await page.locator(`main time[datetime="${oldEta}"]`).count()).toBeGreaterThan(0)
    await screenshot(page, 'flow-public-incident-eta-moved')
    expect(errors).toEqual([])
  }, 90_000)

  it("publishes monitoring's draft with the one-click Publish on Now", async () => {
    await signedIn()
    const title = 'No sync behind cabinet 14'
    const draftId = await intakeDraft(harness, {
      title,
      component: 'Fibre broadband',
      severity: 'major',
    })
    expect(await incident(draftId)).toMatchObject({ draft: true })

    await page.goto(`${harness.url}/console`)
    const drafts = page.locator('section[aria-labelledby="now-drafts"]')
    expect(await drafts.innerText()).toContain(title)
    await screenshot(page, 'flow-now-draft')
    await pressAndWait(page, `Publish ${title}`, /\/console\?done=published$/)
    expect(await page.locator('main').innerText()).toContain('Published:')
    expect(await drafts.count()).toBe(0)
    await screenshot(page, 'flow-now-published')
    expect(await incident(draftId)).toMatchObject({ draft: false })

    await publicPageShows('/', title)
    expect(errors).toEqual([])
  }, 90_000)
})
