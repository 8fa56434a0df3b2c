import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { call, makeComponent, makeIncident } from './factories'

/**
 * The page script, /local-time.js: a static file small enough for every reader to fetch once,
 * loaded by every public page and the embed, and allowed by the policy's 'self' alone.
 */

const TAG = '<script src="/local-time.js" defer=""></script>'

let incidentId: string

beforeAll(async () => {
  const component = await makeComponent()
  const incident = await makeIncident({ components: { [component.id]: 'partial_outage' } })
  incidentId = incident.id
})

/** The `<script>` elements of a page: their attributes, and whether they have a body. */
function scriptsOf(html: string): { attributes: string; body: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((m) => ({
    attributes: m[1]!,
    body: m[2]!,
  }))
}

describe('the local time script', () => {
  it('is served as a static script, under 1 KB gzipped', async () => {
    const res = await env.ASSETS.fetch('http://candor.test/local-time.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    const source = await res.text()
    // The file the pages load: it rewrites times and keeps "overdue by" counting.
    expect(source).toContain('time[data-local]')
    expect(source).toContain('[data-overdue]')
    const gzipped = new Blob([source]).stream().pipeThrough(new CompressionStream('gzip'))
    const size = (await new Response(gzipped).arrayBuffer()).byteLength
    expect(size).toBeLessThan(1024)
  })

  it('every public page and the embed load it, with no inline script, under script-src self', async () => {
    const paths = ['/', '/history', `/incidents/${incidentId}`, '/subscribe', '/embed']
    for (const path of paths) {
      const res = await call('GET', path, { token: null })
      expect(res.status, path).toBe(200)
      const html = await res.text()
      expect(html, path).toContain(TAG)
      const scripts = scriptsOf(html)
      expect(scripts, path).toHaveLength(1)
      for (const script of scripts) {
        expect(script.attributes, path).toMatch(/\ssrc="\/local-time\.js"/)
        expect(script.body, path).toBe('')
      }
      const policy = res.headers.get('content-security-policy') ?? ''
      const scriptSrc = policy
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .find(([name]) => name === 'script-src')
      expect(scriptSrc, path).toEqual(['script-src', "'self'"])
      expect(policy, path).not.toContain("'unsafe-inline'")
    }
  })
})
