/**
 * The encodings an email needs to carry any text over 7-bit SMTP: quoted-printable bodies
 * (RFC 2045), encoded-words in headers (RFC 2047), folded header lines and RFC 5322 dates.
 */

const utf8 = new TextEncoder()

/** A value that cannot be put in a header (a CR or LF would start a header of its own). */
export class HeaderValueError extends Error {
  override name = 'HeaderValueError'
}

function hexByte(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0')
}

/** One line (no line break in it) as quoted-printable, with soft breaks under 76 characters. */
function quotedPrintableLine(line: string): string {
  const bytes = utf8.encode(line)
  let out = ''
  let width = 0
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!
    const isLast = i === bytes.length - 1
    // Spaces and tabs stay readable except at the end of a line, where transports strip them.
    const literal =
      (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !isLast)
    const token = literal ? String.fromCharCode(byte) : `=${hexByte(byte)}`
    if (width + token.length > 75) {
      out += '=\r\n'
      width = 0
    }
    out += token
    width += token.length
  }
  return out
}

/** UTF-8 text as quoted-printable with CRLF line ends, every line at most 76 characters. */
export function quotedPrintable(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map(quotedPrintableLine).join('\r\n')
}

/** Bytes allowed as themselves inside a Q encoded-word, in a subject and in a phrase alike. */
const Q_SAFE = /^[A-Za-z0-9!*+\-/]$/

/** One character as Q-encoding: `_` for a space, `=XX` per byte for anything unsafe. */
function qEncodeChar(char: string): string {
  if (char === ' ') return '_'
  if (Q_SAFE.test(char)) return char
  return Array.from(utf8.encode(char), (b) => `=${hexByte(b)}`).join('')
}

const WORD_START = '=?UTF-8?Q?'
const WORD_END = '?='
/** An encoded-word may be 75 characters long, its markers included (RFC 2047 §2). */
const MAX_WORD_PAYLOAD = 75 - WORD_START.length - WORD_END.length

/**
 * Text as RFC 2047 Q encoded-words, split between whole characters so no word is over 75
 * characters and, after `indent` characters already on the first line (a header's name),
 * no line over 78; the words are joined by folding whitespace, which decoders drop.
 */
export function encodedWords(text: string, indent = 0): string {
  const words: string[] = []
  let current = ''
  let room = Math.min(MAX_WORD_PAYLOAD, 78 - indent - WORD_START.length - WORD_END.length)
  for (const char of text) {
    const encoded = qEncodeChar(char)
    if (current.length + encoded.length > room && current) {
      words.push(current)
      current = ''
      room = MAX_WORD_PAYLOAD
    }
    current += encoded
  }
  words.push(current)
  return words.map((w) => `${WORD_START}${w}${WORD_END}`).join('\r\n ')
}

/** True when every character is printable ASCII (or a space). */
export function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7E]*$/.test(text)
}

/** Throws if a header value could break out of its line. */
export function assertSingleLine(name: string, value: string): void {
  if (/[\r\n\0]/.test(value)) {
    throw new HeaderValueError(`the ${name} header may not contain a line break`)
  }
}

/**
 * `Name: value` for unstructured text (a subject): ASCII folded at spaces to keep lines near
 * 78 characters, anything else as encoded-words.
 */
export function textHeader(name: string, value: string): string {
  assertSingleLine(name, value)
  if (!isPrintableAscii(value)) return `${name}: ${encodedWords(value, name.length + 2)}`
  return foldAtSpaces(`${name}: ${value}`)
}

/** Folds a header line before spaces so that lines stay within 78 characters where possible. */
export function foldAtSpaces(line: string): string {
  if (line.length <= 78) return line
  const out: string[] = []
  let rest = line
  // Never fold right after "Name:": the first line keeps the start of the value.
  let minimum = line.indexOf(': ') + 1
  while (rest.length > 78) {
    const cut = rest.lastIndexOf(' ', 78)
    if (cut <= minimum) break
    minimum = 0
    out.push(rest.slice(0, cut))
    rest = rest.slice(cut)
  }
  out.push(rest)
  return out.join('\r\n')
}

/** A mailbox `Display Name <address>`, the name quoted or encoded as it needs. */
export function formatMailbox(mailbox: { name?: string; address: string }): string {
  const { name, address } = mailbox
  assertSingleLine('address', address)
  if (!name) return address
  assertSingleLine('display name', name)
  if (!isPrintableAscii(name)) return `${encodedWords(name, 6)} <${address}>`
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/.test(name)) return `${name} <${address}>`
  return `"${name.replace(/[\\"]/g, '\\$&')}" <${address}>`
}

/** An RFC 5322 date in UTC: `Tue, 24 Nov 2026 01:00:00 +0000`. */
export function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000')
}
