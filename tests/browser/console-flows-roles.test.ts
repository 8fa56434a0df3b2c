import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectErrors, launchChromium, screenshot } from './browser'
import { adminApi, inMinutes } from './candor-api'
import { csrfOf, intakeDraft, pressAndWait, startConsole, type ConsoleHarness } from './console'

/**
 * Who may do what, in Chromium: a viewer sees incidents and drafts with no way to write, and a
 * write forged from their page is refused; and an editor's whole incident flow with JavaScript
 * switched off.
 */

let harness: ConsoleHarness
let browser: Browser
let componentId: string

beforeAll(async () => {
  ;[harness, browser] = await Promise.all([startConsole(), launchChromium()])
  const component = await adminApi(harness.candor, 'POST', '/api/v1/components', {
    name: 'Mobile data',
  })
  expect(component.status, component.text).toBe(201)
  componentId = component.json.id
  const template = await adminApi(harness.candor, 'POST', '/api/v1/templates', {
    kind: 'incident',
    name: 'Mast down',
    title: 'No mobile data around the Hulme mast',
    status: 'investigating',
    impact: 'minor',
    body: 'The mast stopped carrying data; we are looking into it.',
    components: { [componentId]: 'partial_outage' },
  })
  expect(template.status, template.text).toBe(201)
}, 120_000)

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

describe('roles and no-JavaScript in the console', () => {
  it('a viewer sees Now and an incident with no update form or buttons; a forged post is refused', async () => {
    const opened = await adminApi(harness.candor, 'POST', '/api/v1/incidents', {
      name: 'Slow mobile data in Salford',
      status: 'investigating',
      impact: 'minor',
      body: 'Pages load slowly on mobile data.',
      components: { [componentId]: 'degraded_performance' },
      next_update_at: inMinutes(60),
    })
    expect(opened.status, opened.text).toBe(201)
    const id: string = opened.json.id
    const draftTitle = 'Mast alarm in Eccles'
    const draftId = await intakeDraft(harness, { title: draftTitle, component: 'Mobile data' })
    const updatesBefore = (await incident(id)).incident_updates.length

    const viewer = await harness.inviteMember('viewer')
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors = await collectErrors(page)
    await harness.signInFromMail(page, viewer.email)

    // Now: the open incident and the draft, and no button at all in its content.
    const main = page.locator('main')
    expect(await main.innerText()).toContain('Slow mobile data in Salford')
    expect(await main.innerText()).toContain(draftTitle)
    expect(await main.getByRole('button').count()).toBe(0)
    await screenshot(page, 'flow-viewer-now')

    for (const [path, name] of [
      [`/console/incidents/${id}`, 'viewer-incident'],
      [`/console/incidents/${draftId}`, 'viewer-draft'],
    ] as const) {
      const res = await page.goto(harness.url + path)
      expect(res?.status(), path).toBe(200)
      expect(await page.getByRole('heading', { name: 'Post an update' }).count()).toBe(0)
      expect(await page.locator(`form[action$="/updates"]`).count()).toBe(0)
      expect(await page.getByRole('button', { name: /^(Publish|Reopen)/ }).count()).toBe(0)
      expect(await page.getByRole('heading', { name: 'ETA history' }).count()).toBe(1)
      await screenshot(page, `flow-${name}`)
    }

    // A write forged from the viewer's own page, with their form token: refused by role.
    await page.goto(`${harness.url}/console/incidents/${id}`)
    const csrf = await csrfOf(page)
    const forged = async (path: string, fields: Record<string, string>) =>
      page.evaluate(
        async ([path, body]) => {
          const res = await fetch(path, { method: 'POST', body: new URLSearchParams(body) })
          return { status: res.status, text: await res.text() }
        },
        [path, { csrf, ...fields }] as const,
      )
    const update = await forged(`/console/incidents/${id}/updates`, {
      status: 'identified',
      body: 'Forged by a viewer.',
      eta: 'keep',
      next_update_at: '1h',
      notify: 'on',
    })
    expect(update.status).toBe(403)
    expect(update.text).toContain('Your role does not allow this')
    const publish = await forged(`/console/incidents/${draftId}/publish`, { back: 'now' })
    expect(publish.status).toBe(403)

    const after = await incident(id)
    expect(after.incident_updates).toHaveLength(updatesBefore)
    expect(after.status).toBe('investigating')
    expect(JSON.stringify(after.incident_updates)).not.toContain('Forged by a viewer.')
    expect(await incident(draftId)).toMatchObject({ draft: true })
    // Chromium logs the refused fetches (403) itself; nothing else may appear.
    expect(errors.filter((e) => !/status of 403/.test(e))).toEqual([])
    await context.close()
  }, 120_000)

  it('with JavaScript off: sign in, a draft from a template, publish it, post an update', async () => {
    const editor = await harness.inviteMember('editor')
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const errors = await collectErrors(page)
    await harness.signInFromMail(page, editor.email)
    expect(await page.locator('h1').innerText()).toBe('Now')

    await page.goto(`${harness.url}/console/incidents/new`)
    await page.getByLabel('Template').selectOption({ label: 'Mast down' })
    await pressAndWait(page, 'Use template', /\/console\/incidents\/new\?template=/)
    const title = 'No mobile data around the Hulme mast'
    expect(await page.getByLabel('Name').inputValue()).toBe(title)
    expect(await page.getByLabel('Mobile data').inputValue()).toBe('partial_outage')
    await page.getByLabel('Post as draft').check()
    await screenshot(page, 'flow-nojs-new-incident')

    await pressAndWait(page, 'Preview', /\/console\/incidents\/preview$/)
    expect(await page.locator('main').innerText()).toContain('Nobody will be told')
    await screenshot(page, 'flow-nojs-preview')
    await pressAndWait(page, 'Save draft', /\/console\/incidents\/[^/?]+\?done=draft$/)
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
    expect(await incident(id)).toMatchObject({ name: title, draft: true })
    expect(await page.locator('main').innerText()).toContain('Saved as a draft')

    await pressAndWait(page, `Publish ${title}`, /\?done=published$/)
    expect(await page.locator('main').innerText()).toContain('Published:')
    expect(await incident(id)).toMatchObject({ draft: false })
    await screenshot(page, 'flow-nojs-published')

    await page.getByLabel('Message').fill('Engineers are at the mast.')
    await page.getByLabel('Status').selectOption('identified')
    await page.getByLabel('Next update', { exact: true }).selectOption('30m')
    await pressAndWait(page, 'Post update', /\?done=updated$/)
    expect(await page.locator('main').innerText()).toContain('Update posted.')
    const after = await incident(id)
    expect(after.status).toBe('identified')
    expect(JSON.stringify(after.incident_updates)).toContain('Engineers are at the mast.')
    await screenshot(page, 'flow-nojs-updated')
    expect(errors).toEqual([])
    await context.close()
  }, 120_000)
})
