import { bytesToHex } from '../../lib/encoding'
import {
  assertSingleLine,
  foldAtSpaces,
  HeaderValueError,
  quotedPrintable,
  rfc5322Date,
  textHeader,
} from './mime-encoding'

/** What goes into one message: its parties, subject, both parts and any extra headers. */
export interface MimeInput {
  /** The From mailbox, already formatted (`Name <address>` or a bare address). */
  from: string
  to: string
  subject: string
  text: string
  html: string
  headers: Record<string, string>
  date: Date
  /** Without angle brackets: `id@domain`. */
  messageId: string
}

/** Headers the builder writes itself; extra headers may not replace them. */
const RESERVED = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
])

function extraHeaderLines(headers: Record<string, string>): string[] {
  return Object.entries(headers).map(([name, value]) => {
    if (!/^[A-Za-z0-9-]+$/.test(name) || RESERVED.has(name.toLowerCase())) {
      throw new HeaderValueError(`the header name "${name}" cannot be set`)
    }
    assertSingleLine(name, value)
    return foldAtSpaces(`${name}: ${value}`)
  })
}

function randomBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return `candor-${bytesToHex(bytes)}`
}

function part(contentType: string, body: string): string {
  return [
    `Content-Type: ${contentType}; charset=utf-8`,
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(body),
  ].join('\r\n')
}

/**
 * A complete RFC 5322 message with a multipart/alternative body (text first, then HTML, so
 * clients show the richest part they can), 7-bit clean, CRLF line ends. Throws
 * HeaderValueError for a header that would break the message.
 */
export function buildMimeMessage(input: MimeInput): string {
  const boundary = randomBoundary()
  const head = [
    `From: ${input.from}`,
    `To: ${input.to}`,
    textHeader('Subject', input.subject),
    `Date: ${rfc5322Date(input.date)}`,
    `Message-ID: <${input.messageId}>`,
    'MIME-Version: 1.0',
    ...extraHeaderLines(input.headers),
    `Content-Type: multipart/alternative;\r\n boundary="${boundary}"`,
  ]
  for (const line of [input.from, input.to, input.messageId]) assertSingleLine('address', line)
  return [
    ...head,
    '',
    `--${boundary}`,
    part('text/plain', input.text),
    `--${boundary}`,
    part('text/html', input.html),
    `--${boundary}--`,
    '',
  ].join('\r\n')
}
