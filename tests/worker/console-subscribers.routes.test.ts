import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/lib/csv'
import { SubscriberJson } from '../../src/schemas/subscriptions'
import {
  browser,
  ORIGIN,
  SAME_ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import { call, callJson, errorOf, makeToken, rows } from './factories'
import { inOneRateWindow } from './rate-window'
import { linkPath, subscriptionCounts, waitForMail } from './subscriptions-helpers'

/**
 * The subscribers screen: search and filter, CSV import through the form and export, and
 * unsubscribe and resend confirmation per subscriber — with their API twins.
 */

let editor: Member
let viewer: Member
const tag = crypto.randomUUID().slice(0, 8)
const address = (name: string) => `${name}-${tag}@example.net`

/** Posts the import form as a browser does: multipart, with the file and the form token. */
async function uploadCsv(member: Member, csv: string | null, consented = false) {
  const form = new FormData()
  form.set('csrf', member.csrf)
  if (csv !== null) form.set('file', new File([csv], 'subscribers.csv', { type: 'text/csv' }))
  if (consented) form.set('consented', 'true')
  return exports.default.fetch(
    new Request(`${ORIGIN}/console/subscribers/import`, {
      method: 'POST',
      body: form,
      headers: { cookie: member.cookie, ...SAME_ORIGIN },
      redirect: 'manual',
    }),
  )
}

async function importApi(csv: string, consented: boolean) {
  return callJson('POST', `/api/v1/subscribers/import${consented ? '?consented=true' : ''}`, {
    body: csv,
    headers: { 'content-type': 'text/csv' },
    expect: 200,
  })
}

async function subscriberOf(email: string) {
  const [row] = await rows<{ id: string; status: string }>(
    "SELECT id, status FROM subscribers WHERE kind = 'email' AND email = ?",
    email,
  )
  return row
}

/** The addresses shown in the subscribers table of a page. */
function addressesIn(html: string): string[] {
  return [...html.matchAll(/<td>([^<]+@example\.net)<\/td>/g)].map((m) => m[1]!).sort()
}

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
  await importApi(`email\n${address('alice')}\n${address('bob')}\n`, true)
  await importApi(`email\n${address('carol')}\n`, false)
  await waitForMail(address('carol'), 1)
})

describe('the subscribers screen', () => {
  it('searches by part of the address and filters by state', async () => {
    const all = await browser('GET', `/console/subscribers?q=${tag}`, { cookie: editor.cookie })
    expect(all.status).toBe(200)
    const html = await all.text()
    expect(addressesIn(html)).toEqual([address('alice'), address('bob'), address('carol')])
    expect(html).toContain(`href="/console/subscribers/export.csv?q=${tag}"`)

    const pending = await browser('GET', `/console/subscribers?q=${tag}&status=pending`, {
      cookie: editor.cookie,
    })
    const pendingHtml = await pending.text()
    expect(addressesIn(pendingHtml)).toEqual([address('carol')])
    // A pending subscriber can be sent a new confirmation; a confirmed one cannot.
    expect(pendingHtml).toContain('Resend confirmation')

    const one = await browser('GET', `/console/subscribers?q=alice-${tag}&status=active`, {
      cookie: editor.cookie,
    })
    const oneHtml = await one.text()
    expect(addressesIn(oneHtml)).toEqual([address('alice')])
    expect(oneHtml).not.toContain('Resend confirmation')
    // The filter keeps what was chosen.
    expect(oneHtml).toMatch(/<option value="active" selected="">/)
  })

  it('imports a CSV file through the form: added, and the errors per line', async () => {
    const res = await uploadCsv(
      editor,
      `email\n${address('dave')}\nnot-an-address\n${address('alice')}\n`,
      true,
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Subscribers imported')
    expect(html).toMatch(/<dt>Added<\/dt><dd>1 \(1 confirmed/)
    expect(html).toMatch(/<td>3<\/td><td>not-an-address<\/td><td>not an email address<\/td>/)
    expect(html).toContain(`<td>4</td><td>${address('alice')}</td>`)
    expect(await subscriberOf(address('dave'))).toMatchObject({ status: 'active' })
    const [audit] = await rows<{ actor: string }>(
      "SELECT actor FROM audit_log WHERE action = 'subscribers.import' ORDER BY id DESC LIMIT 1",
    )
    expect(audit!.actor).toBe(editor.email)
  })

  it('a file without an email column, or no file, comes back with 400 and adds nothing', async () => {
    const before = await subscriptionCounts()
    const bad = await uploadCsv(editor, `address\n${address('erin')}\n`, true)
    expect(bad.status).toBe(400)
    const html = await bad.text()
    expect(html).toMatch(
      /id="import-file-error">The first line must name the columns, including &quot;email&quot;/,
    )
    expect(html).toContain('aria-invalid="true"')
    // What was ticked is kept.
    expect(html).toMatch(/id="import-consented"[^>]*checked=""/)
    const none = await uploadCsv(editor, null)
    expect(none.status).toBe(400)
    expect(await none.text()).toContain('Choose a CSV file to import.')
    expect(await subscriptionCounts()).toEqual(before)
    expect(await subscriberOf(address('erin'))).toBeUndefined()
  })

  it('exports the CSV of what the search and filter show', async () => {
    const res = await browser('GET', `/console/subscribers/export.csv?q=${tag}&status=active`, {
      cookie: editor.cookie,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toContain('attachment')
    const [header, ...lines] = parseCsv(await res.text()).map((r) => r.fields)
    expect(header!.slice(0, 5)).toEqual(['id', 'kind', 'email', 'url', 'status'])
    expect(lines.map((l) => l[2]).sort()).toEqual([
      address('alice'),
      address('bob'),
      address('dave'),
    ])
    expect(lines.every((l) => l[1] === 'email' && l[4] === 'active')).toBe(true)

    const api = await call('GET', `/api/v1/subscribers/export?q=${tag}&status=pending`)
    expect(api.status).toBe(200)
    expect(api.headers.get('content-type')).toMatch(/^text\/csv/)
    const apiLines = parseCsv(await api.text()).slice(1)
    expect(apiLines.map((l) => l.fields[2])).toEqual([address('carol')])
    const read = await makeToken(['read'])
    const refused = await errorOf(
      await call('GET', '/api/v1/subscribers/export', { token: read.token }),
    )
    expect(refused).toMatchObject({ status: 403, details: { required: 'write' } })
  })

  it('goes back to the plain list when the form says to go anywhere else, or nowhere readable', async () => {
    const names = ['wander1', 'wander2', 'wander3']
    await importApi(`email\n${names.map(address).join('\n')}\n`, true)
    const backs = ['//[', 'https://evil.example/console/subscribers', '/console/tokens']
    for (const [i, back] of backs.entries()) {
      const sub = (await subscriberOf(address(names[i]!)))!
      const res = await browser('POST', `/console/subscribers/${sub.id}/unsubscribe`, {
        cookie: editor.cookie,
        headers: SAME_ORIGIN,
        form: { csrf: editor.csrf, back },
      })
      expect([back, res.status]).toEqual([back, 303])
      expect(res.headers.get('location')).toBe('/console/subscribers?done=unsubscribed')
    }
  })

  it('unsubscribes a subscriber, recorded in the audit log with the member', async () => {
    const bob = (await subscriberOf(address('bob')))!
    const back = `/console/subscribers?q=${tag}`
    const res = await browser('POST', `/console/subscribers/${bob.id}/unsubscribe`, {
      cookie: editor.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: editor.csrf, back },
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/console/subscribers?q=${tag}&done=unsubscribed`)
    expect(await subscriberOf(address('bob'))).toMatchObject({ status: 'unsubscribed' })
    const [audit] = await rows<{ actor: string; target_id: string }>(
      "SELECT actor, target_id FROM audit_log WHERE action = 'subscriber.unsubscribe' ORDER BY id DESC LIMIT 1",
    )
    expect(audit).toEqual({ actor: editor.email, target_id: bob.id })
    const page = await browser('GET', res.headers.get('location')!, { cookie: editor.cookie })
    expect(await page.text()).toContain('Unsubscribed. They hear about nothing more.')

    // The API does the same.
    const alice = (await subscriberOf(address('alice')))!
    const json = await callJson('POST', `/api/v1/subscribers/${alice.id}/unsubscribe`, {
      expect: 200,
    })
    expect(SubscriberJson.parse(json)).toMatchObject({ id: alice.id, status: 'unsubscribed' })
    expect(
      (await errorOf(await call('POST', '/api/v1/subscribers/nosuchid0001/unsubscribe'))).status,
    ).toBe(404)
  })

  it('resends the confirmation of a pending subscriber: a fresh link in a new mail', async () => {
    const carol = (await subscriberOf(address('carol')))!
    const res = await browser('POST', `/console/subscribers/${carol.id}/resend`, {
      cookie: editor.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: editor.csrf, back: '/console/subscribers' },
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/console/subscribers?done=resent')
    const mails = await waitForMail(address('carol'), 2)
    const first = linkPath(mails[0]!, 'confirm')
    const second = linkPath(mails[1]!, 'confirm')
    expect(second).not.toBe(first)
    const [audit] = await rows<{ actor: string }>(
      "SELECT actor FROM audit_log WHERE action = 'subscriber.resend_confirmation' AND target_id = ?",
      carol.id,
    )
    expect(audit!.actor).toBe(editor.email)

    // The API does the same; a confirmed (or gone) subscriber is refused.
    const json = await callJson('POST', `/api/v1/subscribers/${carol.id}/resend-confirmation`, {
      expect: 202,
    })
    expect(json).toMatchObject({ id: carol.id, status: 'pending' })
    await waitForMail(address('carol'), 3)
    const dave = (await subscriberOf(address('dave')))!
    const conflict = await errorOf(
      await call('POST', `/api/v1/subscribers/${dave.id}/resend-confirmation`),
    )
    expect(conflict).toMatchObject({ status: 409, code: 'conflict' })
    const page = await browser('POST', `/console/subscribers/${dave.id}/resend`, {
      cookie: editor.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: editor.csrf },
    })
    expect(page.status).toBe(409)
    expect(await page.text()).toContain('this one is active')
  })

  it('stops at the per-address limit of confirmation mails (429, nothing sent)', async () => {
    await importApi(`email\n${address('frank')}\n`, false)
    const frank = (await subscriberOf(address('frank')))!
    const statuses: number[] = []
    await inOneRateWindow()
    for (let i = 0; i < 4; i++) {
      const res = await call('POST', `/api/v1/subscribers/${frank.id}/resend-confirmation`)
      statuses.push(res.status)
      await res.body?.cancel()
    }
    expect(statuses).toEqual([202, 202, 202, 429])
    const sent = statuses.filter((s) => s === 202).length
    const [mail] = await rows<{ n: number }>(
      'SELECT COUNT(*) AS n FROM transactional_mail WHERE recipient = ?',
      address('frank'),
    )
    // The import's confirmation and one per accepted resend.
    expect(mail!.n).toBe(1 + sent)
  })
})

describe('who may use it', () => {
  it('a viewer sees neither the list nor the export, and a forged import is refused', async () => {
    for (const path of ['/console/subscribers', '/console/subscribers/export.csv']) {
      const res = await browser('GET', path, { cookie: viewer.cookie })
      expect([path, res.status]).toEqual([path, 403])
      expect(await res.text()).not.toContain('@example.net')
    }
    const before = await subscriptionCounts()
    const forged = await uploadCsv(viewer, `email\n${address('mallory')}\n`, true)
    expect(forged.status).toBe(403)
    expect(await subscriptionCounts()).toEqual(before)
    const viewerPage = await browser('GET', '/console', { cookie: viewer.cookie })
    expect(await viewerPage.text()).not.toContain('href="/console/subscribers"')
  })

  it('a form from another origin is refused, nothing written', async () => {
    const carol = (await subscriberOf(address('carol')))!
    const res = await browser('POST', `/console/subscribers/${carol.id}/unsubscribe`, {
      cookie: editor.cookie,
      headers: { origin: 'https://evil.example' },
      form: { csrf: editor.csrf },
    })
    expect(res.status).toBe(403)
    expect(await subscriberOf(address('carol'))).toMatchObject({ status: 'pending' })
  })
})

describe('quarantined subscribers', () => {
  /** An address quarantined as the dead-letter consumer leaves it after repeated failures. */
  async function quarantined(name: string) {
    await importApi(`email\n${address(name)}\n`, true)
    const row = (await subscriberOf(address(name)))!
    await env.DB.prepare(
      `UPDATE subscribers SET status = 'disabled', disabled_at = ?, consecutive_failures = 5,
         disabled_reason = '5 events in a row could not be delivered; last error: SMTP 550'
       WHERE id = ?`,
    )
      .bind(new Date().toISOString(), row.id)
      .run()
    return row.id
  }

  it('are listed under the quarantined filter with a Reactivate button that brings them back', async () => {
    const id = await quarantined('erin')
    const list = await browser('GET', `/console/subscribers?q=${tag}&status=quarantined`, {
      cookie: editor.cookie,
    })
    const html = await list.text()
    expect(addressesIn(html)).toEqual([address('erin')])
    expect(html).toMatch(/<option value="quarantined" selected="">/)
    expect(html).toContain('SMTP 550')
    expect(html).toContain(`action="/console/subscribers/${id}/reactivate"`)

    const res = await browser('POST', `/console/subscribers/${id}/reactivate`, {
      cookie: editor.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: editor.csrf, back: `/console/subscribers?q=${tag}&status=quarantined` },
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(
      `/console/subscribers?q=${tag}&status=quarantined&done=reactivated`,
    )
    const after = await callJson('GET', `/api/v1/subscribers/${id}`)
    expect(after).toMatchObject({ status: 'active', state: 'active', consecutive_failures: 0 })
    const audit = await rows<{ member_email: string }>(
      "SELECT member_email FROM audit_log WHERE target_id = ? AND action = 'subscriber.reactivate'",
      id,
    )
    expect(audit).toEqual([{ member_email: editor.email }])
    const landed = await browser('GET', res.headers.get('location')!, { cookie: editor.cookie })
    expect(await landed.text()).toContain('Reactivated.')
  })

  it('reactivating one that is not quarantined answers 409 with why, nothing written', async () => {
    const alice = (await subscriberOf(address('alice')))!
    const res = await browser('POST', `/console/subscribers/${alice.id}/reactivate`, {
      cookie: editor.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: editor.csrf },
    })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('Only a quarantined subscriber can be reactivated')
    const audit = await rows(
      "SELECT 1 FROM audit_log WHERE target_id = ? AND action = 'subscriber.reactivate'",
      alice.id,
    )
    expect(audit).toEqual([])
  })

  it('a viewer cannot reactivate (forged POST: 403, still quarantined)', async () => {
    const id = await quarantined('frank')
    const res = await browser('POST', `/console/subscribers/${id}/reactivate`, {
      cookie: viewer.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: viewer.csrf },
    })
    expect(res.status).toBe(403)
    expect((await callJson('GET', `/api/v1/subscribers/${id}`)).status).toBe('disabled')
  })
})
