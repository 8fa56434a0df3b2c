import { selectComponent, selectComponents } from '../db/components'
import { selectIncidentsTouching, selectStatusHistory } from '../db/uptime'
import { instantOfWallClock, wallClockAt } from '../lib/zoned-time'
import { CandorError, notFound } from './errors'
import { ensurePage } from './page'
import type { Component } from './types'
import {
  addDays,
  computeUptime,
  resolveUptimeRange,
  uptimePercentage,
  type CalendarDate,
  type TimedStatus,
} from './uptime'

/**
 * Reading verbs for Statuspage's component and group uptime: the range in the page's time
 * zone, the components' history from D1, the figures from `uptime.ts`.
 */

/** The dates asked for, as Statuspage's partial dates (`2020`, `2020-01`, `2020-01-15`). */
export interface UptimeQuery {
  start?: string
  end?: string
}

export interface ComponentUptime {
  id: string
  name: string
  rangeStart: CalendarDate
  rangeEnd: CalendarDate
  uptimePercentage: number
  majorOutage: number
  partialOutage: number
  warnings: string[]
  /** Ids of the incidents in the range that touched the component, oldest first. */
  relatedEvents: string[]
}

export interface GroupUptime extends Omit<ComponentUptime, 'relatedEvents'> {
  relatedEvents: { componentId: string; incidentIds: string[] }[]
}

function two(n: number): string {
  return String(n).padStart(2, '0')
}

/** Midnight starting `date` in `timeZone`. */
function startOfDay(date: CalendarDate, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return instantOfWallClock({ year, month, day, hour: 0, minute: 0 }, timeZone).getTime()
}

interface ReadRange {
  start: CalendarDate
  end: CalendarDate
  warnings: string[]
  from: number
  to: number
}

/** The range and its instants: from the first day's midnight to the end of the last, or now. */
async function readRange(
  db: D1Database,
  now: Date,
  query: UptimeQuery,
  startDate: CalendarDate | null,
): Promise<ReadRange> {
  const { timeZone } = await ensurePage(db, now)
  const wall = wallClockAt(now, timeZone)
  const today = `${wall.year}-${two(wall.month)}-${two(wall.day)}`
  const range = resolveUptimeRange({ ...query, startDate, today })
  const from = startOfDay(range.start, timeZone)
  const to = Math.min(startOfDay(addDays(range.end, 1), timeZone), now.getTime())
  return { ...range, from, to: Math.max(from, to) }
}

/** Each component's history over the range, as timed statuses. */
async function histories(
  db: D1Database,
  ids: string[],
  range: ReadRange,
): Promise<Map<string, TimedStatus[]>> {
  const rows = await selectStatusHistory(
    db,
    ids,
    new Date(range.from).toISOString(),
    new Date(range.to).toISOString(),
  )
  const byId = new Map<string, TimedStatus[]>(ids.map((id) => [id, []]))
  for (const row of rows) {
    byId.get(row.componentId)?.push({ status: row.status, at: Date.parse(row.changedAt) })
  }
  return byId
}

async function incidentsByComponent(
  db: D1Database,
  ids: string[],
  range: ReadRange,
): Promise<Map<string, string[]>> {
  const rows = await selectIncidentsTouching(
    db,
    ids,
    new Date(range.from).toISOString(),
    new Date(range.to).toISOString(),
  )
  const byId = new Map<string, string[]>(ids.map((id) => [id, []]))
  for (const row of rows) byId.get(row.componentId)?.push(row.incidentId)
  return byId
}

function refuseUnshowcased(what: string): never {
  throw new CandorError('conflict', `${what} does not showcase its uptime (showcase is false).`)
}

/**
 * A component's uptime over the range asked for (see `resolveUptimeRange`). 404 for an unknown
 * id or a group; 409 (422 under /v1) for a component that does not showcase its uptime.
 */
export async function componentUptime(
  db: D1Database,
  now: Date,
  id: string,
  query: UptimeQuery,
): Promise<ComponentUptime> {
  const component = await selectComponent(db, id)
  if (!component || component.isGroup) throw notFound('component', id)
  if (!component.showcase) refuseUnshowcased(`Component "${component.name}"`)
  const range = await readRange(db, now, query, component.startDate)
  const [history, incidents] = await Promise.all([
    histories(db, [id], range),
    incidentsByComponent(db, [id], range),
  ])
  const figures = computeUptime(history.get(id)!, range.from, range.to)
  return {
    id,
    name: component.name,
    rangeStart: range.start,
    rangeEnd: range.end,
    uptimePercentage: figures.uptimePercentage,
    majorOutage: figures.majorOutage,
    partialOutage: figures.partialOutage,
    warnings: range.warnings,
    relatedEvents: incidents.get(id)!,
  }
}

/**
 * A group's uptime: its showcased components', averaged (Statuspage's aggregate), over a range
 * starting by default at their earliest start date. 404 for an unknown group; 409 (422 under
 * /v1) when none of its components showcases its uptime.
 */
export async function groupUptime(
  db: D1Database,
  now: Date,
  id: string,
  query: UptimeQuery,
): Promise<GroupUptime> {
  const all = await selectComponents(db)
  const group = all.find((c) => c.id === id && c.isGroup)
  if (!group) throw notFound('component group', id)
  const members: Component[] = all.filter((c) => c.groupId === id && c.showcase)
  if (members.length === 0) refuseUnshowcased(`No component of group "${group.name}"`)
  const starts = members.map((c) => c.startDate).filter((d): d is string => d !== null)
  const earliest = starts.length ? starts.sort()[0]! : null
  const range = await readRange(db, now, query, earliest)
  const ids = members.map((c) => c.id)
  const [history, incidents] = await Promise.all([
    histories(db, ids, range),
    incidentsByComponent(db, ids, range),
  ])
  let majorMs = 0
  let partialMs = 0
  for (const memberId of ids) {
    const figures = computeUptime(history.get(memberId)!, range.from, range.to)
    majorMs += (figures.majorOutage * 1000) / ids.length
    partialMs += (figures.partialOutage * 1000) / ids.length
  }
  return {
    id,
    name: group.name,
    rangeStart: range.start,
    rangeEnd: range.end,
    uptimePercentage: uptimePercentage(majorMs, partialMs, range.to - range.from),
    majorOutage: Math.floor(majorMs / 1000),
    partialOutage: Math.floor(partialMs / 1000),
    warnings: range.warnings,
    relatedEvents: ids.map((componentId) => ({
      componentId,
      incidentIds: incidents.get(componentId)!,
    })),
  }
}
