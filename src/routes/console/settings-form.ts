import type { z } from '@hono/zod-openapi'
import type { IntakeSettings } from '../../domain/intake-settings'
import type { PageSettings } from '../../domain/types'
import { IntakeSettingsPatch } from '../../schemas/intake'
import { PageInput } from '../../schemas/inputs'
import { valueOf, valuesOf, type FormState } from '../../views/console/fields'
import { parseWith } from './console-form'

/**
 * The settings forms, read into the API's own inputs: `PageInput` (as `PATCH /api/v1/page`) and
 * `IntakeSettingsPatch` (as `PATCH /api/v1/intake/settings`). The intake form lists each
 * severity as `severity.<n>.name` (hidden), `.impact`, `.component_status` and `.remove`, and
 * one new row `new_severity.name`, `.impact`, `.component_status`.
 */

type Read<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> }

const on = (form: FormState, name: string) => valuesOf(form, name).length > 0

/** A whole number typed in a field, or an error sentence. */
function wholeNumber(form: FormState, name: string, errors: Record<string, string>) {
  const text = valueOf(form, name).trim()
  const n = Number(text)
  if (text === '' || !Number.isInteger(n)) {
    errors[name] = 'Give a whole number.'
    return undefined
  }
  return n
}

/** The page form's values for saved settings. */
export function pageFormState(page: PageSettings): FormState {
  return {
    values: {
      name: page.name ?? '',
      time_zone: page.timeZone,
      language: page.language,
      dispute_min_votes: String(page.disputeMinVotes),
      dispute_min_share: String(page.disputeMinShare),
      show_affected_counts: page.showAffectedCounts ? 'on' : undefined,
    },
    errors: {},
  }
}

/** The page form as `PageInput`; an empty name falls back to the configured one. */
export function readPageForm(form: FormState): Read<z.infer<typeof PageInput>> {
  const errors: Record<string, string> = {}
  const name = valueOf(form, 'name').trim()
  const input = {
    name: name === '' ? null : name,
    time_zone: valueOf(form, 'time_zone'),
    language: valueOf(form, 'language') || undefined,
    dispute_min_votes: wholeNumber(form, 'dispute_min_votes', errors),
    dispute_min_share: wholeNumber(form, 'dispute_min_share', errors),
    show_affected_counts: on(form, 'show_affected_counts'),
  }
  const parsed = parseWith(PageInput, input)
  if (!parsed.ok || Object.keys(errors).length) {
    return { ok: false, errors: { ...(parsed.ok ? {} : parsed.errors), ...errors } }
  }
  return parsed
}

/** The intake form's values for the settings in force. */
export function intakeFormState(settings: IntakeSettings): FormState {
  const values: FormState['values'] = {
    component_label: settings.component_label,
    area_label: settings.area_label,
    severity_label: settings.severity_label,
    default_severity: settings.default_severity,
    open_as_draft: settings.open_as_draft ? 'on' : undefined,
    resolve_when_resolved: settings.resolve_when_resolved ? 'on' : undefined,
    notify_interval_minutes: String(settings.notify_interval_minutes),
    'new_severity.impact': 'minor',
    'new_severity.component_status': 'degraded_performance',
  }
  Object.entries(settings.severities).forEach(([name, rule], i) => {
    values[`severity.${i}.name`] = name
    values[`severity.${i}.impact`] = rule.impact
    values[`severity.${i}.component_status`] = rule.component_status
  })
  return { values, errors: {} }
}

/** The severity rows a posted intake form holds, in order. */
export function severityRows(form: FormState): { index: number; name: string }[] {
  const rows: { index: number; name: string }[] = []
  for (let i = 0; form.values[`severity.${i}.name`] !== undefined; i++) {
    rows.push({ index: i, name: valueOf(form, `severity.${i}.name`) })
  }
  return rows
}

/** The intake form as `IntakeSettingsPatch`: removed severities as null, a new one added. */
export function readIntakeForm(form: FormState): Read<z.infer<typeof IntakeSettingsPatch>> {
  const errors: Record<string, string> = {}
  const rows = severityRows(form)
  const severities: Record<string, unknown> = {}
  const fieldOfKey = new Map<string, string>()
  for (const { index, name } of rows) {
    const prefix = `severity.${index}`
    fieldOfKey.set(name, prefix)
    severities[name] = on(form, `${prefix}.remove`)
      ? null
      : {
          impact: valueOf(form, `${prefix}.impact`),
          component_status: valueOf(form, `${prefix}.component_status`),
        }
  }
  const added = valueOf(form, 'new_severity.name').trim().toLowerCase()
  if (added !== '') {
    if (fieldOfKey.has(added)) errors['new_severity.name'] = `"${added}" is already in the table.`
    fieldOfKey.set(added, 'new_severity')
    severities[added] = {
      impact: valueOf(form, 'new_severity.impact'),
      component_status: valueOf(form, 'new_severity.component_status'),
    }
  }
  const input = {
    component_label: valueOf(form, 'component_label'),
    area_label: valueOf(form, 'area_label'),
    severity_label: valueOf(form, 'severity_label'),
    severities,
    default_severity: valueOf(form, 'default_severity'),
    open_as_draft: on(form, 'open_as_draft'),
    resolve_when_resolved: on(form, 'resolve_when_resolved'),
    notify_interval_minutes: wholeNumber(form, 'notify_interval_minutes', errors),
  }
  const parsed = parseWith(IntakeSettingsPatch, input, (path) => {
    const [head, key, part] = path.split('.')
    if (head !== 'severities' || key === undefined) return head ?? '(form)'
    const prefix = fieldOfKey.get(key) ?? 'new_severity'
    return part ? `${prefix}.${part}` : prefix === 'new_severity' ? 'new_severity.name' : prefix
  })
  if (!parsed.ok || Object.keys(errors).length) {
    return { ok: false, errors: { ...(parsed.ok ? {} : parsed.errors), ...errors } }
  }
  return parsed
}
