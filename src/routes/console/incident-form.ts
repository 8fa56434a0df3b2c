import { IncidentInput, IncidentUpdateInput } from '../../schemas/inputs'
import type { FormState } from '../../views/console/fields'
import { valueOf, valuesOf } from '../../views/console/fields'
import { parseWith } from './console-form'
import { resolvePick } from './time-picks'

/**
 * The incident forms of the console (new incident, post an update) read into the same API
 * inputs `/api/v1/incidents` takes, so the same schema and verbs judge them. Field names:
 * `name`, `status`, `impact`, `body` (Message), `component.<id>` (one select per component,
 * empty = not affected), `area_ids` (checkboxes), `eta` + `eta_exact`, `next_update_at` +
 * `next_update_at_exact` (quick picks, see time-picks), `progress`, `workaround`, `notify`,
 * and on a new incident `draft` and `expected_start` (datetime-local).
 */

export interface FormClock {
  now: Date
  timeZone: string
}

/** An input path of the API schema → the form field that holds it. */
export function incidentFieldOf(path: string): string {
  const [head, rest] = path.split('.')
  if (head === 'components' && rest) return `component.${rest}`
  return head ?? '(form)'
}

/**
 * The fields both forms share, as API input, and errors by field name. A field in error is left
 * out of the input; the others are read all the same, so that the schema judges what was typed
 * (and does not call a filled-in Message missing because an ETA was refused).
 */
function sharedFields(
  form: FormState,
  clock: FormClock,
): { input: Record<string, unknown>; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const input: Record<string, unknown> = {}
  const text = (name: string) => valueOf(form, name).trim()

  input.body = valueOf(form, 'body')
  const components: Record<string, string> = {}
  for (const [name, value] of Object.entries(form.values)) {
    if (!name.startsWith('component.')) continue
    const status = Array.isArray(value) ? value[0] : value
    if (status) components[name.slice('component.'.length)] = status
  }
  input.components = components
  input.area_ids = valuesOf(form, 'area_ids')

  for (const field of ['eta', 'next_update_at'] as const) {
    const picked = resolvePick(
      valueOf(form, field, 'keep'),
      valueOf(form, `${field}_exact`),
      clock.now,
      clock.timeZone,
    )
    if (!picked.ok) errors[field] = picked.error
    else if (picked.value !== undefined) input[field] = picked.value
  }

  const progress = text('progress')
  if (progress !== '') {
    const n = Number(progress)
    if (!Number.isInteger(n)) errors.progress = 'Give a whole number from 0 to 100.'
    else input.progress = n
  }
  const workaround = text('workaround')
  input.workaround = workaround === '' ? null : workaround
  input.notify = valuesOf(form, 'notify').length > 0
  return { input, errors }
}

/** A new incident's form as `IncidentInput`, and whether it is posted as a draft. */
export function readNewIncident(form: FormState, clock: FormClock) {
  const shared = sharedFields(form, clock)
  const errors: Record<string, string> = { ...shared.errors }
  const input: Record<string, unknown> = { ...shared.input }
  input.name = valueOf(form, 'name')
  input.status = valueOf(form, 'status')
  input.impact = valueOf(form, 'impact')
  const expected = valueOf(form, 'expected_start').trim()
  if (expected !== '') {
    const picked = resolvePick('exact', expected, clock.now, clock.timeZone)
    if (!picked.ok) errors.expected_start = picked.error
    else input.expected_start = picked.value
  }
  const parsed = parseWith(IncidentInput, input, incidentFieldOf)
  if (!parsed.ok || Object.keys(errors).length) {
    return { ok: false as const, errors: { ...(parsed.ok ? {} : parsed.errors), ...errors } }
  }
  return { ok: true as const, value: parsed.value, draft: valuesOf(form, 'draft').length > 0 }
}

/**
 * An update's form as `IncidentUpdateInput`. The honest path: a next-update time or an
 * explicit "no further updates promised" (`none`) is required — `keep` is not offered. An
 * empty Progress is `progress: null` (no figure); areas are only ever added, as the API adds
 * them: an unticked area stays on the incident.
 */
export function readIncidentUpdate(form: FormState, clock: FormClock) {
  const shared = sharedFields(form, clock)
  const errors: Record<string, string> = { ...shared.errors }
  // Said after the shared fields' errors, so this sentence is the one beside the field.
  if (
    !['none', '30m', '1h', '4h', 'tomorrow_9', 'exact'].includes(valueOf(form, 'next_update_at'))
  ) {
    errors.next_update_at =
      'Say when the next update will come, or choose “No further updates promised”.'
  }
  const input: Record<string, unknown> = { ...shared.input }
  input.status = valueOf(form, 'status')
  // The update form sends the incident's whole state, so an emptied Progress clears it.
  if ('progress' in form.values && valueOf(form, 'progress').trim() === '') input.progress = null
  const parsed = parseWith(IncidentUpdateInput, input, incidentFieldOf)
  if (!parsed.ok || Object.keys(errors).length) {
    return { ok: false as const, errors: { ...(parsed.ok ? {} : parsed.errors), ...errors } }
  }
  return { ok: true as const, value: parsed.value }
}
