import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import type { TestProject } from 'vitest/node'

/**
 * Real parts for the tests, started once in Node before any test:
 * - an SMTP server (smtp-server) that keeps every message it receives, and answers as scripted
 *   for an address (PUT /control/smtp/{address}: refuse RCPT, or keep the message but refuse
 *   it after DATA, as a relay does that accepted a message and then lost the connection);
 * - a slow SMTP server, the same but taking SLOW_SMTP_DELAY_MS over each message;
 * - an HTTP receiver for webhooks whose answers each test can script;
 * - an inspection API on the receiver: GET /mail, GET|PUT|DELETE /control/{name};
 * - a Cloudflare Access team's certs endpoint on the receiver, GET /cdn-cgi/access/certs,
 *   serving the key set a test puts at PUT /control/access-certs (`{keys: [...], status?}`), counting
 *   how often it is fetched (GET /control/access-certs); one set per Host it is reached by.
 * Worker tests reach them over loopback; their URLs are provided as `receiverUrl` and `smtpUrl`.
 */

export interface ReceivedRequest {
  method: string
  path: string
  headers: Record<string, string>
  body: string
  at: string
}

export interface ScriptedResponse {
  status: number
  headers?: Record<string, string>
  body?: string
  delayMs?: number
}

export interface ReceivedMail {
  from: string
  to: string[]
  subject: string
  text: string
  html: string
  headers: Record<string, string>
  raw: string
  at: string
  /** The SMTP connection it came over: messages sent over one connection share it. */
  session: string
  /** Which server received it. */
  server: 'shared' | 'slow'
}

/** A scripted SMTP answer for one address: the next message to it meets this. */
export interface ScriptedSmtpAnswer {
  /** `rcpt`: RCPT TO is refused; `data`: the message is received, then refused. */
  stage: 'rcpt' | 'data'
  code: number
  /** With `data`: the server keeps the message although it answered with an error. */
  keep?: boolean
}

/** How long the slow SMTP server takes over each message. */
export const SLOW_SMTP_DELAY_MS = 700

declare module 'vitest' {
  export interface ProvidedContext {
    receiverUrl: string
    smtpUrl: string
    slowSmtpUrl: string
    /** Atlassian's OpenAPI document of the Manage API v1 (JSON text), from ../shared/fixtures. */
    manageV1Spec: string
  }
}

/** The shared fixtures sit beside the project (`../shared/fixtures`), never inside it. */
const MANAGE_V1_SPEC = path.resolve(
  import.meta.dirname,
  '../../../shared/fixtures/statuspage-manage-api-v1.json',
)

const requests = new Map<string, ReceivedRequest[]>()
const scripts = new Map<string, ScriptedResponse[]>()
const mail: ReceivedMail[] = []
const smtpScripts = new Map<string, ScriptedSmtpAnswer[]>()
/**
 * The public keys the certs endpoint serves, as Cloudflare's does: `{keys: [...]}` — one set
 * per Host the receiver is reached by, so a test file playing the team as `localhost` does not
 * meet the keys another file puts for `127.0.0.1`.
 */
const accessCertsByHost = new Map<
  string,
  { body: { keys: unknown[] }; status: number; fetches: number }
>()

function accessCertsFor(req: IncomingMessage) {
  const host = req.headers.host ?? ''
  let certs = accessCertsByHost.get(host)
  if (!certs) {
    certs = { body: { keys: [] }, status: 200, fetches: 0 }
    accessCertsByHost.set(host, certs)
  }
  return certs
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(value))
}

function flatHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) out[k] = Array.isArray(v) ? v.join(', ') : (v ?? '')
  return out
}

/** Webhook receiver plus the inspection API. */
async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://receiver')
  const body = await readBody(req)
  const smtpControl = /^\/control\/smtp\/([^/]+)$/.exec(url.pathname)
  if (smtpControl && req.method === 'PUT') {
    const address = decodeURIComponent(smtpControl[1]!).toLowerCase()
    smtpScripts.set(address, (JSON.parse(body) as { answers: ScriptedSmtpAnswer[] }).answers)
    return sendJson(res, 204, null)
  }
  if (url.pathname === '/control/access-certs') {
    const accessCerts = accessCertsFor(req)
    if (req.method === 'PUT') {
      const put = JSON.parse(body) as { keys: unknown[]; status?: number }
      accessCerts.body = { keys: put.keys }
      accessCerts.status = put.status ?? 200
      return sendJson(res, 204, null)
    }
    return sendJson(res, 200, { fetches: accessCerts.fetches })
  }
  if (url.pathname === '/cdn-cgi/access/certs') {
    const accessCerts = accessCertsFor(req)
    accessCerts.fetches += 1
    return sendJson(res, accessCerts.status, accessCerts.body)
  }
  const control = /^\/control\/([^/]+)$/.exec(url.pathname)
  if (control) {
    const name = decodeURIComponent(control[1]!)
    if (req.method === 'PUT') {
      scripts.set(name, (JSON.parse(body) as { responses: ScriptedResponse[] }).responses)
      return sendJson(res, 204, null)
    }
    if (req.method === 'DELETE') {
      scripts.delete(name)
      requests.delete(name)
      return sendJson(res, 204, null)
    }
    return sendJson(res, 200, { requests: requests.get(name) ?? [] })
  }
  if (url.pathname === '/mail') {
    if (req.method === 'DELETE') {
      mail.length = 0
      return sendJson(res, 204, null)
    }
    const to = url.searchParams.get('to')?.toLowerCase()
    return sendJson(res, 200, { messages: to ? mail.filter((m) => m.to.includes(to)) : mail })
  }
  const hook = /^\/hooks\/([^/]+)/.exec(url.pathname)
  const name = hook ? decodeURIComponent(hook[1]!) : 'default'
  const list = requests.get(name) ?? []
  list.push({
    method: req.method ?? 'GET',
    path: url.pathname + url.search,
    headers: flatHeaders(req.headers),
    body,
    at: new Date().toISOString(),
  })
  requests.set(name, list)
  const next = scripts.get(name)?.shift() ?? { status: 200 }
  if (next.delayMs) await new Promise((r) => setTimeout(r, next.delayMs))
  res.writeHead(next.status, next.headers ?? {})
  res.end(next.body ?? '')
}

function listen(server: Server | SMTPServer): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = (server as Server).address?.() ?? (server as SMTPServer).server.address()
      resolve((address as AddressInfo).port)
    })
  })
}

/** The next scripted answer for `address` at `stage`, taken off its script. */
function scripted(address: string, stage: ScriptedSmtpAnswer['stage']): ScriptedSmtpAnswer | null {
  const script = smtpScripts.get(address.toLowerCase())
  if (!script?.length || script[0]!.stage !== stage) return null
  return script.shift()!
}

function smtpError(answer: ScriptedSmtpAnswer): Error {
  return Object.assign(new Error(`scripted ${answer.code}`), { responseCode: answer.code })
}

/** A real SMTP server keeping what it receives in `mail`, `delayMs` slow per message. */
function smtpServer(server: ReceivedMail['server'], delayMs: number): SMTPServer {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const answer = scripted(address.address, 'rcpt')
      callback(answer ? smtpError(answer) : undefined)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase())
        const answer = to.map((a) => scripted(a, 'data')).find((a) => a !== null) ?? null
        simpleParser(raw)
          .then(async (parsed) => {
            if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs))
            const headers: Record<string, string> = {}
            for (const line of parsed.headerLines) {
              headers[line.key.toLowerCase()] = line.line.slice(line.line.indexOf(':') + 1).trim()
            }
            if (!answer || answer.keep) {
              mail.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to,
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : '',
                headers,
                raw,
                at: new Date().toISOString(),
                session: session.id,
                server,
              })
            }
            callback(answer ? smtpError(answer) : null)
          })
          .catch((error: Error) => callback(error))
      })
    },
  })
  // A client may drop its connection mid-message (a Worker whose test file has ended while it
  // was still sending); that is no reason to end the whole test run.
  smtp.on('error', () => {})
  return smtp
}

export default async function setup(project: TestProject) {
  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendJson(res, 500, { error: String(error) }))
  })
  const smtp = smtpServer('shared', 0)
  const slowSmtp = smtpServer('slow', SLOW_SMTP_DELAY_MS)
  const [httpPort, smtpPort, slowSmtpPort] = await Promise.all([
    listen(http),
    listen(smtp),
    listen(slowSmtp),
  ])
  project.provide('receiverUrl', `http://127.0.0.1:${httpPort}`)
  project.provide('smtpUrl', `smtp://127.0.0.1:${smtpPort}`)
  project.provide('slowSmtpUrl', `smtp://127.0.0.1:${slowSmtpPort}`)
  // Read in Node and handed over: worker tests cannot read files. Missing, the v1 contract
  // tests say so instead of passing without their reference.
  project.provide('manageV1Spec', await readFile(MANAGE_V1_SPEC, 'utf8').catch(() => ''))
  return async () => {
    await new Promise<void>((r) => http.close(() => r()))
    await new Promise<void>((r) => smtp.close(() => r()))
    await new Promise<void>((r) => slowSmtp.close(() => r()))
  }
}
