import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { refreshSnapshot } from '../../src/domain/snapshot'
import { Clock } from '../../src/i18n/clock'
import { call, makeIncident, makeMaintenance, onPageClock } from './factories'

/** Every `<time datetime=… data-local>` on a page: its instant and the text it carries. */
function timesOf(html: string): { iso: string; text: string }[] {
  return [...html.matchAll(/<time datetime="([^"]+)" data-local="">([^<]*)<\/time>/g)].map((m) => ({
    iso: m[1]!,
    text: m[2]!,
  }))
}

async function html(path: string): Promise<string> {
  const res = await call('GET', path, { token: null })
  expect(res.status).toBe(200)
  return res.text()
}

const london = new Clock('en-GB', 'Europe/London')

describe('the page’s time zone on its public pages', () => {
  onPageClock('Europe/London')

  it('prints every time on the status page and an incident page on London’s clock, not UTC', async () => {
    const incident = await makeIncident({ name: 'Slow logins' })
    await refreshSnapshot(env)
    for (const path of ['/', `/incidents/${incident.id}`]) {
      const page = await html(path)
      const times = timesOf(page)
      expect(times.length, path).toBeGreaterThan(0)
      for (const t of times) expect(t.text, path).toBe(london.dateTime(t.iso))
      expect(page).toContain('Times are in Europe/London')
    }
  })

  it('names GMT before the clocks change and BST after, on one maintenance page', async () => {
    // Europe/London moves to BST at 01:00 UTC on Sunday 28 March 2027.
    const m = await makeMaintenance({
      name: 'Across the clock change',
      scheduled_for: '2027-03-28T00:30:00.000Z',
      scheduled_until: '2027-03-28T02:30:00.000Z',
    })
    await refreshSnapshot(env)
    const texts = timesOf(await html(`/incidents/${m.id}`)).map((t) => t.text)
    expect(texts).toContain('Sun 28 Mar, 00:30 GMT')
    expect(texts).toContain('Sun 28 Mar, 03:30 BST')
    expect(texts.some((t) => t.endsWith(' UTC'))).toBe(false)
  })
})
