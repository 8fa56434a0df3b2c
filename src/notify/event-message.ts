import { selectComponents } from '../db/components'
import { selectIncident, selectIncidentsByIds } from '../db/incidents'
import { selectIncidentIds } from '../db/incident-lists'
import type { OutboxRow } from '../db/outbox-fanout'
import type { EventReach } from '../db/subscriber-matching'
import { computePageStatus } from '../domain/page-status'
import { ensurePage, pageName } from '../domain/page'
import { loadPublishedPostmortems } from '../domain/postmortems'
import { groupChildren, presentAny, presentComponent, type PresentContext } from '../domain/present'
import type { Component, ComponentStatus, Incident } from '../domain/types'
import type { AppEnv } from '../env'
import { incidentAsOf } from './incident-as-of'
import type { EventMessage } from './types'

/** The base URL for links in a message: the writer's (outbox payload), PUBLIC_URL, localhost. */
export function messageBaseUrl(payload: Record<string, unknown>, env: AppEnv): string {
  const fromPayload = typeof payload.base_url === 'string' ? payload.base_url : null
  return (fromPayload ?? env.PUBLIC_URL ?? 'http://localhost').replace(/\/+$/, '')
}

/** The components and their groups: a subscriber following a group hears about its members. */
function withGroups(ids: string[], components: Map<string, Component>): string[] {
  const all = new Set(ids)
  for (const id of ids) {
    const groupId = components.get(id)?.groupId
    if (groupId) all.add(groupId)
  }
  return [...all]
}

/** What a message says of an incident, presented as at `at`, and who it concerns. */
export function incidentPart(
  incident: Incident,
  ctx: PresentContext,
  components: Map<string, Component>,
  at: Date,
): Pick<EventMessage, 'incident' | 'componentIds' | 'areaIds'> {
  return {
    incident: presentAny(incident, { ...ctx, now: at }),
    componentIds: withGroups(
      incident.componentStatuses.map((s) => s.componentId),
      components,
    ),
    areaIds: incident.areas.map((a) => a.id),
  }
}

/** The page as messages describe it, and the context to present incidents in them. */
export interface MessagePage {
  page: EventMessage['page']
  /** The page's accent colour, for its emails (null: none). */
  accentColor: string | null
  /** The page's default language and time zone. */
  locale: NonNullable<EventMessage['pageLocale']>
  ctx: PresentContext
  components: Map<string, Component>
}

/**
 * The page part of a message (name, URL, overall status now) and a presenting context: shared
 * by subscriber events and ops alerts. `statuses` overrides stored component statuses (a
 * preview's, as the change would leave them).
 */
export async function messagePage(
  db: D1Database,
  env: AppEnv,
  baseUrl: string,
  now: Date,
  statuses?: ReadonlyMap<string, ComponentStatus>,
): Promise<MessagePage> {
  const [page, stored, openIds] = await Promise.all([
    ensurePage(db, now),
    selectComponents(db),
    selectIncidentIds(db, 'incident', 'unresolved', 1000),
  ])
  const componentList = stored.map((c) => {
    const status = statuses?.get(c.id)
    return status ? { ...c, status } : c
  })
  const components = new Map(componentList.map((c) => [c.id, c]))
  const ctx: PresentContext = {
    pageId: page.pageId,
    baseUrl,
    now,
    components,
    children: groupChildren(componentList),
    // Webhooks and emails reach the public: they follow the page's setting.
    showAffectedReports: page.showAffectedCounts,
  }
  const status = computePageStatus(componentList, await selectIncidentsByIds(db, openIds))
  return {
    page: {
      id: page.pageId,
      name: pageName(page, env.PAGE_NAME),
      url: baseUrl,
      status_indicator: status.indicator,
      status_description: status.description,
    },
    accentColor: page.brand.accentColor,
    locale: { language: page.language, timeZone: page.timeZone },
    ctx,
    components,
  }
}

/**
 * What an event says, built from the current state of its incident or component: the same
 * presenters as the API, the page's overall status, and who is concerned. Null when the thing
 * it announces no longer exists.
 */
export async function buildEventMessage(
  db: D1Database,
  row: OutboxRow,
  env: AppEnv,
  now = new Date(),
): Promise<EventMessage | null> {
  const baseUrl = messageBaseUrl(row.payload, env)
  const { page, accentColor, locale, ctx, components } = await messagePage(db, env, baseUrl, now)
  const message: EventMessage = {
    eventId: row.id,
    eventType: row.eventType,
    generatedAt: now.toISOString(),
    baseUrl,
    page,
    ...(accentColor ? { accentColor } : {}),
    componentIds: [],
    areaIds: [],
    pageLocale: locale,
  }
  // Says nothing but who is sending: the receiver only has to answer it.
  if (row.eventType === 'webhook.verify') return message
  if (row.incidentId) {
    const current = await selectIncident(db, row.incidentId)
    if (!current) return null
    const incident = incidentAsOf(current, row.updateId)
    // Overdue and ETA-passed flags as they stood when the event happened.
    const built = {
      ...message,
      ...incidentPart(incident, ctx, components, new Date(row.createdAt)),
    }
    if (row.eventType !== 'incident.postmortem') return built
    const postmortem = (await loadPublishedPostmortems(db, [incident.id]))[incident.id]
    // Reverted or deleted before it went out: there is nothing to tell.
    if (!postmortem) return null
    const { body, html, publishedAt } = postmortem
    return { ...built, postmortem: { body, html, published_at: publishedAt } }
  }
  if (row.componentId) {
    const component = components.get(row.componentId)
    if (!component) return null
    message.component = presentComponent(component, ctx)
    message.component_update = {
      id: row.id,
      component_id: component.id,
      created_at: row.createdAt,
      old_status: String(row.payload.old_status ?? ''),
      new_status: String(row.payload.new_status ?? component.status),
    }
    message.componentIds = withGroups([component.id], components)
    return message
  }
  return null
}

/**
 * Who the message concerns: its components, its areas — every area for an incident or
 * maintenance without areas, no area for a component's own status change — and its incident
 * or maintenance, whose own followers hear every event of it.
 */
export function reachOf(message: EventMessage): EventReach {
  if (!message.incident) {
    return { componentIds: message.componentIds, areas: 'none', incidentId: null }
  }
  return {
    componentIds: message.componentIds,
    areas: message.areaIds.length === 0 ? 'all' : message.areaIds,
    incidentId: message.incident.id,
  }
}
