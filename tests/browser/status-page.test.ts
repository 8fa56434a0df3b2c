import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCandor, type RunningCandor } from '../e2e/wrangler-dev'
import { collectErrors, launchChromium, screenshot } from './browser'
import { adminApi, inMinutes } from './candor-api'
import { postCableCut } from './cable-cut'

/** The status page as a person sees it, in a real Chromium, with an open incident. */

let candor: RunningCandor
let browser: Browser
let incidentId: string

beforeAll(async () => {
  ;[candor, browser] = await Promise.all([startCandor(), launchChromium()])
  const fibre = await adminApi(candor, 'POST', '/api/v1/components', {
    name: 'Fibre broadband',
    group_name: 'Home broadband',
  })
  await adminApi(candor, 'POST', '/api/v1/components', { name: 'Mobile data' })
  incidentId = await postCableCut(candor, fibre.json.id)
  await adminApi(candor, 'POST', '/api/v1/maintenances', {
    name: 'Mast upgrade',
    body: 'Planned work on the mast.',
    scheduled_for: inMinutes(24 * 60),
    scheduled_until: inMinutes(26 * 60),
    component_ids: [],
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await candor?.stop()
})

const axeSource = () =>
  readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

describe('the status page in Chromium', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`at 375 px (${scheme}): no console errors, no sideways scroll, no serious axe violations`, async () => {
      const context = await browser.newContext({
        viewport: { width: 375, height: 812 },
        colorScheme: scheme,
      })
      const page = await context.newPage()
      const errors = await collectErrors(page)
      for (const path of ['/', `/incidents/${incidentId}`, '/history', '/subscribe']) {
        const res = await page.goto(candor.url + path)
        expect(res?.status(), path).toBe(200)
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }))
        expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(clientWidth)
        // Evaluated, not added as a <script>: the page's policy refuses inline scripts it does not list.
        await page.evaluate(await axeSource())
        const violations = await page.evaluate(async () => {
          const result = await (window as any).axe.run(document, {
            resultTypes: ['violations'],
          })
          return result.violations
            .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
            .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)
        })
        expect(violations, `${path} (${scheme})`).toEqual([])
        await screenshot(page, `page${path.replace(/\//g, '_') || '_'}-${scheme}`)
      }
      expect(errors).toEqual([])
      await context.close()
    }, 60_000)
  }

  it('shows the incident with its stage, ETA moves, next update and workaround', async () => {
    const page = await browser.newPage()
    await page.goto(candor.url + '/')
    const text = await page.locator('main').innerText()
    expect(text).toContain('No broadband in M14')
    expect(text).toMatch(/ETA moved 1 time: /)
    expect(text).toMatch(/next update by/i)
    expect(text).toContain('Use mobile data; ask us for a MiFi.')
    expect(text).toContain('Mast upgrade')
    await page.close()
  })

  it('draws the daily bars in a few elements and tells their days in words on tap or Enter', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      hasTouch: true,
    })
    const page = await context.newPage()
    await page.goto(candor.url + '/')
    const bars = page.locator('li.component', { hasText: 'Fibre broadband' }).locator('.bars')
    // The drawing: 90 bars wide, drawn by a handful of paths, hidden from assistive technology.
    const drawing = await bars.locator('svg').evaluate((svg) => ({
      hidden: svg.getAttribute('aria-hidden'),
      elements: svg.querySelectorAll('*').length,
      paths: svg.querySelectorAll('path').length,
      width: svg.getBoundingClientRect().width,
      dashes: getComputedStyle(svg.querySelector('path')!).strokeDasharray,
    }))
    expect(drawing.hidden).toBe('true')
    expect(drawing.paths).toBeLessThanOrEqual(6)
    expect(drawing.elements).toBeLessThanOrEqual(12)
    expect(drawing.width).toBeGreaterThan(300)
    expect(drawing.dashes).toMatch(/^3(px)?,? 1(px)?$/)
    // Today's major outage in words: closed at first, open on a tap, closed again by Enter.
    const summary = bars.locator('summary')
    const listing = bars.locator('details li', { hasText: 'Major outage:' })
    expect(await listing.isVisible()).toBe(false)
    await summary.tap()
    expect(await listing.isVisible()).toBe(true)
    await summary.focus()
    await page.keyboard.press('Enter')
    expect(await listing.isVisible()).toBe(false)
    // The words are in the accessibility tree once open, under the summary's name.
    await summary.click()
    const snapshot = await bars.locator('.bars-legend').ariaSnapshot()
    expect(snapshot).toMatch(/1 day with problems in the last (day|\d+ days)/)
    expect(snapshot).toMatch(/Major outage: \d{1,2} \w{3,4}/)
    await screenshot(page, 'page-bars-open', { fullPage: false })
    await context.close()
  })

  it('the local time script, from our origin, runs: times are shown in the reader’s zone', async () => {
    const context = await browser.newContext({ timezoneId: 'Asia/Tokyo' })
    const page = await context.newPage()
    const errors = await collectErrors(page)
    await page.goto(candor.url + `/incidents/${incidentId}`)
    const times = await page
      .locator('time[data-local]')
      .evaluateAll((all) =>
        all.map((t) => ({ title: t.getAttribute('title'), text: t.textContent })),
      )
    expect(times.length).toBeGreaterThan(0)
    for (const time of times) {
      expect(time.title).toMatch(/UTC$/)
      expect(time.text).not.toMatch(/UTC$/)
    }
    expect(errors).toEqual([])
    await context.close()
  })

  it('the 404 and error pages show under the policy', async () => {
    const page = await browser.newPage()
    const errors = await collectErrors(page)
    for (const path of ['/no/such/page', '/incidents/nosuchincident']) {
      const res = await page.goto(candor.url + path)
      expect(res?.status(), path).toBe(404)
      expect(res?.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'")
      expect(await page.locator('h1').innerText(), path).toBe('Page not found')
      expect(await page.title(), path).toMatch(/^404 · /)
      // Styled by /style.css, not by an inline style the policy would refuse.
      const maxWidth = await page.locator('main').evaluate((m) => getComputedStyle(m).maxWidth)
      expect(maxWidth, path).not.toBe('none')
    }
    // Chromium reports the 404 status itself as a console error; nothing else may appear.
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([])
    await page.close()
  })

  it('follows the reader’s dark preference', async () => {
    const background = async (scheme: 'light' | 'dark') => {
      const context = await browser.newContext({ colorScheme: scheme })
      const page = await context.newPage()
      await page.goto(candor.url + '/')
      const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      await context.close()
      return colour
    }
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number)
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    expect(luminance(await background('dark'))).toBeLessThan(80)
    expect(luminance(await background('light'))).toBeGreaterThan(180)
  })
})
