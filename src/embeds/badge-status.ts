import type { Indicator } from '../domain/page-status'
import type { PublicView } from '../domain/public-view'
import type { ComponentStatus } from '../domain/types'
import type { BadgeTone } from './badge-svg'
import { componentState } from './component-state'

const INDICATOR_BADGE: Record<Indicator, { message: string; tone: BadgeTone }> = {
  none: { message: 'operational', tone: 'good' },
  minor: { message: 'minor outage', tone: 'minor' },
  major: { message: 'major outage', tone: 'major' },
  critical: { message: 'critical outage', tone: 'critical' },
}

const COMPONENT_BADGE: Record<ComponentStatus, { message: string; tone: BadgeTone }> = {
  operational: { message: 'operational', tone: 'good' },
  degraded_performance: { message: 'degraded', tone: 'minor' },
  partial_outage: { message: 'partial outage', tone: 'major' },
  major_outage: { message: 'major outage', tone: 'critical' },
  under_maintenance: { message: 'maintenance', tone: 'maintenance' },
}

/**
 * What a badge says: the page's overall state, or one component's (a group: its worst member).
 * Null when the component does not exist.
 */
export function badgeStatus(
  view: PublicView,
  componentId?: string,
): { label: string; message: string; tone: BadgeTone } | null {
  if (!componentId) {
    const status = view.status()
    const maintenance =
      status.indicator === 'none' &&
      view.snapshot.components.some((c) => c.status === 'under_maintenance')
    const badge = maintenance
      ? { message: 'maintenance', tone: 'maintenance' as const }
      : INDICATOR_BADGE[status.indicator]
    return { label: view.pageName, ...badge }
  }
  const state = componentState(view, componentId)
  if (!state) return null
  return { label: state.component.name, ...COMPONENT_BADGE[state.status] }
}
