/** Where and how to reach an SMTP server, read from `SMTP_URL`. */
export interface SmtpSettings {
  hostname: string
  port: number
  /** `starttls`: plain connection upgraded when the server offers STARTTLS; `tls`: implicit TLS. */
  security: 'starttls' | 'tls'
  username?: string
  password?: string
}

/** A `SMTP_URL` that cannot be used; the message says what is wrong, never the password. */
export class SmtpUrlError extends Error {
  override name = 'SmtpUrlError'
}

/**
 * Reads `smtp://user:pass@host:port` (STARTTLS when offered, port 587 by default) or
 * `smtps://user:pass@host:port` (implicit TLS, port 465 by default). User and password are
 * optional and percent-decoded.
 */
export function parseSmtpUrl(value: string): SmtpSettings {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new SmtpUrlError('SMTP_URL is not a URL (expected smtp://user:pass@host:port)')
  }
  const security = url.protocol === 'smtp:' ? 'starttls' : url.protocol === 'smtps:' ? 'tls' : null
  if (!security) {
    throw new SmtpUrlError(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`)
  }
  if (!url.hostname) throw new SmtpUrlError('SMTP_URL has no host')
  const settings: SmtpSettings = {
    // URL keeps the brackets of an IPv6 literal; sockets want the bare address.
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : security === 'tls' ? 465 : 587,
    security,
  }
  if (url.username) settings.username = decodeURIComponent(url.username)
  if (url.password) settings.password = decodeURIComponent(url.password)
  return settings
}
