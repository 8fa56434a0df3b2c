import { connect } from 'cloudflare:sockets'
import { describe, expect, it } from 'vitest'
import { hookRequests, hookUrl, mailTo, scriptHook, smtpUrl } from './harness'

/** The real parts other tests rely on answer from inside workerd. */
describe('test harness', () => {
  it('the webhook receiver records requests and plays scripted answers', async () => {
    const name = `harness-${crypto.randomUUID()}`
    await scriptHook(name, [{ status: 503, headers: { 'retry-after': '7' } }])
    const first = await fetch(hookUrl(name), { method: 'POST', body: '{"a":1}' })
    const second = await fetch(hookUrl(name), { method: 'POST', body: '{"a":2}' })
    expect([first.status, first.headers.get('retry-after'), second.status]).toEqual([503, '7', 200])
    const got = await hookRequests(name)
    expect(got.map((r) => r.body)).toEqual(['{"a":1}', '{"a":2}'])
  })

  it('the SMTP server accepts a message over a workerd socket', async () => {
    const { hostname, port } = new URL(smtpUrl)
    const socket = connect({ hostname, port: Number(port) })
    const writer = socket.writable.getWriter()
    const reader = socket.readable.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    const expectReply = async (code: string) => {
      while (!new RegExp(`^${code} `, 'm').test(buffer)) {
        const { value, done } = await reader.read()
        if (done) throw new Error(`closed before ${code}: ${buffer}`)
        buffer += decoder.decode(value)
      }
      buffer = ''
    }
    const say = (line: string) => writer.write(new TextEncoder().encode(`${line}\r\n`))
    const to = `harness-${crypto.randomUUID().slice(0, 8)}@example.net`
    await expectReply('220')
    await say('EHLO candor.test')
    await expectReply('250')
    await say('MAIL FROM:<status@candor.test>')
    await expectReply('250')
    await say(`RCPT TO:<${to}>`)
    await expectReply('250')
    await say('DATA')
    await expectReply('354')
    await say(`Subject: Harness check\r\nTo: ${to}\r\n\r\nHello.\r\n.`)
    await expectReply('250')
    await say('QUIT')
    await socket.close()
    const received = await mailTo(to)
    expect(received.map((m) => [m.subject, m.text.trim()])).toEqual([['Harness check', 'Hello.']])
  })
})
