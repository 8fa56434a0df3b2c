import { severityRule, type IntakeSettings, type SeverityRule } from '../intake-settings'
import type { Area, Component } from '../types'
import type { IncomingAlert } from './incoming'

/** A label whose value names nothing on this page. */
export interface UnmappedLabel {
  label: string
  value: string
  reason: string
}

/** What an alert means on the page. */
export interface MappedAlert {
  alert: IncomingAlert
  componentId: string | null
  areaId: string | null
  rule: SeverityRule
  unmapped: UnmappedLabel[]
}

/** Finds by id, else by name ignoring case. */
function lookUp<T extends { id: string; name: string }>(list: T[], value: string): T | undefined {
  const wanted = value.trim().toLowerCase()
  return list.find((x) => x.id === value) ?? list.find((x) => x.name.toLowerCase() === wanted)
}

/**
 * Maps an alert's component, area and severity labels to this page. An unknown name does not
 * fail the alert: it is reported as unmapped and the rest of the alert still counts.
 */
export function mapAlert(
  alert: IncomingAlert,
  settings: IntakeSettings,
  components: Component[],
  areas: Area[],
): MappedAlert {
  const unmapped: UnmappedLabel[] = []
  let componentId: string | null = null
  if (alert.component !== undefined && alert.component.trim() !== '') {
    const found = lookUp(components, alert.component)
    if (!found) {
      unmapped.push({
        label: settings.component_label,
        value: alert.component,
        reason: 'no component has this name or id',
      })
    } else if (found.isGroup) {
      unmapped.push({
        label: settings.component_label,
        value: alert.component,
        reason: 'this is a group; name one of its components',
      })
    } else {
      componentId = found.id
    }
  }
  let areaId: string | null = null
  if (alert.area !== undefined && alert.area.trim() !== '') {
    const found = lookUp(areas, alert.area)
    if (found) areaId = found.id
    else
      unmapped.push({
        label: settings.area_label,
        value: alert.area,
        reason: 'no area has this name or id',
      })
  }
  const known = alert.severity?.trim().toLowerCase()
  if (known && !(known in settings.severities)) {
    unmapped.push({
      label: settings.severity_label,
      value: alert.severity!,
      reason: `not in the severity table; taken as "${settings.default_severity}"`,
    })
  }
  return { alert, componentId, areaId, rule: severityRule(settings, alert.severity), unmapped }
}

/** Sentences for the incident saying which labels named nothing on this page. */
export function unmappedSentences(alerts: MappedAlert[]): string[] {
  const seen = new Set<string>()
  const lines: string[] = []
  for (const { unmapped } of alerts) {
    for (const u of unmapped) {
      const key = `${u.label}=${u.value}`
      if (seen.has(key)) continue
      seen.add(key)
      lines.push(`Monitoring named ${u.label} "${u.value}": ${u.reason}.`)
    }
  }
  return lines
}
