import { connect } from 'cloudflare:sockets'
import type { SmtpSettings } from './smtp-url'

/** One SMTP reply: its code and its text (the lines of a multi-line reply joined by \n). */
export interface SmtpReply {
  code: number
  text: string
}

/** The server refused one message (sender, recipient or content); the session goes on. */
export class SmtpRejection extends Error {
  override name = 'SmtpRejection'
  constructor(
    readonly stage: 'sender' | 'recipient' | 'data' | 'message',
    readonly reply: SmtpReply,
  ) {
    super(`${stage} refused: ${reply.code} ${reply.text.split('\n')[0]}`)
  }
}

/** The connection could not be made, failed, timed out or was closed: the session is over. */
export class SmtpConnectionError extends Error {
  override name = 'SmtpConnectionError'
}

/** Timeouts; generous because a busy relay may take its time, bounded so nothing hangs. */
export interface SmtpTimeouts {
  connectMs: number
  replyMs: number
  /** After the message data, while the server accepts (and often scans) it. */
  dataEndMs: number
}

const DEFAULT_TIMEOUTS: SmtpTimeouts = { connectMs: 10_000, replyMs: 30_000, dataEndMs: 60_000 }

const utf8 = new TextEncoder()

/** Races `promise` against a timer; the timer is always cleared. */
async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SmtpConnectionError(`${what} took longer than ${ms / 1000} s`)),
      ms,
    )
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

function base64Utf8(text: string): string {
  return btoa(Array.from(utf8.encode(text), (b) => String.fromCharCode(b)).join(''))
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '::1' || /^127\./.test(hostname)
}

/** Lines of the message that begin with a dot get a second one (RFC 5321 §4.5.2). */
function dotStuffed(message: string): string {
  const stuffed = message.replace(/(^|\r\n)\./g, '$1..')
  return stuffed.endsWith('\r\n') ? stuffed : `${stuffed}\r\n`
}

/**
 * One SMTP connection over `cloudflare:sockets`, able to send many messages one after the
 * other (RFC 5321): greeting, EHLO, STARTTLS when the settings ask for it and the server
 * offers it, AUTH PLAIN or LOGIN when credentials are given, then MAIL/RCPT/DATA per message.
 * A refusal of one message (SmtpRejection) leaves the session usable; any failure of the
 * connection itself (SmtpConnectionError, including a 421 reply) ends it.
 */
export class SmtpSession {
  private reader: ReadableStreamDefaultReader<Uint8Array>
  private writer: WritableStreamDefaultWriter<Uint8Array>
  private readonly decoder = new TextDecoder()
  private buffer = ''
  private broken = false
  /** True once the connection is encrypted (implicit TLS, or after STARTTLS). */
  private encrypted = false
  private capabilities = new Map<string, string>()

  private constructor(
    private socket: Socket,
    private readonly timeouts: SmtpTimeouts,
  ) {
    this.reader = socket.readable.getReader()
    this.writer = socket.writable.getWriter()
  }

  /** Connects, greets and authenticates; throws SmtpConnectionError if any of it fails. */
  static async open(
    settings: SmtpSettings,
    options: { heloName: string; timeouts?: Partial<SmtpTimeouts> },
  ): Promise<SmtpSession> {
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
    const where = `${settings.hostname}:${settings.port}`
    let session: SmtpSession | undefined
    try {
      const socket = connect(
        { hostname: settings.hostname, port: settings.port },
        { secureTransport: settings.security === 'tls' ? 'on' : 'starttls', allowHalfOpen: false },
      )
      // Failures surface through reads and writes; this keeps `closed` from going unhandled.
      socket.closed.catch(() => {})
      session = new SmtpSession(socket, timeouts)
      session.encrypted = settings.security === 'tls'
      await withDeadline(socket.opened, timeouts.connectMs, `connecting to ${where}`)
      await session.expect(await session.readReply(timeouts.replyMs), [220], 'greeting')
      await session.hello(options.heloName)
      if (settings.security === 'starttls' && session.capabilities.has('STARTTLS')) {
        await session.expect(await session.command('STARTTLS'), [220], 'STARTTLS')
        session.upgradeToTls()
        await session.hello(options.heloName)
      }
      if (settings.username !== undefined) {
        if (!session.encrypted && !isLoopback(settings.hostname)) {
          throw new SmtpConnectionError(
            `${where} does not offer STARTTLS; not sending the password unencrypted (use smtps:// or a server with STARTTLS)`,
          )
        }
        await session.authenticate(settings.username, settings.password ?? '')
      }
      return session
    } catch (error) {
      await session?.abort()
      if (error instanceof SmtpConnectionError) throw error
      const reason = error instanceof Error ? error.message : String(error)
      throw new SmtpConnectionError(`SMTP server ${where}: ${reason}`)
    }
  }

  /** False once the connection has failed or been closed. */
  get usable(): boolean {
    return !this.broken
  }

  /**
   * Sends one message (a complete RFC 5322 text with CRLF line ends) to one recipient.
   * Throws SmtpRejection if the server refuses it, SmtpConnectionError if the connection fails.
   */
  async sendMail(from: string, to: string, message: string): Promise<void> {
    const international = /[^\x00-\x7F]/.test(from + to)
    if (international && !this.capabilities.has('SMTPUTF8')) {
      throw new SmtpRejection('recipient', {
        code: 553,
        text: 'the SMTP server does not accept non-ASCII addresses (no SMTPUTF8)',
      })
    }
    try {
      await this.step(`MAIL FROM:<${from}>${international ? ' SMTPUTF8' : ''}`, [250], 'sender')
      await this.step(`RCPT TO:<${to}>`, [250, 251], 'recipient')
      await this.step('DATA', [354], 'data')
    } catch (error) {
      if (error instanceof SmtpRejection) await this.reset()
      throw error
    }
    await this.write(`${dotStuffed(message)}.\r\n`)
    const reply = await this.readReply(this.timeouts.dataEndMs)
    this.throwIfClosing(reply)
    if (reply.code < 200 || reply.code > 299) throw new SmtpRejection('message', reply)
  }

  /** Says QUIT and closes the socket; never throws. */
  async close(): Promise<void> {
    if (!this.broken) {
      try {
        await this.write('QUIT\r\n')
        await this.readReply(5_000)
      } catch {
        // the server may hang up first
      }
    }
    await this.abort()
  }

  /** Closes the socket at once and marks the session unusable; never throws. */
  async abort(): Promise<void> {
    this.broken = true
    try {
      await this.socket.close()
    } catch {
      // already closed
    }
  }

  private async step(line: string, accepted: number[], stage: SmtpRejection['stage']) {
    const reply = await this.command(line)
    if (!accepted.includes(reply.code)) throw new SmtpRejection(stage, reply)
  }

  /**
   * Clears a refused transaction so the next message starts clean; if even that fails the
   * session is ended (the next message then opens a new one). Never throws.
   */
  private async reset(): Promise<void> {
    if (this.broken) return
    try {
      const reply = await this.command('RSET')
      if (reply.code !== 250) await this.abort()
    } catch {
      // command() has already ended the session
    }
  }

  private async hello(name: string): Promise<void> {
    const reply = await this.command(`EHLO ${name}`)
    if (reply.code === 250) {
      // Every line after the first names an extension: "AUTH PLAIN LOGIN", "STARTTLS", …
      const lines = reply.text.split('\n').slice(1)
      this.capabilities = new Map(
        lines.map((line) => {
          const [keyword = '', ...params] = line.trim().split(/\s+/)
          return [keyword.toUpperCase(), params.join(' ').toUpperCase()]
        }),
      )
      return
    }
    this.capabilities = new Map()
    await this.expect(await this.command(`HELO ${name}`), [250], 'HELO')
  }

  private upgradeToTls(): void {
    this.reader.releaseLock()
    this.writer.releaseLock()
    this.socket = this.socket.startTls()
    this.reader = this.socket.readable.getReader()
    this.writer = this.socket.writable.getWriter()
    this.buffer = ''
    this.encrypted = true
  }

  private async authenticate(username: string, password: string): Promise<void> {
    // A server that offers no AUTH has nothing to log in to: it relays as it is.
    if (!this.capabilities.has('AUTH')) return
    const mechanisms = (this.capabilities.get('AUTH') ?? '').split(' ')
    if (mechanisms.includes('PLAIN')) {
      const reply = await this.command(`AUTH PLAIN ${base64Utf8(`\0${username}\0${password}`)}`)
      return this.expect(reply, [235], 'authentication')
    }
    if (mechanisms.includes('LOGIN')) {
      await this.expect(await this.command('AUTH LOGIN'), [334], 'authentication')
      await this.expect(await this.command(base64Utf8(username)), [334], 'authentication')
      return this.expect(await this.command(base64Utf8(password)), [235], 'authentication')
    }
    throw new SmtpConnectionError(`the SMTP server offers neither AUTH PLAIN nor LOGIN`)
  }

  /** A reply outside `accepted` during setup ends the session. */
  private async expect(reply: SmtpReply, accepted: number[], what: string): Promise<void> {
    if (accepted.includes(reply.code)) return
    await this.abort()
    throw new SmtpConnectionError(`${what} refused: ${reply.code} ${reply.text.split('\n')[0]}`)
  }

  /** 421: the server is closing the connection (RFC 5321 §3.8). */
  private throwIfClosing(reply: SmtpReply): void {
    if (reply.code !== 421) return
    void this.abort()
    throw new SmtpConnectionError(`the SMTP server closed the connection: 421 ${reply.text}`)
  }

  private async command(line: string): Promise<SmtpReply> {
    await this.write(`${line}\r\n`)
    const reply = await this.readReply(this.timeouts.replyMs)
    this.throwIfClosing(reply)
    return reply
  }

  private async write(text: string): Promise<void> {
    if (this.broken) throw new SmtpConnectionError('the SMTP connection is closed')
    try {
      await withDeadline(this.writer.write(utf8.encode(text)), this.timeouts.replyMs, 'sending')
    } catch (error) {
      throw await this.failure(error)
    }
  }

  private async readReply(timeoutMs: number): Promise<SmtpReply> {
    const deadline = Date.now() + timeoutMs
    const lines: string[] = []
    for (;;) {
      const line = await this.readLine(deadline)
      const match = /^(\d{3})([ -]?)(.*)$/.exec(line)
      if (!match) throw await this.failure(new Error(`not an SMTP reply: ${line.slice(0, 80)}`))
      lines.push(match[3]!)
      if (match[2] !== '-') return { code: Number(match[1]), text: lines.join('\n') }
    }
  }

  private async readLine(deadline: number): Promise<string> {
    for (;;) {
      const end = this.buffer.indexOf('\n')
      if (end >= 0) {
        const line = this.buffer.slice(0, end).replace(/\r$/, '')
        this.buffer = this.buffer.slice(end + 1)
        return line
      }
      let chunk: ReadableStreamReadResult<Uint8Array>
      try {
        const waitMs = Math.max(1, deadline - Date.now())
        chunk = await withDeadline(this.reader.read(), waitMs, 'waiting for the SMTP server')
      } catch (error) {
        throw await this.failure(error)
      }
      if (chunk.done) {
        throw await this.failure(new Error('the SMTP server closed the connection'))
      }
      this.buffer += this.decoder.decode(chunk.value, { stream: true })
    }
  }

  /** Ends the session after an I/O failure and describes it. */
  private async failure(error: unknown): Promise<SmtpConnectionError> {
    await this.abort()
    if (error instanceof SmtpConnectionError) return error
    return new SmtpConnectionError(error instanceof Error ? error.message : String(error))
  }
}
