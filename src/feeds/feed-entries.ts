import type { PublicView } from '../domain/public-view'
import type { IncidentJson, MaintenanceJson } from '../schemas/statuspage'
import { isCancelled, updateStatusLabel } from '../domain/status-words'
import { nameList } from '../i18n/name-list'
import type { Reader } from '../i18n/reader'
import type { PublishedPostmortem } from '../domain/postmortems'
import { escapeXml } from './markup'

/** How many entries a feed carries: the page's recent incidents and maintenance. */
export const FEED_LIMIT = 50

export type FeedItem = IncidentJson | MaintenanceJson

/** What a feed document is made of. */
export interface FeedInput {
  pageName: string
  baseUrl: string
  /** The feed's own URL (its query included). */
  selfUrl: string
  builtAt: string
  items: FeedItem[]
  /** Published postmortems by incident id, rendered and sanitised: appended to their entries. */
  postmortems?: Record<string, PublishedPostmortem>
  /** Who the feed is written for: its language, and the page's zone for every time in text. */
  reader: Reader
}

/** True when the incident or maintenance touches the component (or, for a group, a member). */
export function touchesComponent(item: FeedItem, componentId: string): boolean {
  return item.components.some((c) => c.id === componentId || c.group_id === componentId)
}

/**
 * The feed's entries, most recently changed first: incidents and maintenance from the public
 * snapshot, optionally only those touching one component.
 */
export function feedItems(view: PublicView, componentId?: string): FeedItem[] {
  const all: FeedItem[] = [...view.incidents(), ...view.maintenances()]
  const chosen = componentId ? all.filter((i) => touchesComponent(i, componentId)) : all
  return chosen.sort((a, b) => b.updated_at.localeCompare(a.updated_at)).slice(0, FEED_LIMIT)
}

/** The status word key of an item: "cancelled" for a maintenance called off, else its status. */
function itemStatus(item: FeedItem): string {
  return isCancelled(item) ? 'cancelled' : item.status
}

/** An update's status key: "cancelled" for the update that cancelled (as the pages word it). */
function updateStatus(update: FeedItem['incident_updates'][number], item: FeedItem): string {
  return updateStatusLabel(update, item) === 'Cancelled' ? 'cancelled' : update.status
}

/** "Fibre down in M16 — Identified" / "Mast upgrade — Scheduled" / "Mast upgrade — Cancelled". */
export function entryTitle(item: FeedItem, reader: Reader): string {
  if (isUpcomingItem(item)) {
    const time = reader.clock.dateTime(item.expected_start!)
    return reader.t('feeds.upcomingTitle', { name: item.name, time })
  }
  const status = reader.t('feeds.status', { status: itemStatus(item) })
  return reader.t('feeds.entryTitle', { name: item.name, status })
}

/** A known fault posted early that has not taken effect yet. */
function isUpcomingItem(item: FeedItem): boolean {
  return item.impact !== 'maintenance' && item.upcoming && item.expected_start !== null
}

/** The honest state of an open incident in one line each: ETA and its moves, next update. */
function promiseLines(item: FeedItem, reader: Reader): string[] {
  const { clock, t } = reader
  const lines: string[] = []
  const closed = ['resolved', 'postmortem', 'completed'].includes(item.status)
  if (closed) return lines
  if (item.eta) {
    const history = item.eta_history
      .filter((e) => e.eta !== null)
      .map((e) => clock.dateTime(e.eta!))
      .join(' → ')
    const values = { time: clock.dateTime(item.eta), moves: item.eta_moves, history }
    lines.push(t(item.eta_passed ? 'feeds.etaPassed' : 'feeds.eta', values))
  }
  if (item.update_overdue) {
    lines.push(t('feeds.updateOverdue', { span: clock.span(Math.max(1, item.overdue_minutes)) }))
  } else if (item.next_update_at) {
    lines.push(t('feeds.nextUpdate', { time: clock.dateTime(item.next_update_at) }))
  }
  if (item.workaround) lines.push(t('feeds.workaround', { text: item.workaround }))
  return lines
}

/** The first fact of an entry: the maintenance window, an announcement, or the impact. */
function leadFact(item: FeedItem, reader: Reader): string {
  const { clock, t } = reader
  if (item.impact === 'maintenance') {
    const m = item as MaintenanceJson
    const window = clock.range(m.scheduled_for, m.scheduled_until)
    return t('feeds.maintenanceWindow', { cancelled: isCancelled(item) ? 'yes' : 'no', window })
  }
  if (isUpcomingItem(item)) {
    const time = clock.dateTime(item.expected_start!)
    return t('feeds.announced', { time, impact: item.impact })
  }
  return t('feeds.impact', { impact: item.impact })
}

/**
 * The entry's body as HTML, in the reader's language and the page's zone: impact, window,
 * promises, then every update (escaped text, as ops wrote it), then the published postmortem
 * (markdown rendered and sanitised by `renderMarkdown`).
 */
export function entryHtml(
  item: FeedItem,
  reader: Reader,
  postmortem?: PublishedPostmortem,
): string {
  const { clock, t } = reader
  const facts = [
    leadFact(item, reader),
    ...(item.components.length
      ? [
          t('feeds.affects', {
            names: nameList(
              reader,
              item.components.map((c) => c.name),
            ),
          }),
        ]
      : []),
    ...(item.areas.length
      ? [
          t('feeds.areas', {
            names: nameList(
              reader,
              item.areas.map((a) => a.name),
            ),
          }),
        ]
      : []),
    ...promiseLines(item, reader),
  ]
  const updates = item.incident_updates.map(
    (u) =>
      `<p><strong>${escapeXml(t('feeds.status', { status: updateStatus(u, item) }))}</strong> — ${escapeXml(clock.dateTime(u.display_at))}<br>${escapeXml(u.body).replace(/\n/g, '<br>')}</p>`,
  )
  const after = postmortem
    ? [
        `<h2>${escapeXml(t('feeds.postmortem'))}</h2>\n<p>${escapeXml(t('feeds.published', { time: clock.dateTime(postmortem.publishedAt) }))}</p>\n${postmortem.html}`,
      ]
    : []
  return [`<p>${facts.map(escapeXml).join('<br>')}</p>`, ...updates, ...after].join('\n')
}

/** The latest update's words, for a summary. */
export function entrySummary(item: FeedItem): string {
  return item.incident_updates[0]?.body ?? item.name
}
