// A local SMTP server for development: every message it receives is kept as an .eml file in
// .candor/mail/ (open it with any mail program) and announced with one console line.
// `npm start` runs it and points Candor at it; `node scripts/mail-sink.mjs` runs it alone.

import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { ROOT } from './lib/wrangler.mjs'

/** Where messages are kept. */
export const MAIL_DIR = path.join(ROOT, '.candor', 'mail')

/** The port to listen on: MAIL_SINK_PORT, else 2525. */
export function mailSinkPort() {
  const port = Number(process.env.MAIL_SINK_PORT ?? 2525)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(
      `MAIL_SINK_PORT must be a TCP port number, not "${process.env.MAIL_SINK_PORT}".`,
    )
  }
  return port
}

/** "20261123-203912" in UTC, so files sort by arrival. */
function stamp(date) {
  return date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
}

/** A recipient as a safe piece of a file name. */
function safeName(text) {
  return text.replace(/[^A-Za-z0-9@._-]/g, '_').slice(0, 60) || 'unknown'
}

/** The console line for one message. */
export function describeMail({ to, subject, file }) {
  return `mail → ${to.join(', ')}  "${subject}"  ${path.relative(process.cwd(), file)}`
}

/**
 * Starts the sink on 127.0.0.1:`port` (plain SMTP, no login, no STARTTLS) writing into `dir`.
 * `onMessage` sees each message ({to, subject, file}); by default it prints one line.
 * Returns {port, url, dir, stop()}.
 */
export async function startMailSink({
  port = mailSinkPort(),
  dir = MAIL_DIR,
  onMessage = (message) => console.log(describeMail(message)),
} = {}) {
  await mkdir(dir, { recursive: true })
  let sequence = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Candor local mail sink',
    logger: false,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks = []
      stream.on('data', (chunk) => chunks.push(chunk))
      stream.on('error', callback)
      stream.on('end', async () => {
        try {
          const raw = Buffer.concat(chunks)
          const to = session.envelope.rcptTo.map((r) => r.address)
          const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true })
          sequence += 1
          const file = path.join(
            dir,
            `${stamp(new Date())}-${String(sequence).padStart(5, '0')}-${safeName(to[0] ?? '')}.eml`,
          )
          await writeFile(file, raw)
          onMessage({ to, subject: parsed.subject ?? '(no subject)', file })
          callback()
        } catch (error) {
          callback(error)
        }
      })
    },
  })
  server.on('error', (error) => console.error(`mail sink: ${error.message}`))
  await new Promise((resolve, reject) => {
    const onError = (error) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} for the local mail sink is already in use; stop what runs there or set MAIL_SINK_PORT.`
            : `The local mail sink cannot listen on port ${port}: ${error.message}`,
        ),
      )
    server.server.once('error', onError)
    server.listen(port, '127.0.0.1', () => {
      server.server.off('error', onError)
      resolve()
    })
  })
  return {
    port,
    dir,
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sink = await startMailSink()
  console.log(
    `Mail sink listening on ${sink.url}; messages go to ${path.relative(process.cwd(), sink.dir)}/`,
  )
  const stop = async () => {
    await sink.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
