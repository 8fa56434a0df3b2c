import { beforeAll, describe, expect, it } from 'vitest'
import type { FormObject } from '../../src/routes/manage-v1/bracket-form'
import {
  call,
  callJson,
  makeIncident,
  makeMaintenance,
  makeToken,
  postUpdate,
  rows,
  tableCounts,
} from './factories'
import { ENCODINGS, expectRefused, pageId, v1, v1Json, type Encoding } from './manage-v1-helpers'

/** Postmortems through the Manage API v1: draft, publish, revert and delete, and the errors. */

const ONE = '/pages/{page_id}/incidents/{incident_id}/postmortem'
const PUBLISH = `${ONE}/publish`
const REVERT = `${ONE}/revert`
const INCIDENT = '/pages/{page_id}/incidents/{incident_id}'
const INCIDENTS = '/pages/{page_id}/incidents'
let page: string
let key: string
let tokenId: string
let readKey: string

beforeAll(async () => {
  page = await pageId()
  const token = await makeToken(['read', 'write'])
  key = token.token
  tokenId = token.id
  readKey = (await makeToken(['read'])).token
})

const path = (incidentId: string) => `/pages/${page}/incidents/${incidentId}/postmortem`

type Fields = Record<string, string | boolean | number>

/** `{postmortem: fields}` as the encoding sends it: a form's values are strings. */
function sent(encoding: Encoding, fields: Fields) {
  const postmortem =
    encoding === 'json'
      ? fields
      : Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]))
  return { encoding, body: { postmortem } as unknown as FormObject, key }
}

async function resolvedIncident(): Promise<{ id: string; name: string }> {
  const incident = await makeIncident()
  await postUpdate(incident.id, { status: 'resolved', body: 'Fixed.' })
  return incident
}

const postmortemEvents = (incidentId: string) =>
  rows(
    "SELECT id FROM outbox WHERE incident_id = ? AND event_type = 'incident.postmortem'",
    incidentId,
  )

/** The incident as v1 shows it alone and in its list, each checked against the document. */
async function v1Incident(incidentId: string) {
  const one = await v1Json('GET', `/pages/${page}/incidents/${incidentId}`, INCIDENT, 200, { key })
  const list = await v1Json<{ id: string }[]>('GET', `/pages/${page}/incidents`, INCIDENTS, 200, {
    key,
  })
  expect(list.find((i) => i.id === incidentId)).toEqual(one)
  return one
}

describe.each(ENCODINGS)('postmortems through the Manage API v1 (%s)', (encoding) => {
  it('saves a draft, publishes it telling subscribers, reverts it and deletes it, audited', async () => {
    const incident = await resolvedIncident()
    await expectRefused(404, 'GET', path(incident.id), { key })

    const text = '## What happened\n\nA **cable** was cut.'
    const draft = await v1Json(
      'PUT',
      path(incident.id),
      ONE,
      200,
      sent(encoding, { body_draft: text }),
    )
    expect(draft).toMatchObject({
      body_draft: text,
      body: null,
      published_at: null,
      notify_subscribers: false,
      notify_twitter: false,
      custom_tweet: null,
      preview_key: null,
      state: 'draft',
    })
    expect(await v1Json('GET', `${path(incident.id)}.json`, ONE, 200, { key })).toEqual(draft)
    expect((await v1Incident(incident.id)).postmortem_body).toBeNull()

    const published = await v1Json(
      'PUT',
      `${path(incident.id)}/publish`,
      PUBLISH,
      200,
      sent(encoding, { notify_subscribers: true, notify_twitter: true, custom_tweet: 'Read it' }),
    )
    expect(published).toMatchObject({
      body: text,
      body_draft: text,
      notify_subscribers: true,
      notify_twitter: false,
      custom_tweet: null,
      state: 'published',
    })
    expect(Date.parse(published.published_at)).not.toBeNaN()
    expect(await postmortemEvents(incident.id)).toHaveLength(1)

    // Seen by Candor's own API, on the public incident page, and on the v1 incident.
    const native = await callJson('GET', `/api/v1/incidents/${incident.id}/postmortem`)
    expect(native).toMatchObject({ state: 'published', body: text, notify_subscribers: true })
    expect((await callJson('GET', `/api/v1/incidents/${incident.id}`)).status).toBe('postmortem')
    const html = await (await call('GET', `/incidents/${incident.id}`, { token: null })).text()
    expect(html).toContain('<p>A <strong>cable</strong> was cut.</p>')
    expect(await v1Incident(incident.id)).toMatchObject({
      status: 'resolved',
      postmortem_body: text,
      postmortem_body_last_updated_at: published.body_updated_at,
      postmortem_published_at: published.published_at,
      postmortem_notified_subscribers: true,
      postmortem_ignored: false,
    })

    const reworked = await v1Json(
      'PUT',
      path(incident.id),
      ONE,
      200,
      sent(encoding, { body_draft: 'Second version.' }),
    )
    expect(reworked).toMatchObject({ body_draft: 'Second version.', body: text })

    const reverted = await v1Json('PUT', `${path(incident.id)}/revert`, REVERT, 200, { key })
    expect(reverted).toMatchObject({ state: 'draft', published_at: null })
    expect((await callJson('GET', `/api/v1/incidents/${incident.id}`)).status).toBe('resolved')
    expect(await v1Incident(incident.id)).toMatchObject({
      postmortem_body: null,
      postmortem_published_at: null,
    })
    const after = await (await call('GET', `/incidents/${incident.id}`, { token: null })).text()
    expect(after).not.toContain('was cut.')

    const deleted = await v1('DELETE', path(incident.id), { key })
    expect(deleted.status).toBe(204)
    expect(await deleted.text()).toBe('')
    await expectRefused(404, 'GET', path(incident.id), { key })

    const audit = await rows<{ action: string; actor: string }>(
      "SELECT action, actor FROM audit_log WHERE target_id = ? AND action LIKE 'postmortem.%' ORDER BY id",
      incident.id,
    )
    expect(audit).toEqual(
      ['create', 'publish', 'update', 'revert', 'delete'].map((a) => ({
        action: `postmortem.${a}`,
        actor: `token:${tokenId}`,
      })),
    )
  })

  it('publishing with notify_subscribers false, or without it, tells nobody', async () => {
    for (const fields of [{ notify_subscribers: false }, {}] as Fields[]) {
      const incident = await resolvedIncident()
      await v1Json('PUT', path(incident.id), ONE, 200, sent(encoding, { body_draft: 'Quiet.' }))
      const published = await v1Json(
        'PUT',
        `${path(incident.id)}/publish`,
        PUBLISH,
        200,
        sent(encoding, fields),
      )
      expect(published).toMatchObject({ state: 'published', notify_subscribers: false })
      expect(await postmortemEvents(incident.id)).toHaveLength(0)
      expect(await v1Incident(incident.id)).toMatchObject({
        postmortem_body: 'Quiet.',
        postmortem_notified_subscribers: false,
      })
    }
  })

  it('refuses a bad body with 422, writing nothing', async () => {
    const incident = await resolvedIncident()
    const tooLong = 'x'.repeat(30_001)
    for (const fields of [{ body_draft: tooLong }, { body_draft: '   ' }, {}] as Fields[]) {
      await expectRefused(422, 'PUT', path(incident.id), sent(encoding, fields))
    }
    // Not a string: a number in JSON, a nested field in a form.
    const notText =
      encoding === 'json'
        ? { encoding, key, body: { postmortem: { body_draft: 5 } } as unknown as FormObject }
        : { encoding, key, body: { postmortem: { body_draft: { a: 'b' } } } }
    await expectRefused(422, 'PUT', path(incident.id), notText)
    await expectRefused(
      422,
      'PUT',
      `${path(incident.id)}/publish`,
      sent(encoding, { notify_subscribers: 'maybe' }),
    )
    expect(await rows('SELECT * FROM postmortems WHERE incident_id = ?', incident.id)).toEqual([])
  })
})

describe('postmortem errors through the Manage API v1', () => {
  it('needs a key, and the write scope to change one', async () => {
    const incident = await resolvedIncident()
    await v1Json('PUT', path(incident.id), ONE, 200, sent('json', { body_draft: 'Draft.' }))
    await expectRefused(401, 'GET', path(incident.id), { key: null })
    await expectRefused(401, 'PUT', path(incident.id), {
      ...sent('form', { body_draft: 'x' }),
      key: null,
    })
    expect(await v1Json('GET', path(incident.id), ONE, 200, { key: readKey })).toMatchObject({
      body_draft: 'Draft.',
    })
    await expectRefused(403, 'PUT', path(incident.id), {
      ...sent('json', { body_draft: 'x' }),
      key: readKey,
    })
    await expectRefused(403, 'PUT', `${path(incident.id)}/publish`, { key: readKey })
    await expectRefused(403, 'PUT', `${path(incident.id)}/revert`, { key: readKey })
    await expectRefused(403, 'DELETE', path(incident.id), { key: readKey })
  })

  it('answers 404 for another page, an unknown incident and a maintenance', async () => {
    const incident = await resolvedIncident()
    const maintenance = await makeMaintenance()
    const other = `/pages/notthispage1/incidents/${incident.id}/postmortem`
    await expectRefused(404, 'GET', other, { key })
    await expectRefused(404, 'PUT', other, sent('json', { body_draft: 'x' }))
    for (const id of ['nosuchincident', maintenance.id]) {
      await expectRefused(404, 'GET', path(id), { key })
      await expectRefused(404, 'PUT', path(id), sent('form', { body_draft: 'x' }))
      await expectRefused(
        404,
        'PUT',
        `${path(id)}/publish`,
        sent('json', { notify_subscribers: true }),
      )
      await expectRefused(404, 'PUT', `${path(id)}/revert`, { key })
      await expectRefused(404, 'DELETE', path(id), { key })
    }
    // The incident has no postmortem yet.
    await expectRefused(404, 'PUT', `${path(incident.id)}/publish`, { key })
    await expectRefused(404, 'DELETE', path(incident.id), { key })
  })

  it('refuses publishing while the incident is open, and reverting a draft (422)', async () => {
    const open = await makeIncident()
    await v1Json('PUT', path(open.id), ONE, 200, sent('json', { body_draft: 'Early.' }))
    const before = await tableCounts()
    await expectRefused(
      422,
      'PUT',
      `${path(open.id)}/publish`,
      sent('form', { notify_subscribers: true }),
    )
    await expectRefused(422, 'PUT', `${path(open.id)}/revert`, { key })
    expect(await tableCounts()).toEqual(before)
    expect(await postmortemEvents(open.id)).toHaveLength(0)
    expect((await v1Json('GET', path(open.id), ONE, 200, { key })).state).toBe('draft')
  })
})
