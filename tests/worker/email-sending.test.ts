import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { notificationHeaders } from '../../src/notify/email/email-headers'
import { senderFromEnv } from '../../src/notify/email/email-sender'
import { createMailer } from '../../src/notify/email/mailer'
import { parseSmtpUrl } from '../../src/notify/email/smtp-url'
import type { OutgoingEmail } from '../../src/notify/types'
import { mailTo, smtpUrl } from './harness'

/** A fresh address per call, so tests never see each other's mail. */
function address(label: string): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@example.net`
}

function email(to: string, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    to,
    subject: `Hello ${to}`,
    text: `Plain text for ${to}`,
    html: `<p>HTML for ${to}</p>`,
    headers: notificationHeaders(`https://status.example.com/subscriptions/unsubscribe/${to}`),
    ...overrides,
  }
}

describe('createMailer over SMTP (the real test SMTP server)', () => {
  it('sends several messages over one connection, each with both parts and the RFC 8058 headers', async () => {
    const recipients = [address('one'), address('two'), address('three')]
    const results = await createMailer(env).send(recipients.map((to) => email(to)))
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }])

    const received = await Promise.all(recipients.map(async (to) => (await mailTo(to))[0]!))
    expect(new Set(received.map((m) => m.session)).size).toBe(1)
    for (const [i, message] of received.entries()) {
      const to = recipients[i]!
      expect(message.from).toBe('status@candor.test')
      expect(message.subject).toBe(`Hello ${to}`)
      expect(message.text.trim()).toBe(`Plain text for ${to}`)
      expect(message.html).toContain(`<p>HTML for ${to}</p>`)
      expect(message.headers['list-unsubscribe']).toBe(
        `<https://status.example.com/subscriptions/unsubscribe/${to}>`,
      )
      expect(message.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click')
      expect(message.headers['auto-submitted']).toBe('auto-generated')
      expect(message.headers['content-type']).toMatch(/^multipart\/alternative/)
      expect(message.headers['message-id']).toMatch(/^<[^@\s]+@candor\.test>$/)
    }
  })

  it('a refused recipient fails alone and permanently; the others arrive over the same connection', async () => {
    const before = address('before')
    const after = address('after')
    const results = await createMailer(env).send([
      email(before),
      email('double..dot@example.net'),
      email(after),
    ])
    expect(results[0]).toEqual({ ok: true })
    expect(results[1]).toMatchObject({ ok: false, temporary: false })
    expect(results[1]!.ok === false && results[1]!.error).toMatch(/recipient refused: 501/)
    expect(results[2]).toEqual({ ok: true })
    const [first] = await mailTo(before)
    const [last] = await mailTo(after)
    expect(first!.session).toBe(last!.session)
  })

  it('a connection the server drops fails only the message in flight, temporarily; the rest go over a new one', async () => {
    const before = address('before')
    const after = address('after')
    // A command line over 16 KB makes the server answer 421 and hang up.
    const huge = `${'x'.repeat(17_000)}@example.net`
    const results = await createMailer(env).send([email(before), email(huge), email(after)])
    expect(results[0]).toEqual({ ok: true })
    expect(results[1]).toMatchObject({ ok: false, temporary: true })
    expect(results[1]!.ok === false && results[1]!.error).toMatch(/closed the connection/)
    expect(results[2]).toEqual({ ok: true })
    const [first] = await mailTo(before)
    const [last] = await mailTo(after)
    expect(first!.session).not.toBe(last!.session)
  })

  it('an unreachable server fails every message temporarily, quickly', async () => {
    const mailer = createMailer({ ...env, SMTP_URL: 'smtp://127.0.0.1:1' })
    const started = Date.now()
    const results = await mailer.send([email(address('a')), email(address('b'))])
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(results).toHaveLength(2)
    for (const result of results) expect(result).toMatchObject({ ok: false, temporary: true })
  })

  it('an address that would break the SMTP command or a header is refused before sending', async () => {
    const to = address('fine')
    const results = await createMailer(env).send([
      email(`evil@example.net>\r\nRCPT TO:<${address('smuggled')}`),
      email(to, { headers: { 'X-Note': 'line\r\nBcc: someone@example.net' } }),
      email(to),
    ])
    expect(results[0]).toMatchObject({ ok: false, temporary: false })
    expect(results[1]).toMatchObject({ ok: false, temporary: false })
    expect(results[2]).toEqual({ ok: true })
    expect(await mailTo(to)).toHaveLength(1)
  })

  it('keeps any text intact: non-ASCII subject, long lines, dots, "=" and trailing spaces', async () => {
    const to = address('text')
    const subject = `[Major outage] Café broadband in M14 — ETA 18:00 UTC, moved twice ${'é'.repeat(40)}`
    const text = [
      'Ligne française: ça marche — 100 % ✓',
      '.a line that starts with a dot',
      '.',
      `a long line ${'word '.repeat(60)}end`,
      'a=b and =?not-encoded?=  ',
      '',
      'last line',
    ].join('\n')
    const html = `<p style="color:#333">Ünïcödé &amp; ${'long '.repeat(50)}</p>`
    const [result] = await createMailer(env).send([email(to, { subject, text, html })])
    expect(result).toEqual({ ok: true })
    const [message] = await mailTo(to)
    expect(message!.subject).toBe(subject)
    expect(message!.text.replace(/\n$/, '')).toBe(text)
    expect(message!.html).toBe(html)
    // 7-bit clean; no line over the 998 octets SMTP allows, body lines within 76.
    expect(message!.raw).toMatch(/^[\x00-\x7F]*$/)
    const [head = '', body = ''] = message!.raw.split('\r\n\r\n', 2)
    expect(head.split('\r\n').filter((l) => l.length > 998)).toEqual([])
    expect(
      message!.raw
        .slice(head.length)
        .split('\r\n')
        .filter((l) => l.length > 76),
    ).toEqual([])
    expect(body).not.toBe('')
  })

  it('refused credentials fail every message temporarily, saying so', async () => {
    const { host } = new URL(smtpUrl)
    const mailer = createMailer({ ...env, SMTP_URL: `smtp://someone:wrong%40pass@${host}` })
    const to = address('auth')
    const results = await mailer.send([email(to), email(address('auth'))])
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, temporary: true })
      expect(result.ok === false && result.error).toMatch(/authentication refused: 5\d\d/)
    }
    expect(await mailTo(to)).toEqual([])
  })

  it('an unusable SMTP_URL fails every message temporarily with a message saying why', async () => {
    const mailer = createMailer({ ...env, SMTP_URL: 'http://mail.example.com' })
    const [result] = await mailer.send([email(address('x'))])
    expect(result).toEqual({
      ok: false,
      temporary: true,
      error: 'SMTP_URL must start with smtp:// or smtps://, not http://',
    })
  })
})

describe('SMTP_URL', () => {
  it('smtp:// is STARTTLS on 587 by default, smtps:// implicit TLS on 465; credentials are decoded', () => {
    expect(parseSmtpUrl('smtp://mail.example.com')).toEqual({
      hostname: 'mail.example.com',
      port: 587,
      security: 'starttls',
    })
    expect(parseSmtpUrl('smtps://me%40example.com:p%3Ass@mail.example.com')).toEqual({
      hostname: 'mail.example.com',
      port: 465,
      security: 'tls',
      username: 'me@example.com',
      password: 'p:ss',
    })
    expect(parseSmtpUrl('smtp://[::1]:2525')).toMatchObject({ hostname: '::1', port: 2525 })
  })
})

describe('createMailer without SMTP_URL', () => {
  it('with neither SMTP_URL nor the EMAIL binding, says no transport is configured', async () => {
    const mailer = createMailer({ ...env, SMTP_URL: undefined, EMAIL: undefined })
    expect(await mailer.send([email(address('a')), email(address('b'))])).toEqual([
      { ok: false, temporary: true, error: 'no email transport configured' },
      { ok: false, temporary: true, error: 'no email transport configured' },
    ])
  })
})

describe('the sender', () => {
  it('is EMAIL_FROM, with a display name when given one', async () => {
    expect(senderFromEnv({ EMAIL_FROM: 'Acme Status <status@acme.test>' })).toEqual({
      address: 'status@acme.test',
      name: 'Acme Status',
      mailbox: 'Acme Status <status@acme.test>',
    })
    const to = address('named')
    await createMailer({ ...env, EMAIL_FROM: 'Acme Status <status@acme.test>' }).send([email(to)])
    const [message] = await mailTo(to)
    expect(message!.from).toBe('status@acme.test')
    expect(message!.headers.from).toBe('Acme Status <status@acme.test>')
  })

  it('defaults to status@ the PUBLIC_URL host, else status@localhost', () => {
    expect(senderFromEnv({ PUBLIC_URL: 'https://status.acme.test' }).address).toBe(
      'status@status.acme.test',
    )
    expect(senderFromEnv({}).address).toBe('status@localhost')
  })
})
