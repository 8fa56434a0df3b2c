import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/lib/markdown'
import { call, callJson, errorOf, makeComponent, makeIncident, postUpdate, rows } from './factories'
import { WebhookEventJson } from '../../src/schemas/webhooks'
import { hookRequests, mailTo } from './harness'
import { hookName, makeWebhook, verified, waitFor } from './pipeline-helpers'
import { confirmedSubscriber, uniqueEmail } from './subscriptions-helpers'

/** Postmortems through /api/v1: draft, publish (with or without subscribers told), revert, delete. */

async function resolvedIncident(fields: Record<string, unknown> = {}) {
  const incident = await makeIncident(fields)
  await postUpdate(incident.id, { status: 'resolved', body: 'Fixed.' })
  return incident as { id: string; name: string }
}

const path = (id: string) => `/api/v1/incidents/${id}/postmortem`
const putDraft = (id: string, body: string) =>
  callJson('PUT', path(id), { body: { body }, expect: 200 })
const publish = (id: string, notify: boolean, expect = 200) =>
  callJson('POST', `${path(id)}/publish`, { body: { notify_subscribers: notify }, expect })
const statusOf = async (id: string) =>
  (await callJson('GET', `/api/v1/incidents/${id}`)).status as string
const postmortemEvents = (id: string) =>
  rows("SELECT id FROM outbox WHERE incident_id = ? AND event_type = 'incident.postmortem'", id)

describe('the postmortem API', () => {
  it('saves a draft, publishes it (status postmortem), reverts it and deletes it, each audited', async () => {
    const incident = await resolvedIncident()
    expect((await call('GET', path(incident.id))).status).toBe(404)

    const draft = await putDraft(incident.id, '## What happened\n\nA **cable** was cut.')
    expect(draft).toMatchObject({
      incident_id: incident.id,
      state: 'draft',
      body_draft: '## What happened\n\nA **cable** was cut.',
      body: null,
      published_at: null,
      html: null,
      created_by: 'admin-token',
    })
    expect(await callJson('GET', path(incident.id))).toEqual(draft)

    const published = await publish(incident.id, false)
    expect(published.state).toBe('published')
    expect(published.body).toBe(draft.body_draft)
    expect(Date.parse(published.published_at)).not.toBeNaN()
    expect(published.html).toBe(
      '<h2>What happened</h2>\n<p>A <strong>cable</strong> was cut.</p>\n',
    )
    expect(await statusOf(incident.id)).toBe('postmortem')
    // Not asked to notify: no event.
    expect(await postmortemEvents(incident.id)).toHaveLength(0)

    // A new draft leaves the published text in place until published again.
    const reworked = await putDraft(incident.id, 'Second version.')
    expect(reworked).toMatchObject({ state: 'published', body: draft.body_draft })

    const reverted = await callJson('POST', `${path(incident.id)}/revert`, { expect: 200 })
    expect(reverted).toMatchObject({ state: 'draft', published_at: null, html: null })
    expect(reverted.body_draft).toBe('Second version.')
    expect(await statusOf(incident.id)).toBe('resolved')
    // Reverting a draft: 409.
    const again = await call('POST', `${path(incident.id)}/revert`)
    expect((await errorOf(again)).status).toBe(409)

    expect((await call('DELETE', path(incident.id))).status).toBe(204)
    expect((await call('GET', path(incident.id))).status).toBe(404)

    const audit = await rows<{ action: string; actor: string }>(
      "SELECT action, actor FROM audit_log WHERE target_id = ? AND action LIKE 'postmortem.%' ORDER BY id",
      incident.id,
    )
    expect(audit.map((a) => a.action)).toEqual([
      'postmortem.create',
      'postmortem.publish',
      'postmortem.update',
      'postmortem.revert',
      'postmortem.delete',
    ])
  })

  it('refuses an empty body (400), an open incident (409) and an unknown incident (404), writing nothing', async () => {
    const open = await makeIncident()
    const empty = await call('PUT', path(open.id), { body: { body: '   ' } })
    expect(await errorOf(empty)).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(await rows('SELECT * FROM postmortems WHERE incident_id = ?', open.id)).toHaveLength(0)

    await putDraft(open.id, 'Written early.')
    const refused = await call('POST', `${path(open.id)}/publish`, {
      body: { notify_subscribers: true },
    })
    expect(await errorOf(refused)).toMatchObject({ status: 409, code: 'conflict' })
    expect(await statusOf(open.id)).toBe('investigating')
    expect((await callJson('GET', path(open.id))).state).toBe('draft')
    expect(await postmortemEvents(open.id)).toHaveLength(0)

    expect((await call('PUT', path('nosuchincident'), { body: { body: 'x' } })).status).toBe(404)
    expect((await call('GET', path('nosuchincident'))).status).toBe(404)
  })

  it('needs a write token to change and a token to read', async () => {
    const incident = await resolvedIncident()
    expect((await call('GET', path(incident.id), { token: null })).status).toBe(401)
    expect(
      (await call('PUT', path(incident.id), { token: null, body: { body: 'x' } })).status,
    ).toBe(401)
  })

  it('is in the OpenAPI document', async () => {
    const doc = await callJson('GET', '/api/v1/openapi.json', { token: null })
    const item = doc.paths['/api/v1/incidents/{id}/postmortem']
    expect(Object.keys(item).sort()).toEqual(['delete', 'get', 'put'])
    expect(doc.paths['/api/v1/incidents/{id}/postmortem/publish'].post).toBeDefined()
    expect(doc.paths['/api/v1/incidents/{id}/postmortem/revert'].post).toBeDefined()
  })
})

describe('publishing with notify_subscribers', () => {
  it('mails a confirmed subscriber of the incident the postmortem, over SMTP', async () => {
    const component = await makeComponent({ name: 'Fibre' })
    const email = uniqueEmail('postmortem')
    await confirmedSubscriber({ email, component_ids: [component.id] })
    const incident = await resolvedIncident({
      name: 'Fibre cut in M14',
      components: { [component.id]: 'major_outage' },
    })
    // The confirmation, the new incident and its resolution.
    await waitFor(
      () => mailTo(email),
      (m) => m.length === 3,
      15_000,
      'the incident mails',
    )
    await putDraft(
      incident.id,
      '# Fibre cut\n\nA digger cut the cable. <script>alert(1)</script>\n\n- We now mark cables.',
    )
    await publish(incident.id, true)
    expect(await postmortemEvents(incident.id)).toHaveLength(1)

    const mail = await waitFor(
      () => mailTo(email),
      (m) => m.length === 4,
      15_000,
      'the postmortem mail',
    )
    const sent = mail[3]!
    expect(sent.subject).toBe('[Postmortem] Fibre cut in M14')
    expect(sent.text).toContain('A digger cut the cable.')
    expect(sent.text).toContain('- We now mark cables.')
    expect(sent.html).toContain('A digger cut the cable.')
    expect(sent.html).not.toContain('<script>')
    expect(sent.html).toContain(`/incidents/${incident.id}`)
  })
})

describe('a webhook told of a postmortem', () => {
  it('gets a signed incident.postmortem event carrying the markdown and its sanitised HTML', async () => {
    const name = hookName('postmortem')
    const component = await makeComponent()
    const hook = await makeWebhook(name, { component_ids: [component.id] })
    const incident = await resolvedIncident({ components: { [component.id]: 'major_outage' } })
    await putDraft(incident.id, 'The **cause**. <img src=x onerror=alert(1)>')
    await publish(incident.id, true)
    const requests = await waitFor(
      () => hookRequests(name),
      (r) => r.some((q) => JSON.parse(q.body).meta.event_type === 'incident.postmortem'),
      15_000,
      'the postmortem event',
    )
    const request = requests.find(
      (q) => JSON.parse(q.body).meta.event_type === 'incident.postmortem',
    )!
    const body = WebhookEventJson.parse(verified(hook.secret, request))
    expect(body.incident?.id).toBe(incident.id)
    expect(body.incident?.status).toBe('postmortem')
    expect(body.postmortem?.body).toBe('The **cause**. <img src=x onerror=alert(1)>')
    expect(body.postmortem?.html).toBe(
      '<p>The <strong>cause</strong>. &lt;img src=x onerror=alert(1)&gt;</p>\n',
    )
  })
})

/**
 * Every tag of an HTML fragment whose text is escaped (each raw `<` opens a real tag), with its
 * attributes as name → value. Fails when an attribute list is not plain `name="value"` pairs.
 */
function tagsOf(html: string): { name: string; attrs: Map<string, string> }[] {
  return [...html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)].map((m) => {
    const raw = m[2]!.replace(/\s*\/$/, '')
    const pairs = [...raw.matchAll(/\s+([^\s="'>]+)(?:="([^"]*)")?/g)]
    expect(pairs.map((p) => p[0]).join(''), `attributes of <${m[1]}>`).toBe(raw)
    return {
      name: m[1]!.toLowerCase(),
      attrs: new Map(pairs.map((p) => [p[1]!.toLowerCase(), p[2] ?? ''])),
    }
  })
}

const ALLOWED_TAGS = new Set(
  'a p blockquote pre hr ul ol li br h1 h2 h3 h4 h5 h6 strong em s code table thead tbody tr th td'.split(
    ' ',
  ),
)
const INJECTIONS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD4=)',
  '<javascript:alert(1)>',
  '![x](javascript:alert(1))',
  '<div onmouseover="alert(1)">hover</div>',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '[a](https://ok.example "t\\" onclick=\\"alert(1)")',
  '<style>body{display:none}</style>',
  '`<script>`',
  '```html\n<script>alert(1)</script>\n```',
  '<!-- <script> -->',
  '<p style="x" onclick="y">',
]
const MARKDOWN = [
  '# Heading',
  '**bold**',
  '_em_',
  '- item',
  '1. first',
  '> quote',
  '[link](https://example.com)',
  '`code`',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '---',
  '\n\n',
  '\n',
  ' ',
  '<',
  '>',
  '"',
  "'",
  '&',
  '(',
  ')',
  '[',
  ']',
]

describe('sanitising (property)', () => {
  it('no random markdown with injected scripts, handlers or javascript: links yields them', () => {
    const piece = fc.oneof(
      fc.constantFrom(...INJECTIONS),
      fc.constantFrom(...MARKDOWN),
      fc.string({ maxLength: 12 }),
    )
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 24 }), (pieces) => {
        const html = renderMarkdown(pieces.join(''))
        expect(html).not.toMatch(/<script/i)
        expect(html).not.toMatch(/<(img|svg|iframe|style|div|object|embed)\b/i)
        for (const tag of tagsOf(html)) {
          expect(ALLOWED_TAGS.has(tag.name), `tag <${tag.name}> in ${html}`).toBe(true)
          for (const name of tag.attrs.keys()) {
            expect(['href', 'title', 'rel', 'start'], `<${tag.name} ${name}> in ${html}`).toContain(
              name,
            )
          }
          const href = tag.attrs.get('href')
          if (href !== undefined) {
            const decoded = href
              .replace(/&#x?([0-9a-f]+);?/gi, (_, n: string) =>
                String.fromCodePoint(parseInt(n, /^[0-9]+$/.test(n) ? 10 : 16)),
              )
              .replace(/&colon;/gi, ':')
              .replace(/[\s\u0000-\u001f]/g, '')
            expect(decoded, `href in ${html}`).not.toMatch(/^(javascript|vbscript|data):/i)
          }
        }
      }),
      { numRuns: 400 },
    )
  })

  it('raw HTML comes out as text and links keep working', () => {
    expect(renderMarkdown('Hi <b onclick="x">there</b>')).toBe(
      '<p>Hi &lt;b onclick=&quot;x&quot;&gt;there&lt;/b&gt;</p>\n',
    )
    expect(renderMarkdown('[status](https://status.example.com)')).toBe(
      '<p><a href="https://status.example.com" rel="nofollow noopener noreferrer">status</a></p>\n',
    )
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>\n')
  })

  it('the API answers the sanitised HTML of what was published', async () => {
    const incident = await resolvedIncident()
    await putDraft(incident.id, INJECTIONS.join('\n\n'))
    const { html } = await publish(incident.id, false)
    expect(html).not.toMatch(/<script|<img|<svg|<iframe|<style/i)
    for (const tag of tagsOf(html)) {
      expect([...tag.attrs.keys()].filter((name) => name.startsWith('on'))).toEqual([])
    }
    expect(html).not.toMatch(/href="\s*(javascript|vbscript|data):/i)
  })
})
