import { worseStatus } from '../domain/page-status'
import type { PublicView } from '../domain/public-view'
import type { Component, ComponentStatus } from '../domain/types'

/**
 * One component's state as embeds show it: its status, or for a group the worst status of its
 * members. Null when no such component exists.
 */
export function componentState(
  view: PublicView,
  componentId: string,
): { component: Component; status: ComponentStatus } | null {
  const component = view.snapshot.components.find((c) => c.id === componentId)
  if (!component) return null
  const members = component.isGroup
    ? view.snapshot.components.filter((c) => c.groupId === component.id)
    : [component]
  return { component, status: members.map((c) => c.status).reduce(worseStatus, 'operational') }
}
