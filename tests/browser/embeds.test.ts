import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCandor, type RunningCandor } from '../e2e/wrangler-dev'
import { collectErrors, launchChromium, screenshot } from './browser'
import { adminApi, inMinutes } from './candor-api'

/**
 * The widget, the iframe embed and the badge on a plain page served from another origin (another
 * port), in a real Chromium.
 */

let candor: RunningCandor
let browser: Browser
let host: Server
let hostUrl: string

/** A shop's page with Candor's snippets, pointed at `candorUrl`. */
function hostPage(candorUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Example shop</title>
<style>body{font-family:serif;color:red} a{color:lime} div{border:5px solid blue}</style></head>
<body>
  <h1>Example shop</h1>
  <p>Our status: <script src="${candorUrl}/widget.js" async></script></p>
  <iframe src="${candorUrl}/embed" title="Service status" width="420" height="130"></iframe>
  <p><img id="badge" src="${candorUrl}/badge.svg" alt="Service status badge"></p>
</body></html>`
}

/**
 * A shop whose own policy is strict: it allows Candor's origin for the widget script, its data,
 * the iframe and the badge, and no inline style at all (see docs/security.md).
 */
function strictHostPolicy(candorUrl: string): string {
  return [
    "default-src 'none'",
    `script-src ${candorUrl}`,
    `connect-src ${candorUrl}`,
    `frame-src ${candorUrl}`,
    `img-src ${candorUrl}`,
  ].join('; ')
}

function strictHostPage(candorUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict shop</title></head>
<body>
  <h1>Strict shop</h1>
  <p>Our status: <script src="${candorUrl}/widget.js" async></script></p>
  <iframe src="${candorUrl}/embed" title="Service status" width="420" height="130"></iframe>
  <p><img id="badge" src="${candorUrl}/badge.svg" alt="Service status badge"></p>
</body></html>`
}

beforeAll(async () => {
  ;[candor, browser] = await Promise.all([startCandor(), launchChromium()])
  host = createServer((req, res) => {
    if (req.url === '/strict') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': strictHostPolicy(candor.url),
      })
      return res.end(strictHostPage(candor.url))
    }
    if (req.url === '/refused-inline-script') {
      // A page that breaks its own policy: shows that collectErrors reports violations.
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "script-src 'none'",
      })
      return res.end('<!doctype html><title>x</title><script>document.title = "ran"</script>')
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(hostPage(candor.url))
  })
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r))
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await candor?.stop()
  await new Promise((r) => host?.close(r))
})

describe('embeds on another site', () => {
  it('the widget shows the live status, then the new incident when it refreshes', async () => {
    await adminApi(candor, 'POST', '/api/v1/components', { name: 'Checkout' })
    const page = await browser.newPage()
    const errors = await collectErrors(page)
    await page.clock.install()
    await page.goto(hostUrl + '/')
    const widget = page.locator('candor-status [role="status"]')
    await expect
      .poll(() => widget.innerText(), { timeout: 15_000 })
      .toContain('All Systems Operational')
    await screenshot(page, 'widget-operational')

    const component = (await adminApi(candor, 'GET', '/api/v1/components')).json[0]
    const incident = await adminApi(candor, 'POST', '/api/v1/incidents', {
      name: 'Checkout is failing',
      status: 'investigating',
      impact: 'major',
      body: 'Payments fail for some cards.',
      components: { [component.id]: 'partial_outage' },
      eta: inMinutes(120),
      next_update_at: inMinutes(30),
    })
    expect(incident.status).toBe(201)
    // The widget's own timer: a minute later it asks again.
    await page.clock.fastForward(61_000)
    await expect
      .poll(() => widget.innerText(), { timeout: 15_000 })
      .toContain('Checkout is failing')
    const text = await widget.innerText()
    expect(text).toMatch(/ETA/)
    expect(text).toMatch(/Next update by/)
    expect(await widget.locator('a').getAttribute('href')).toBe(
      `${candor.url}/incidents/${incident.json.id}`,
    )
    // The host page's styles do not reach into the widget.
    const colour = await widget.evaluate((el) => getComputedStyle(el).color)
    expect(colour).not.toBe('rgb(255, 0, 0)')
    await screenshot(page, 'widget-incident')

    // The iframe embed shows the same, framed by another origin, once it reloads (it refreshes
    // itself every minute; here the host page loads it again, past the 10 s browser cache).
    await page
      .locator('iframe')
      .evaluate((f: HTMLIFrameElement) => (f.src = `${f.src.split('?')[0]}?theme=light`))
    const frame = page.frameLocator('iframe')
    await expect
      .poll(() => frame.locator('main').innerText(), { timeout: 15_000 })
      .toContain('Checkout is failing')

    // The badge renders as an image.
    const badge = await page.locator('#badge').evaluate((img: HTMLImageElement) => ({
      complete: img.complete,
      width: img.naturalWidth,
    }))
    expect(badge.complete).toBe(true)
    expect(badge.width).toBeGreaterThan(50)
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)

  it('the widget and the embed speak the reader’s browser language; Arabic runs right to left', async () => {
    for (const [locale, lang, dir, german] of [
      ['de-DE', 'de', 'ltr', /Nächstes Update bis|Alle Systeme betriebsbereit/],
      ['ar-EG', 'ar', 'rtl', /التحديث التالي بحلول|جميع الأنظمة تعمل/],
    ] as const) {
      const context = await browser.newContext({ locale })
      const page = await context.newPage()
      const errors = await collectErrors(page)
      await page.goto(hostUrl + '/')
      const widget = page.locator('candor-status [role="status"]')
      await expect.poll(() => widget.innerText(), { timeout: 15_000 }).toMatch(german)
      expect(
        await widget.evaluate((el) => [el.getAttribute('lang'), el.getAttribute('dir')]),
      ).toEqual([lang, dir])
      expect(await widget.innerText()).not.toMatch(/Next update by|All Systems Operational|ETA/)
      const frame = page.frameLocator('iframe')
      await expect
        .poll(() => frame.locator('main').innerText(), { timeout: 15_000 })
        .toMatch(german)
      expect(await frame.locator('html').getAttribute('dir')).toBe(dir)
      await screenshot(page, `widget-${lang}`)
      expect(errors).toEqual([])
      await context.close()
    }
  }, 60_000)

  it('a policy violation is reported by the error collector', async () => {
    const page = await browser.newPage()
    const errors = await collectErrors(page)
    await page.goto(hostUrl + '/refused-inline-script')
    expect(await page.title()).toBe('x')
    await expect.poll(() => errors.some((e) => /^CSP violation: script-src/.test(e))).toBe(true)
    await page.close()
  })

  it('widget, embed and badge work on a site with a strict policy, with no violation', async () => {
    const page = await browser.newPage()
    const errors = await collectErrors(page)
    const res = await page.goto(hostUrl + '/strict')
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'")
    const widget = page.locator('candor-status [role="status"]')
    await expect.poll(() => widget.innerText(), { timeout: 15_000 }).toMatch(/\S/)
    // Styled by its own sheet, which the host's policy does not need to allow.
    const look = await widget.evaluate((el) => ({
      display: getComputedStyle(el).display,
      radius: getComputedStyle(el).borderTopLeftRadius,
    }))
    // Rounded: a pill (999px), or a banner (10px) while an incident is open.
    expect(look).toEqual({ display: 'inline-flex', radius: expect.stringMatching(/^(999|10)px$/) })
    const frame = page.frameLocator('iframe')
    await expect.poll(() => frame.locator('main').innerText(), { timeout: 15_000 }).toMatch(/\S/)
    // The embed's own policy lets its hashed style apply: the status dot has its size.
    const dot = await frame.locator('.dot').evaluate((el) => getComputedStyle(el).width)
    expect(dot).toBe('10px')
    // The embed's script (/local-time.js, ours) ran: times carry their UTC text as a tooltip.
    const titles = await frame
      .locator('time[data-local]')
      .evaluateAll((times) => times.map((t) => t.getAttribute('title')))
    expect(titles.length).toBeGreaterThan(0)
    for (const title of titles) expect(title).toMatch(/UTC$/)
    await expect
      .poll(() => page.locator('#badge').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(50)
    await screenshot(page, 'embeds-strict-host')
    expect(errors).toEqual([])
    await page.close()
  })

  it('the widget shows nothing, and breaks nothing, when Candor cannot be reached', async () => {
    const page = await browser.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    // The script loads, but Candor answers nothing after that.
    await page.route('**/widget-text.json*', (route) => route.abort('connectionrefused'))
    await page.goto(hostUrl + '/')
    await page.waitForTimeout(1500)
    const widget = page.locator('candor-status [role="status"]')
    expect(await widget.count()).toBe(1)
    expect(await widget.isVisible()).toBe(false)
    expect(await page.locator('h1').innerText()).toBe('Example shop')
    expect(pageErrors).toEqual([])
    await screenshot(page, 'widget-unreachable')
    await page.close()
  })

  it('the widget backs off while Candor is unreachable, and pauses in hidden tabs', async () => {
    const page = await browser.newPage()
    let asked = 0
    let reachable = false
    await page.route('**/widget-text.json*', (route) => {
      asked++
      return reachable ? route.continue() : route.abort('connectionrefused')
    })
    await page.clock.install()
    await page.goto(hostUrl + '/')
    await expect.poll(() => asked, { timeout: 10_000 }).toBe(1)
    // After a failure it waits two minutes, then four: not every minute.
    await page.clock.fastForward(61_000)
    await page.waitForTimeout(300)
    expect(asked).toBe(1)
    await page.clock.fastForward(60_000)
    await expect.poll(() => asked, { timeout: 10_000 }).toBe(2)
    await page.clock.fastForward(121_000)
    await page.waitForTimeout(300)
    expect(asked).toBe(2)
    await page.clock.fastForward(120_000)
    await expect.poll(() => asked, { timeout: 10_000 }).toBe(3)

    // Reachable again, then the tab is hidden: no more requests until it is shown.
    reachable = true
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => h })
        document.dispatchEvent(new Event('visibilitychange'))
      }, hidden)
    await setHidden(true)
    await page.clock.fastForward(20 * 60_000)
    await page.waitForTimeout(300)
    expect(asked).toBe(3)
    await setHidden(false)
    await expect.poll(() => asked, { timeout: 10_000 }).toBe(4)
    const widget = page.locator('candor-status [role="status"]')
    await expect.poll(() => widget.isVisible(), { timeout: 10_000 }).toBe(true)
    await page.close()
  })

  it('the widget follows the reader’s dark preference', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' })
    const page = await context.newPage()
    await page.goto(hostUrl + '/')
    const widget = page.locator('candor-status [role="status"]')
    await expect.poll(() => widget.getAttribute('class'), { timeout: 15_000 }).toContain('dark')
    const background = await widget.evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(background).toBe('rgb(22, 27, 34)')
    await screenshot(page, 'widget-dark')
    await context.close()
  })

  it('the badge is a readable SVG on its own', async () => {
    const page = await browser.newPage()
    const res = await page.goto(candor.url + '/badge.svg')
    expect(res?.headers()['content-type']).toBe('image/svg+xml; charset=utf-8')
    const label = await page.locator('svg').getAttribute('aria-label')
    expect(label).toMatch(/^Candor: /)
    await screenshot(page, 'badge', { fullPage: false })
    await page.close()
  })
})
