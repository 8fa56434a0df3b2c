import { componentIndicator, type Indicator } from '../domain/page-status'
import type { ComponentStatus } from '../domain/types'
import { useReader } from '../i18n/reader-context'
import { componentStatusWord } from '../i18n/status-labels'

/** A glyph per indicator, so status never rests on colour alone (the text is always there too). */
const GLYPHS: Record<Indicator | 'maintenance', string> = {
  none: '✓',
  minor: '!',
  major: '▲',
  critical: '✕',
  maintenance: '⚙',
}

/** The CSS tone of a component status: an indicator, or `maintenance`. */
export function componentTone(status: ComponentStatus): Indicator | 'maintenance' {
  return status === 'under_maintenance' ? 'maintenance' : componentIndicator(status)
}

/** The CSS tone of an impact. */
export function impactTone(impact: string): Indicator | 'maintenance' {
  return impact === 'none' || impact === 'minor' || impact === 'major' || impact === 'critical'
    ? impact
    : 'maintenance'
}

/** A coloured badge with a glyph and the words, e.g. "▲ Partial outage". */
export function Badge(props: { tone: Indicator | 'maintenance'; label: string }) {
  return (
    <span class={`badge tone-${props.tone}`}>
      <span class="glyph" aria-hidden="true">
        {GLYPHS[props.tone]}
      </span>{' '}
      {props.label}
    </span>
  )
}

/** The badge for a component status, in the reader's words. */
export function ComponentStatusBadge(props: { status: ComponentStatus }) {
  return (
    <Badge
      tone={componentTone(props.status)}
      label={componentStatusWord(useReader(), props.status)}
    />
  )
}
