import type { Browser, BrowserContextOptions } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCandor, type RunningCandor } from '../e2e/wrangler-dev'
import { launchChromium, screenshot } from './browser'
import { adminApi, inMinutes } from './candor-api'

/**
 * Whose clock a reader sees: a page set to Europe/London prints London times; the page's
 * script rewrites them into the browser's own zone (Tokyo, Berlin), and with scripts blocked
 * the London text stays.
 */

let candor: RunningCandor
let browser: Browser
let incidentId: string

beforeAll(async () => {
  ;[candor, browser] = await Promise.all([startCandor(), launchChromium()])
  await adminApi(candor, 'PATCH', '/api/v1/page', { time_zone: 'Europe/London' })
  const incident = await adminApi(candor, 'POST', '/api/v1/incidents', {
    name: 'Slow card payments',
    status: 'investigating',
    impact: 'minor',
    body: 'Card payments take up to a minute.',
    next_update_at: inMinutes(40),
  })
  incidentId = incident.json.id
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await candor?.stop()
})

async function timesSeen(options: BrowserContextOptions, shot: string) {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  await page.goto(`${candor.url}/incidents/${incidentId}`)
  const times = await page.locator('time[data-local]').evaluateAll((nodes) =>
    nodes.map((n) => ({
      text: n.textContent ?? '',
      title: (n as HTMLElement).title,
      ago: n.nextElementSibling?.classList.contains('ago')
        ? n.nextElementSibling.textContent
        : null,
    })),
  )
  await screenshot(page, shot)
  await context.close()
  expect(times.length).toBeGreaterThan(1)
  return times
}

describe('times for a reader’s own zone', () => {
  it('a reader in Tokyo sees JST, with the London text as the tooltip and how far away it is', async () => {
    const times = await timesSeen({ timezoneId: 'Asia/Tokyo', locale: 'ja-JP' }, 'zone-tokyo')
    for (const t of times) {
      expect(t.text).toMatch(/ JST$/)
      expect(t.title).toMatch(/ (GMT|BST)$/)
      expect(t.ago).toMatch(/^ \(.+\)$/)
    }
  })

  it('a reader in Berlin sees CET (CEST in summer), as German says it', async () => {
    const times = await timesSeen({ timezoneId: 'Europe/Berlin', locale: 'de-DE' }, 'zone-berlin')
    // The browser asks for German, so the page and its script speak German: MEZ (MESZ).
    for (const t of times) expect(t.text).toMatch(/^\p{L}{2}\., \d{1,2}\. .+ MES?Z$/u)
  })

  it('with scripts blocked, every time is still complete, on the page’s London clock', async () => {
    const times = await timesSeen(
      { timezoneId: 'Asia/Tokyo', javaScriptEnabled: false },
      'zone-no-script',
    )
    for (const t of times) {
      expect(t.text).toMatch(/^\w{3} \d{1,2} \w{3}, \d{2}:\d{2} (GMT|BST)$/)
      expect(t.ago).toBeNull()
    }
  })
})
