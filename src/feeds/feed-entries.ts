import type { PublicView } from '../domain/public-view'
import type { IncidentJson, MaintenanceJson } from '../schemas/statuspage'
import { formatMinutes, formatUtc } from '../lib/time-format'
import {
  impactLabel,
  isCancelled,
  itemStatusLabel,
  updateStatusLabel,
} from '../domain/status-words'
import { etaMovesText } from '../notify/event-summary'
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

/** "Fibre down in M16 — Identified" / "Mast upgrade — Scheduled" / "Mast upgrade — Cancelled". */
export function entryTitle(item: FeedItem): string {
  if (isUpcomingItem(item))
    return `${item.name} — Upcoming, expected from ${formatUtc(item.expected_start!)}`
  return `${item.name} — ${itemStatusLabel(item)}`
}

/** A known fault posted early that has not taken effect yet. */
function isUpcomingItem(item: FeedItem): boolean {
  return item.impact !== 'maintenance' && item.upcoming && item.expected_start !== null
}

/** The honest state of an open incident in one line each: ETA and its moves, next update. */
function promiseLines(item: FeedItem): string[] {
  const lines: string[] = []
  const closed = ['resolved', 'postmortem', 'completed'].includes(item.status)
  if (closed) return lines
  if (item.eta) {
    const history = item.eta_history.filter((e) => e.eta !== null).map((e) => formatUtc(e.eta!))
    const moved =
      item.eta_moves > 0 ? ` — ${etaMovesText(item.eta_moves)}: ${history.join(' → ')}` : ''
    lines.push(
      item.eta_passed
        ? `ETA ${formatUtc(item.eta)} passed — no new estimate yet${moved}`
        : `ETA ${formatUtc(item.eta)}${moved}`,
    )
  }
  if (item.update_overdue) {
    lines.push(`Update overdue by ${formatMinutes(Math.max(1, item.overdue_minutes))}`)
  } else if (item.next_update_at) {
    lines.push(`Next update by ${formatUtc(item.next_update_at)}`)
  }
  if (item.workaround) lines.push(`Workaround: ${item.workaround}`)
  return lines
}

/**
 * The entry's body as HTML: impact, window, promises, then every update (escaped text), then
 * the published postmortem (markdown rendered and sanitised by `renderMarkdown`).
 */
export function entryHtml(item: FeedItem, postmortem?: PublishedPostmortem): string {
  const facts = [
    item.impact === 'maintenance'
      ? `${isCancelled(item) ? 'Cancelled maintenance, was planned for' : 'Maintenance'} ${formatUtc((item as MaintenanceJson).scheduled_for)} – ${formatUtc((item as MaintenanceJson).scheduled_until)}`
      : isUpcomingItem(item)
        ? `Announced in advance: expected from ${formatUtc(item.expected_start!)}, not in effect yet (${impactLabel(item.impact).toLowerCase()})`
        : impactLabel(item.impact),
    ...(item.components.length
      ? [`Affects: ${item.components.map((c) => c.name).join(', ')}`]
      : []),
    ...(item.areas.length ? [`Areas: ${item.areas.map((a) => a.name).join(', ')}`] : []),
    ...promiseLines(item),
  ]
  const updates = item.incident_updates.map(
    (u) =>
      `<p><strong>${escapeXml(updateStatusLabel(u, item))}</strong> — ${escapeXml(formatUtc(u.display_at))}<br>${escapeXml(u.body).replace(/\n/g, '<br>')}</p>`,
  )
  const after = postmortem
    ? [
        `<h2>Postmortem</h2>\n<p>Published ${escapeXml(formatUtc(postmortem.publishedAt))}</p>\n${postmortem.html}`,
      ]
    : []
  return [`<p>${facts.map(escapeXml).join('<br>')}</p>`, ...updates, ...after].join('\n')
}

/** The latest update's words, for a summary. */
export function entrySummary(item: FeedItem): string {
  return item.incident_updates[0]?.body ?? item.name
}
