import type { StatusChange } from '../db/components'
import { worseStatus } from './page-status'
import type { Component, ComponentStatus } from './types'

export const HISTORY_DAYS = 90
const DAY_MS = 86_400_000

/** The first instant of the UTC day holding `t`. */
export function startOfUtcDay(t: number): number {
  return Math.floor(t / DAY_MS) * DAY_MS
}

/**
 * The worst status each component had on each of the last 90 UTC days, oldest first; null for
 * days before the component existed. `changes` are sorted oldest first and include each
 * component's last change before the window.
 */
export function computeDailyStatus(
  components: Component[],
  changes: StatusChange[],
  now: Date,
): Record<string, (ComponentStatus | null)[]> {
  const firstDay = startOfUtcDay(now.getTime()) - (HISTORY_DAYS - 1) * DAY_MS
  const byComponent = new Map<string, StatusChange[]>()
  for (const change of changes) {
    const list = byComponent.get(change.componentId) ?? []
    list.push(change)
    byComponent.set(change.componentId, list)
  }
  const result: Record<string, (ComponentStatus | null)[]> = {}
  for (const component of components) {
    if (component.isGroup) continue
    const list = byComponent.get(component.id) ?? []
    const days: (ComponentStatus | null)[] = []
    let index = 0
    let current: ComponentStatus | null = null
    for (let d = 0; d < HISTORY_DAYS; d++) {
      const dayStart = firstDay + d * DAY_MS
      const dayEnd = dayStart + DAY_MS
      // Carry in the status in force at the start of the day.
      while (index < list.length && Date.parse(list[index]!.changedAt) < dayStart) {
        current = list[index]!.status
        index++
      }
      let worst = current
      // Every status taken during the day counts.
      let peek = index
      while (peek < list.length && Date.parse(list[peek]!.changedAt) < dayEnd) {
        const status = list[peek]!.status
        worst = worst === null ? status : worseStatus(worst, status)
        peek++
      }
      if (worst === null && Date.parse(component.createdAt) < dayEnd) worst = component.status
      days.push(dayStart > now.getTime() ? null : worst)
    }
    result[component.id] = days
  }
  return result
}

/**
 * Moves a component's bars, computed when the snapshot was built, forward to `now`: the window
 * slides by the whole UTC days since `builtAt`, and each new day takes `currentStatus`, since
 * any status change since the build would have rebuilt the snapshot.
 */
export function alignDailyStatus(
  days: readonly (ComponentStatus | null)[],
  builtAt: string,
  now: Date,
  currentStatus: ComponentStatus,
): (ComponentStatus | null)[] {
  const shift = Math.round(
    (startOfUtcDay(now.getTime()) - startOfUtcDay(Date.parse(builtAt))) / DAY_MS,
  )
  if (!(shift > 0)) return [...days]
  const kept = days.slice(Math.min(shift, days.length))
  const added = Math.min(shift, days.length)
  return [...kept, ...Array<ComponentStatus>(added).fill(currentStatus)]
}
