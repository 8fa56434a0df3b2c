import { invalidField } from './errors'
import { localAddressRefusal } from './outbound-address'

/**
 * A webhook URL as given, checked: absolute http(s), https only, no credentials in it, and not
 * naming a local or private place (see `localAddressRefusal`). `allowHttp` is the development
 * switch (`ALLOW_HTTP_WEBHOOKS=true`): it allows plain http and local/private addresses.
 * Throws a 400 at `path` otherwise.
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
  const refusal = allowHttp ? null : localAddressRefusal(url)
  if (refusal) {
    throw invalidField(
      path,
      `The webhook URL must not point to a local or private address (${refusal}).`,
    )
  }
  return url.href
}

/**
 * Why a stored URL may not be fetched now, or null when it may: the same rules as
 * `checkWebhookUrl`, for send time (a URL stored before the rules, or a setting changed since).
 */
export function outboundUrlRefusal(raw: string, allowHttp: boolean): string | null {
  try {
    checkWebhookUrl(raw, allowHttp)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/** A new Standard Webhooks signing secret: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return `whsec_${btoa(String.fromCharCode(...bytes))}`
}
