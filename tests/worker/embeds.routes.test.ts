import { env } from 'cloudflare:workers'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  call,
  inMinutes,
  makeComponent,
  makeIncident,
  makeMaintenance,
  postMaintenanceUpdate,
  publicJson,
  resetData,
} from './factories'

/** The badge, the widget's data and script, and the iframe embed. */

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })

async function badge(query = '') {
  const res = await call('GET', `/badge.svg${query}`, { token: null })
  const text = await res.text()
  expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
  expect(XMLValidator.validate(text)).toBe(true)
  const svg = parser.parse(text).svg
  return { res, svg, label: svg['@aria-label'] as string }
}

beforeEach(resetData)

describe('/badge.svg', () => {
  it('says the page’s state, then one component’s, with cache headers and an accessible name', async () => {
    const fibre = await makeComponent({ name: 'Fibre' })
    const mobile = await makeComponent({ name: 'Mobile' })
    expect((await badge()).label).toBe('Candor: operational')

    await makeIncident({ impact: 'major', components: { [fibre.id]: 'partial_outage' } })
    const page = await badge()
    expect(page.label).toBe('Candor: major outage')
    expect(page.svg.title).toBe('Candor: major outage')
    expect(page.res.headers.get('cache-control')).toContain('max-age=')
    expect(page.res.headers.get('etag')).toBeTruthy()

    expect((await badge(`?component=${fibre.id}`)).label).toBe('Fibre: partial outage')
    expect((await badge(`?component=${mobile.id}`)).label).toBe('Mobile: operational')
    expect((await badge(`?component=${mobile.id}&label=<4G>`)).label).toBe('<4G>: operational')
  })

  it('a group shows its worst member; maintenance shows as maintenance', async () => {
    const a = await makeComponent({ name: 'North mast', group_name: 'Masts' })
    await makeComponent({ name: 'South mast', group_name: 'Masts' })
    const m = await makeMaintenance({ scheduled_for: inMinutes(1), component_ids: [a.id] })
    await postMaintenanceUpdate(m.id, { status: 'in_progress' })
    expect((await badge(`?component=${a.group_id}`)).label).toBe('Masts: maintenance')
    expect((await badge()).label).toBe('Candor: maintenance')
  })

  it('answers 404 with a badge that says so for an unknown component', async () => {
    const { res, label } = await badge('?component=nope')
    expect(res.status).toBe(404)
    expect(label).toBe('status: unknown component')
  })
})

describe('/widget.json', () => {
  it('gives the state, the leading incident with its honest fields, CORS open', async () => {
    const fibre = await makeComponent({ name: 'Fibre' })
    await makeIncident({ name: 'Slow DNS', impact: 'minor' })
    const outage = await makeIncident({
      name: 'Fibre cut',
      impact: 'major',
      components: { [fibre.id]: 'partial_outage' },
      eta: inMinutes(90),
      next_update_at: inMinutes(30),
    })
    const res = await call('GET', '/widget.json', {
      token: null,
      headers: { origin: 'https://shop.example' },
    })
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const data = (await res.json()) as any
    expect(data.status).toEqual({ indicator: 'major', description: 'Partial System Outage' })
    expect(data.open_incidents).toBe(2)
    expect(data.incident).toMatchObject({
      id: outage.id,
      name: 'Fibre cut',
      url: `http://candor.test/incidents/${outage.id}`,
      eta: outage.eta,
      eta_passed: false,
      next_update_at: outage.next_update_at,
      update_overdue: false,
    })
    const scoped = await publicJson(`/widget.json?component=${fibre.id}`)
    expect(scoped.status).toEqual({ indicator: 'major', description: 'Fibre: Partial outage' })
    expect((await call('GET', '/widget.json?component=nope', { token: null })).status).toBe(404)
  })

  it('names maintenance under way or next when nothing is broken', async () => {
    const m = await makeMaintenance({ name: 'Mast upgrade' })
    const data = await publicJson('/widget.json')
    expect(data.incident).toBeNull()
    expect(data.status.indicator).toBe('none')
    expect(data.maintenance).toMatchObject({ id: m.id, name: 'Mast upgrade', status: 'scheduled' })
  })
})

describe('/embed', () => {
  it('is a compact page any site may frame', async () => {
    await makeIncident({
      name: 'Fibre <cut>',
      impact: 'major',
      eta: inMinutes(90),
      next_update_at: inMinutes(30),
    })
    const res = await call('GET', '/embed', { token: null })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *')
    expect(res.headers.get('x-frame-options')).toBeNull()
    const html = await res.text()
    expect(html).toContain('Fibre &lt;cut&gt;')
    expect(html).not.toContain('Fibre <cut>')
    expect(html).toMatch(/ETA <time datetime="[^"]+" data-local="">/)
    expect(html).toContain('Next update by')
    expect(html).toContain('target="_blank"')
    expect((await call('GET', '/embed?component=nope', { token: null })).status).toBe(404)
  })
})

describe('/widget.js', () => {
  it('is served as a script under 4 KB gzipped', async () => {
    const res = await env.ASSETS.fetch('http://candor.test/widget.js')
    expect(res.status).toBe(200)
    const source = await res.text()
    expect(source).toContain('attachShadow')
    const gzipped = new Blob([source]).stream().pipeThrough(new CompressionStream('gzip'))
    const size = (await new Response(gzipped).arrayBuffer()).byteLength
    expect(size).toBeLessThan(4096)
  })
})
