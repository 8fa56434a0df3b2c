// The two local receivers of the fan-out benchmark, both counting into a DeliveryTally:
// an HTTP server taking webhooks on /hook/<n> (answers 204 and checks each Standard Webhooks
// signature with subscriber n's secret) and an SMTP server taking mail for reader-<n>@….

import { createServer } from 'node:http'
import { SMTPServer } from 'smtp-server'
import { Webhook } from 'standardwebhooks'

/** Subscriber n of a webhook path `/hook/<n>`, or null. */
function hookNumber(url) {
  const match = /^\/hook\/(\d+)$/.exec(url ?? '')
  return match ? Number(match[1]) : null
}

/** Subscriber n of an address `reader-<n>@…`, or null. */
function readerNumber(address) {
  const match = /^reader-(\d+)@/.exec(address ?? '')
  return match ? Number(match[1]) : null
}

/** Listens on 127.0.0.1 on a free port; resolves with the port. */
function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve(server.address().port)
    })
  })
}

/**
 * Starts the webhook receiver. `secrets[n]` verifies subscriber n. Returns
 * `{ port, hookUrl(n), stop() }`; every request is recorded in `tally`, the first body kept
 * as `tally.sampleBody`.
 */
export async function startWebhookReceiver(tally, secrets) {
  const verifiers = secrets.map((secret) => new Webhook(secret))
  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      const at = Date.now()
      const body = Buffer.concat(chunks).toString('utf8')
      const n = hookNumber(req.url)
      let ok = false
      try {
        if (n !== null && verifiers[n]) {
          verifiers[n].verify(body, req.headers)
          ok = true
        }
      } catch {
        ok = false
      }
      tally.sampleBody ??= body
      tally.record(n, req.headers['webhook-id'] ?? null, ok, at)
      // Always 204: a refusal would make Candor retry, which is not what is measured.
      res.writeHead(204)
      res.end()
    })
  })
  server.keepAliveTimeout = 30_000
  const port = await listen(server)
  return {
    port,
    hookUrl: (n) => `http://127.0.0.1:${port}/hook/${n}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** The Message-ID header of a raw message, from its head. */
function messageIdOf(raw) {
  const head = raw.subarray(0, 16_384).toString('latin1')
  const end = head.search(/\r?\n\r?\n/)
  const match = /^message-id:\s*(\S+)/im.exec(end >= 0 ? head.slice(0, end) : head)
  return match ? match[1] : null
}

/**
 * Starts an SMTP server (plain, no login) that takes every message, keeps nothing and counts
 * each by recipient and Message-ID into `tally`. Returns `{ port, url, stop() }`.
 */
export async function startCountingMailServer(tally) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Candor benchmark mail counter',
    logger: false,
    maxClients: 1000,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks = []
      stream.on('data', (chunk) => chunks.push(chunk))
      stream.on('error', callback)
      stream.on('end', () => {
        const at = Date.now()
        const messageId = messageIdOf(Buffer.concat(chunks))
        for (const rcpt of session.envelope.rcptTo) {
          tally.record(readerNumber(rcpt.address), messageId, true, at)
        }
        callback()
      })
    },
  })
  server.on('error', (error) => console.error(`mail counter: ${error.message}`))
  const port = await listen(server.server)
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
