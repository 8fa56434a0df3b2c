import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCandor, type RunningCandor } from '../e2e/wrangler-dev'
import { collectErrors, launchChromium, screenshot } from './browser'
import { adminApi, inMinutes } from './candor-api'
import { postCableCut } from './cable-cut'

/**
 * The pages in Arabic, right to left, on a phone: the layout mirrors without sideways scroll,
 * nothing serious for axe, and the overdue wording keeps counting in Arabic.
 */

let candor: RunningCandor
let browser: Browser
let incidentId: string
let overdueId: string

beforeAll(async () => {
  ;[candor, browser] = await Promise.all([startCandor(), launchChromium()])
  const fibre = await adminApi(candor, 'POST', '/api/v1/components', {
    name: 'Fibre broadband',
    group_name: 'Home broadband',
    showcase: true,
  })
  incidentId = await postCableCut(candor, fibre.json.id)
  // A promise due in a few seconds: the API takes no past one, so this one is let lapse.
  const overdue = await adminApi(candor, 'POST', '/api/v1/incidents', {
    name: 'Slow card payments',
    status: 'investigating',
    impact: 'minor',
    body: 'Card payments take up to a minute.',
    next_update_at: inMinutes(0.1),
  })
  overdueId = overdue.json.id
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await candor?.stop()
})

const axeSource = () =>
  readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** The page's serious and critical axe violations, as `rule: selectors` lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the page's policy refuses inline scripts it does not list.
  await page.evaluate(await axeSource())
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)
  })
}

describe('Arabic, right to left, at 375 px', () => {
  it('the status page and an incident page mirror, fit and pass axe', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } })
    const page = await context.newPage()
    const errors = await collectErrors(page)
    for (const [path, shot] of [
      ['/?lang=ar', 'rtl-status'],
      [`/incidents/${incidentId}?lang=ar`, 'rtl-incident'],
    ] as const) {
      const res = await page.goto(candor.url + path)
      expect(res?.status(), path).toBe(200)
      const layout = await page.evaluate(() => ({
        dir: document.documentElement.dir,
        lang: document.documentElement.lang,
        scrollWidth: document.documentElement.scrollWidth,
        // Mirrored: the brand starts at the right edge, the switcher's label before its select.
        brandRight: document.querySelector('.brand')!.getBoundingClientRect().right,
        brandLeft: document.querySelector('.brand')!.getBoundingClientRect().left,
      }))
      expect(layout.dir, path).toBe('rtl')
      expect(layout.lang, path).toBe('ar')
      expect(layout.scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(375)
      expect(375 - layout.brandRight, path).toBeLessThan(layout.brandLeft)
      expect(await page.locator('main').innerText()).not.toMatch(/Current incidents|ETA history/)
      expect(await seriousViolations(page), path).toEqual([])
      await screenshot(page, shot)
    }
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('the overdue wording keeps counting, in Arabic', async () => {
    // Wait (by asking, not by sleeping a fixed time) until the page says the promise lapsed.
    const path = `/incidents/${overdueId}?lang=ar`
    for (let i = 0; i < 60; i++) {
      const html = await (await fetch(candor.url + path)).text()
      if (html.includes('data-overdue=')) break
      await new Promise((r) => setTimeout(r, 500))
    }
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } })
    await context.clock.install()
    const page = await context.newPage()
    await page.goto(candor.url + path)
    const overdue = page.locator('[data-overdue]')
    expect(await overdue.getAttribute('data-words')).toBe('التحديث متأخر بمقدار {span}')
    await page.clock.runFor(13 * 60_000)
    expect(await overdue.innerText()).toMatch(/^التحديث متأخر بمقدار [0-9٠-٩]{2}/)
    await screenshot(page, 'rtl-overdue-ticking')
    await context.close()
  }, 60_000)
})
