import type { Indicator } from '../domain/page-status'
import type { PublicView } from '../domain/public-view'
import type { ComponentStatus } from '../domain/types'
import type { Reader } from '../i18n/reader'
import { badgeSvg, type BadgeTone } from './badge-svg'
import { componentState } from './component-state'

/** What a badge's coloured side says, as a machine word the catalog words ("badge.state"). */
export type BadgeState =
  | 'operational'
  | 'degraded'
  | 'minor_outage'
  | 'partial_outage'
  | 'major_outage'
  | 'critical_outage'
  | 'maintenance'
  | 'unknown_component'

const INDICATOR_BADGE: Record<Indicator, { state: BadgeState; tone: BadgeTone }> = {
  none: { state: 'operational', tone: 'good' },
  minor: { state: 'minor_outage', tone: 'minor' },
  major: { state: 'major_outage', tone: 'major' },
  critical: { state: 'critical_outage', tone: 'critical' },
}

const COMPONENT_BADGE: Record<ComponentStatus, { state: BadgeState; tone: BadgeTone }> = {
  operational: { state: 'operational', tone: 'good' },
  degraded_performance: { state: 'degraded', tone: 'minor' },
  partial_outage: { state: 'partial_outage', tone: 'major' },
  major_outage: { state: 'major_outage', tone: 'critical' },
  under_maintenance: { state: 'maintenance', tone: 'maintenance' },
}

/**
 * What a badge says: the page's overall state, or one component's (a group: its worst member),
 * labelled with the name ops gave it. Null when the component does not exist.
 */
export function badgeStatus(
  view: PublicView,
  componentId?: string,
): { label: string; state: BadgeState; tone: BadgeTone } | null {
  if (!componentId) {
    const status = view.status()
    const maintenance =
      status.indicator === 'none' &&
      view.snapshot.components.some((c) => c.status === 'under_maintenance')
    const badge = maintenance
      ? { state: 'maintenance' as const, tone: 'maintenance' as const }
      : INDICATOR_BADGE[status.indicator]
    return { label: view.pageName, ...badge }
  }
  const state = componentState(view, componentId)
  if (!state) return null
  return { label: state.component.name, ...COMPONENT_BADGE[state.status] }
}

/** The badge's SVG in the reader's language: the state worded, the label as ops wrote it. */
export function badgeFor(
  reader: Reader,
  label: string,
  state: BadgeState,
  tone: BadgeTone,
): string {
  const message = reader.t('badge.state', { state })
  return badgeSvg(label, message, tone, {
    lang: reader.lang,
    name: reader.t('badge.name', { label, message }),
  })
}
