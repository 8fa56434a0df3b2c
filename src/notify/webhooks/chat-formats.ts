import { formatUtcNumeric } from '../../lib/time-format'
import { etaMovesText, summarizeEvent, type EventSummary } from '../event-summary'
import type { EventMessage } from '../types'

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

function etaLine(s: EventSummary, time: (iso: string) => string): string | null {
  if (s.closed) return null
  if (!s.eta) return s.impact === null ? null : 'No estimate yet'
  const moves = etaMovesText(s.etaMoves)
  const when = s.etaPassed ? `${time(s.eta)} passed — no new estimate yet` : time(s.eta)
  return moves ? `${when} (${moves})` : when
}

function headline(s: EventSummary): string {
  return `${s.title} — ${s.status}`
}

const slackEscape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

/** Slack shows `<!date^…>` in each reader's own time zone, with the UTC text as fallback. */
const slackTime = (iso: string) =>
  `<!date^${Math.floor(Date.parse(iso) / 1000)}^{date_short_pretty} {time}|${formatUtcNumeric(iso)}>`

/** A Slack incoming-webhook message: `text` for notifications, `blocks` for the layout. */
export function slackMessage(message: EventMessage): Record<string, unknown> {
  const s = summarizeEvent(message)
  const eta = etaLine(s, slackTime)
  const fields = [
    { label: 'Status', value: slackEscape(s.impact ? `${s.status} · ${s.impact}` : s.status) },
    s.expectedStart ? { label: 'Expected from', value: slackTime(s.expectedStart) } : null,
    eta ? { label: 'ETA', value: eta } : null,
    s.etaHistory ? { label: 'ETA history', value: s.etaHistory } : null,
    s.nextUpdateAt ? { label: 'Next update', value: slackTime(s.nextUpdateAt) } : null,
    s.components.length
      ? { label: 'Components', value: slackEscape(s.components.join(', ')) }
      : null,
    s.areas.length ? { label: 'Areas', value: slackEscape(s.areas.join(', ')) } : null,
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
      text: { type: 'mrkdwn', text: cut(`*Workaround*\n${slackEscape(s.workaround)}`, 3000) },
    })
  }
  blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: message.incident ? 'View incident' : 'View status page' },
        url: s.link,
      },
    ],
  })
  const text = [
    slackEscape(headline(s)),
    eta ? `ETA ${eta}` : null,
    s.nextUpdateAt ? `next update ${slackTime(s.nextUpdateAt)}` : null,
    `<${s.link}|details>`,
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
  const s = summarizeEvent(message)
  const eta = etaLine(s, discordTime)
  const fields = [
    { name: 'Status', value: s.impact ? `${s.status} · ${s.impact}` : s.status, inline: true },
    s.expectedStart
      ? { name: 'Expected from', value: discordTime(s.expectedStart), inline: true }
      : null,
    eta ? { name: 'ETA', value: eta, inline: true } : null,
    s.etaHistory ? { name: 'ETA history', value: s.etaHistory, inline: false } : null,
    s.nextUpdateAt
      ? { name: 'Next update', value: discordTime(s.nextUpdateAt), inline: true }
      : null,
    s.workaround ? { name: 'Workaround', value: s.workaround, inline: false } : null,
    s.components.length
      ? { name: 'Components', value: s.components.join(', '), inline: false }
      : null,
    s.areas.length ? { name: 'Areas', value: s.areas.join(', '), inline: false } : null,
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
  const s = summarizeEvent(message)
  const eta = etaLine(s, formatUtcNumeric)
  const facts = [
    { title: 'Status', value: s.impact ? `${s.status} · ${s.impact}` : s.status },
    s.expectedStart ? { title: 'Expected from', value: formatUtcNumeric(s.expectedStart) } : null,
    eta ? { title: 'ETA', value: eta } : null,
    s.etaHistory ? { title: 'ETA history', value: s.etaHistory } : null,
    s.nextUpdateAt ? { title: 'Next update', value: formatUtcNumeric(s.nextUpdateAt) } : null,
    s.workaround ? { title: 'Workaround', value: s.workaround } : null,
    s.components.length ? { title: 'Components', value: s.components.join(', ') } : null,
    s.areas.length ? { title: 'Areas', value: s.areas.join(', ') } : null,
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
              title: message.incident ? 'View incident' : 'View status page',
              url: s.link,
            },
          ],
        },
      },
    ],
  }
}
