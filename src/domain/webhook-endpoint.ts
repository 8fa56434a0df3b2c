import { invalidField } from './errors'

/**
 * A webhook URL as given, checked: absolute http(s), https only unless plain http is allowed
 * (`ALLOW_HTTP_WEBHOOKS=true`), no credentials in it. Throws a 400 at `path` otherwise.
 */
export function checkWebhookUrl(raw: string, allowHttp: boolean, path = 'url'): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw invalidField(path, 'Give the full webhook URL, starting with https://.')
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    throw invalidField(
      path,
      allowHttp
        ? 'The webhook URL must start with https:// or http://.'
        : 'The webhook URL must start with https:// (plain http is not allowed here).',
    )
  }
  if (url.username || url.password) {
    throw invalidField(path, 'The webhook URL must not contain a user name or password.')
  }
  if (url.href.length > 2000) throw invalidField(path, 'The webhook URL is too long.')
  return url.href
}

/** A new Standard Webhooks signing secret: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return `whsec_${btoa(String.fromCharCode(...bytes))}`
}
