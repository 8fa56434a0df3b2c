import type { WebhookFormat } from './subscriber-types'

/**
 * The chat service an incoming-webhook URL belongs to, or `standard` (a signed JSON event)
 * for any other URL.
 */
export function detectWebhookFormat(url: string): WebhookFormat {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'standard'
  }
  const host = parsed.hostname.toLowerCase()
  if (host === 'hooks.slack.com') return 'slack'
  if (
    ((host === 'discord.com' || host.endsWith('.discord.com')) &&
      parsed.pathname.startsWith('/api/webhooks')) ||
    host === 'discordapp.com' ||
    host.endsWith('.discordapp.com')
  ) {
    return 'discord'
  }
  // Teams: incoming-webhook connectors, and Power Automate "Workflows" webhooks.
  if (
    host.endsWith('.webhook.office.com') ||
    host === 'outlook.office.com' ||
    host.endsWith('.logic.azure.com')
  ) {
    return 'teams'
  }
  return 'standard'
}
