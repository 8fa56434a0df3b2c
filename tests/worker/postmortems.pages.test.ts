import { env } from 'cloudflare:workers'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { call, callJson, makeIncident, postUpdate, resetData } from './factories'

/** A published postmortem on the public incident page and in the feeds; drafts nowhere. */

const DAY = 86_400_000
const BODY = '## Root cause\n\nA **digger** cut the cable.\n\n<script>alert(1)</script>'

async function page(path: string): Promise<{ status: number; html: string }> {
  const res = await call('GET', path, { token: null })
  return { status: res.status, html: await res.text() }
}

async function withPostmortem(fields: Record<string, unknown> = {}, publish = true) {
  const incident = await makeIncident(fields)
  await postUpdate(incident.id, { status: 'resolved', body: 'Repaired.' })
  await callJson('PUT', `/api/v1/incidents/${incident.id}/postmortem`, {
    body: { body: BODY },
    expect: 200,
  })
  if (publish) {
    await callJson('POST', `/api/v1/incidents/${incident.id}/postmortem/publish`, {
      body: { notify_subscribers: false },
      expect: 200,
    })
  }
  return incident as { id: string; name: string }
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
const asList = <T>(x: T | T[] | undefined): T[] =>
  x === undefined ? [] : Array.isArray(x) ? x : [x]

let old: { id: string }

beforeAll(async () => {
  await resetData()
  // An incident pushed out of the snapshot by fifty newer ones: its page is read from D1.
  old = await withPostmortem({
    name: 'Old exchange fire',
    started_at: new Date(Date.now() - 40 * DAY).toISOString(),
  })
  for (let i = 0; i < 50; i++) {
    await makeIncident({
      name: `Recent ${i}`,
      status: 'resolved',
      started_at: new Date(Date.now() - (20 - i / 10) * DAY).toISOString(),
    })
  }
}, 90_000)

describe('the public incident page', () => {
  it('shows a published postmortem rendered and sanitised, below the timeline', async () => {
    const incident = await withPostmortem({ name: 'Fibre cut' })
    const { status, html } = await page(`/incidents/${incident.id}`)
    expect(status).toBe(200)
    const section = html.indexOf('<h2 id="postmortem-title">Postmortem</h2>')
    expect(section).toBeGreaterThan(html.indexOf('id="updates-title"'))
    const after = html.slice(section)
    expect(after).toContain('<h2>Root cause</h2>')
    expect(after).toContain('<p>A <strong>digger</strong> cut the cable.</p>')
    expect(after).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>alert(1)')
  })

  it('shows no draft, and no longer shows a reverted one', async () => {
    const draft = await withPostmortem({ name: 'Draft only' }, false)
    expect((await page(`/incidents/${draft.id}`)).html).not.toContain('Root cause')

    const reverted = await withPostmortem({ name: 'Reverted' })
    expect((await page(`/incidents/${reverted.id}`)).html).toContain('Root cause')
    await callJson('POST', `/api/v1/incidents/${reverted.id}/postmortem/revert`, { expect: 200 })
    expect((await page(`/incidents/${reverted.id}`)).html).not.toContain('Root cause')
  })

  it('a recent incident’s postmortem is served from the snapshot, not D1', async () => {
    const incident = await withPostmortem({ name: 'From the snapshot' })
    await env.DB.prepare('UPDATE postmortems SET body = ? WHERE incident_id = ?')
      .bind('Changed behind the back', incident.id)
      .run()
    const served = await page(`/incidents/${incident.id}`)
    expect(served.html).toContain('Root cause')
    expect(served.html).not.toContain('Changed behind the back')
  })

  it('an older incident’s page reads its postmortem from D1', async () => {
    const { status, html } = await page(`/incidents/${old.id}`)
    expect(status).toBe(200)
    expect(html).toContain('Old exchange fire')
    expect(html).toContain('<h2>Root cause</h2>')
  })
})

describe('the feeds', () => {
  it('Atom and RSS carry the published postmortem in the entry’s HTML, sanitised', async () => {
    const incident = await withPostmortem({ name: 'In the feeds' })
    const atomRes = await call('GET', '/feed.atom', { token: null })
    const atomText = await atomRes.text()
    expect(XMLValidator.validate(atomText)).toBe(true)
    const entry = asList<any>(parser.parse(atomText).feed.entry).find(
      (e) => e.id === `http://candor.test/incidents/${incident.id}`,
    )
    expect(entry).toBeDefined()
    const content: string = entry.content['#text']
    expect(content).toContain('<h2>Postmortem</h2>')
    expect(content).toContain('<h2>Root cause</h2>')
    expect(content).toContain('<strong>digger</strong>')
    expect(content).not.toContain('<script>')

    const rssText = await (await call('GET', '/feed.rss', { token: null })).text()
    expect(XMLValidator.validate(rssText)).toBe(true)
    const item = asList<any>(parser.parse(rssText).rss.channel.item).find(
      (i) => i.link === `http://candor.test/incidents/${incident.id}`,
    )
    expect(item.description).toContain('<h2>Root cause</h2>')
    expect(item.description).not.toContain('<script>')
  })

  it('a draft is in no feed', async () => {
    const draft = await withPostmortem({ name: 'Draft not in feeds' }, false)
    const atomText = await (await call('GET', '/feed.atom', { token: null })).text()
    const entry = asList<any>(parser.parse(atomText).feed.entry).find(
      (e) => e.id === `http://candor.test/incidents/${draft.id}`,
    )
    expect(entry).toBeDefined()
    expect(entry.content['#text']).not.toContain('Postmortem')
  })
})
