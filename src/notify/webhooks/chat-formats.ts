import type { Reader } from '../../i18n/reader'
import { summarizeEvent, type EventSummary } from '../event-summary'
import { pageReaderOf } from '../notice-reader'
import { etaMovedText } from '../notice-times'
import type { EventMessage } from '../types'

/**
 * Chat messages for Slack, Discord and Teams, written in the page's default language with
 * times in the page's zone and its abbreviation ("2026-11-24 18:00 GMT"); Slack and Discord
 * also render times in each reader's own zone where they can.
 */

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

function etaLine(s: EventSummary, time: (iso: string) => string, reader: Reader): string | null {
  if (s.closed) return null
  if (!s.eta) return s.impact === null ? null : reader.t('chat.noEta')
  const when = s.etaPassed ? reader.t('chat.etaPassed', { when: time(s.eta) }) : time(s.eta)
  return s.etaMoves > 0
    ? reader.t('chat.etaMoved', { eta: when, moved: etaMovedText(reader, s.etaMoves) })
    : when
}

/** Names as the reader's language lists them ("A, B, C"). */
function names(reader: Reader, list: string[]): string {
  return new Intl.ListFormat(reader.locale, { type: 'unit', style: 'short' }).format(list)
}

function headline(s: EventSummary): string {
  return `${s.title} — ${s.status}`
}

const slackEscape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

/**
 * Slack shows `<!date^…>` in each reader's own time zone; where it cannot (notifications, old
 * clients) the fallback is the page's: "2026-11-24 18:00 GMT".
 */
const slackTime = (reader: Reader) => (iso: string) =>
  `<!date^${Math.floor(Date.parse(iso) / 1000)}^{date_short_pretty} {time}|${reader.clock.numeric(iso)}>`

/** A Slack incoming-webhook message: `text` for notifications, `blocks` for the layout. */
export function slackMessage(message: EventMessage): Record<string, unknown> {
  const reader = pageReaderOf(message)
  const s = summarizeEvent(message, reader)
  const time = slackTime(reader)
  const eta = etaLine(s, time, reader)
  const fields = [
    {
      label: reader.t('chat.status'),
      value: slackEscape(s.impact ? `${s.status} · ${s.impact}` : s.status),
    },
    s.expectedStart ? { label: reader.t('chat.expectedFrom'), value: time(s.expectedStart) } : null,
    eta ? { label: reader.t('chat.eta'), value: eta } : null,
    s.etaHistory ? { label: reader.t('chat.etaHistory'), value: s.etaHistory } : null,
    s.nextUpdateAt ? { label: reader.t('chat.nextUpdate'), value: time(s.nextUpdateAt) } : null,
    s.components.length
      ? { label: reader.t('chat.components'), value: slackEscape(names(reader, s.components)) }
      : null,
    s.areas.length
      ? { label: reader.t('chat.areas'), value: slackEscape(names(reader, s.areas)) }
      : null,
  ].filter((f) => f !== null)
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(s.title, 150), emoji: false } },
  ]
  if (s.body) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cut(slackEscape(s.body), 3000) } })
  }
  blocks.push({
    type: 'section',
    fields: fields.map((f) => ({ type: 'mrkdwn', text: cut(`*${f.label}*\n${f.value}`, 2000) })),
  })
  if (s.workaround) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: cut(`*${reader.t('chat.workaround')}*\n${slackEscape(s.workaround)}`, 3000),
      },
    })
  }
  blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        text: {
          type: 'plain_text',
          text: reader.t(message.incident ? 'chat.viewIncident' : 'chat.viewStatusPage'),
        },
        url: s.link,
      },
    ],
  })
  const text = [
    slackEscape(headline(s)),
    eta ? reader.t('chat.etaInline', { eta }) : null,
    s.nextUpdateAt ? reader.t('chat.nextUpdateInline', { when: time(s.nextUpdateAt) }) : null,
    `<${s.link}|${reader.t('chat.details')}>`,
  ]
  return { text: text.filter(Boolean).join(' · '), blocks }
}

const COLORS = {
  red: 0xd93f0b,
  orange: 0xe8890c,
  yellow: 0xf1c40f,
  green: 0x2ea44f,
  blue: 0x3b82f6,
}

function colorOf(message: EventMessage, s: EventSummary): number {
  if (s.closed) return COLORS.green
  const impact = message.incident?.impact
  if (impact === 'maintenance') return COLORS.blue
  if (impact === 'critical') return COLORS.red
  if (impact === 'major') return COLORS.orange
  if (impact === 'minor') return COLORS.yellow
  const status = message.component_update?.new_status
  if (status === 'major_outage') return COLORS.red
  if (status === 'partial_outage') return COLORS.orange
  if (status === 'under_maintenance') return COLORS.blue
  return COLORS.yellow
}

/** Discord renders `<t:…:f>` in each reader's own time zone. */
const discordTime = (iso: string) => {
  const epoch = Math.floor(Date.parse(iso) / 1000)
  return `<t:${epoch}:f> (<t:${epoch}:R>)`
}

/** A Discord webhook message: a one-line `content` and one embed with the facts. */
export function discordMessage(message: EventMessage): Record<string, unknown> {
  const reader = pageReaderOf(message)
  const s = summarizeEvent(message, reader)
  const eta = etaLine(s, discordTime, reader)
  const label = (key: Parameters<Reader['t']>[0]) => reader.t(key)
  const fields = [
    {
      name: label('chat.status'),
      value: s.impact ? `${s.status} · ${s.impact}` : s.status,
      inline: true,
    },
    s.expectedStart
      ? { name: label('chat.expectedFrom'), value: discordTime(s.expectedStart), inline: true }
      : null,
    eta ? { name: label('chat.eta'), value: eta, inline: true } : null,
    s.etaHistory ? { name: label('chat.etaHistory'), value: s.etaHistory, inline: false } : null,
    s.nextUpdateAt
      ? { name: label('chat.nextUpdate'), value: discordTime(s.nextUpdateAt), inline: true }
      : null,
    s.workaround ? { name: label('chat.workaround'), value: s.workaround, inline: false } : null,
    s.components.length
      ? { name: label('chat.components'), value: names(reader, s.components), inline: false }
      : null,
    s.areas.length
      ? { name: label('chat.areas'), value: names(reader, s.areas), inline: false }
      : null,
  ]
    .filter((f) => f !== null)
    .map((f) => ({ ...f, value: cut(f.value, 1024) }))
  return {
    content: cut(`**${headline(s)}**`, 2000),
    embeds: [
      {
        title: cut(s.title, 256),
        url: s.link,
        description: s.body ? cut(s.body, 4096) : undefined,
        color: colorOf(message, s),
        fields,
        timestamp: message.generatedAt,
        footer: { text: cut(`${s.pageName} · ${s.pageStatus}`, 2048) },
      },
    ],
    allowed_mentions: { parse: [] },
  }
}

/** A Microsoft Teams message carrying an Adaptive Card (Workflows and incoming webhooks). */
export function teamsMessage(message: EventMessage): Record<string, unknown> {
  const reader = pageReaderOf(message)
  const s = summarizeEvent(message, reader)
  const time = (iso: string) => reader.clock.numeric(iso)
  const eta = etaLine(s, time, reader)
  const title = (key: Parameters<Reader['t']>[0]) => reader.t(key)
  const facts = [
    { title: title('chat.status'), value: s.impact ? `${s.status} · ${s.impact}` : s.status },
    s.expectedStart ? { title: title('chat.expectedFrom'), value: time(s.expectedStart) } : null,
    eta ? { title: title('chat.eta'), value: eta } : null,
    s.etaHistory ? { title: title('chat.etaHistory'), value: s.etaHistory } : null,
    s.nextUpdateAt ? { title: title('chat.nextUpdate'), value: time(s.nextUpdateAt) } : null,
    s.workaround ? { title: title('chat.workaround'), value: s.workaround } : null,
    s.components.length
      ? { title: title('chat.components'), value: names(reader, s.components) }
      : null,
    s.areas.length ? { title: title('chat.areas'), value: names(reader, s.areas) } : null,
  ].filter((f) => f !== null)
  const body: unknown[] = [
    { type: 'TextBlock', text: s.title, weight: 'Bolder', size: 'Medium', wrap: true },
  ]
  if (s.body) body.push({ type: 'TextBlock', text: s.body, wrap: true })
  body.push({ type: 'FactSet', facts })
  return {
    type: 'message',
    summary: headline(s),
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          actions: [
            {
              type: 'Action.OpenUrl',
              title: reader.t(message.incident ? 'chat.viewIncident' : 'chat.viewStatusPage'),
              url: s.link,
            },
          ],
        },
      },
    ],
  }
}
