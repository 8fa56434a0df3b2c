import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Where screenshots go: test artifacts, ignored by git. */
export const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results/browser')

/** Debian's Chromium, headless, with nothing that reaches the network by itself. */
export async function launchChromium(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true })
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * Console errors, uncaught page errors and Content-Security-Policy violations (the
 * `securitypolicyviolation` event, in the page and in every frame), collected for a page from
 * now on. Chromium also logs each refusal as a console error; the event names the directive.
 */
export async function collectErrors(page: Page): Promise<string[]> {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.exposeBinding('__candorReportViolation', (_source, text: string) => {
    errors.push(`CSP violation: ${text}`)
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __candorReportViolation(text: string): void })
        .__candorReportViolation
      report(
        `${event.effectiveDirective} refused ${event.blockedURI || 'inline'} in ${event.documentURI}`,
      )
    })
  })
  return errors
}

/** Saves a screenshot (the full page unless told otherwise) as test-results/browser/<name>.png. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  await page.screenshot({
    path: path.join(ARTIFACTS, `${name}.png`),
    fullPage: options.fullPage ?? true,
  })
}
