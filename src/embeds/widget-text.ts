import type { PublicView } from '../domain/public-view'
import type { Language } from '../i18n/languages'
import type { Reader } from '../i18n/reader'
import { widgetParts, type StatusWording, type WidgetData } from './widget-data'

/** The widget's status line in the reader's words. */
export function statusText(reader: Reader, wording: StatusWording): string {
  return wording.of === 'page'
    ? reader.t('widget.pageStatus', { indicator: wording.state })
    : reader.t('widget.componentStatus', { state: wording.state, name: wording.name })
}

/** One line under the widget's incident: a promise, `warn` when it was broken. */
export interface PromiseLine {
  text: string
  warn: boolean
}

/**
 * What the widget script shows, already worded for the reader: in their language, every time in
 * the page's zone with its abbreviation ("ETA 15:00 GMT"), names as ops wrote them.
 */
export interface WidgetText {
  lang: Language
  dir: 'ltr' | 'rtl'
  page: { name: string; url: string }
  status: { indicator: WidgetData['status']['indicator']; text: string }
  incident: { name: string; url: string; lines: PromiseLine[] } | null
  maintenance: { name: string; url: string; text: string } | null
  generated_at: string
}

/** The leading incident's honest line: its ETA (passed?), its next update (overdue?). */
function promiseLines(
  reader: Reader,
  incident: NonNullable<WidgetData['incident']>,
  now: Date,
): PromiseLine[] {
  const { clock, t } = reader
  const lines: PromiseLine[] = []
  if (incident.eta) {
    const time = clock.short(incident.eta, now)
    lines.push(
      incident.eta_passed
        ? { text: t('widget.etaPassed', { time }), warn: true }
        : { text: t('widget.eta', { time, moves: incident.eta_moves }), warn: false },
    )
  }
  if (incident.update_overdue) {
    const span = clock.span(Math.max(1, incident.overdue_minutes))
    lines.push({ text: t('widget.updateOverdue', { span }), warn: true })
  } else if (incident.next_update_at) {
    const time = clock.short(incident.next_update_at, now)
    lines.push({ text: t('widget.nextUpdate', { time }), warn: false })
  }
  return lines
}

/** The widget's text for the page or one component; null when the component does not exist. */
export function widgetText(
  view: PublicView,
  reader: Reader,
  componentId?: string,
): WidgetText | null {
  const parts = widgetParts(view, componentId)
  if (!parts) return null
  const { data, wording } = parts
  const now = view.ctx.now
  const m = data.maintenance
  return {
    lang: reader.lang,
    dir: reader.dir,
    page: data.page,
    status: { indicator: data.status.indicator, text: statusText(reader, wording) },
    incident: data.incident
      ? {
          name: data.incident.name,
          url: data.incident.url,
          lines: promiseLines(reader, data.incident, now),
        }
      : null,
    maintenance: m
      ? {
          name: m.name,
          url: m.url,
          text: reader.t('widget.maintenanceLine', {
            state: m.status === 'scheduled' ? 'scheduled' : 'under_way',
            time: reader.clock.short(m.scheduled_for, now),
            name: m.name,
          }),
        }
      : null,
    generated_at: data.generated_at,
  }
}
