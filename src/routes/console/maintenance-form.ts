import type { z } from '@hono/zod-openapi'
import { parseLocalInput } from '../../lib/zoned-time'
import { IncidentUpdateInput, MaintenanceInput } from '../../schemas/inputs'
import type { FormState } from '../../views/console/fields'
import { valueOf, valuesOf } from '../../views/console/fields'
import { parseWith } from './console-form'

/**
 * The maintenance forms of the console, read into the API's own inputs (`MaintenanceInput`,
 * `IncidentUpdateInput`) so the same schema and verbs judge them. Field names: `name`, `body`
 * (Message), `scheduled_for` and `scheduled_until` (datetime-local in the page's time zone),
 * `component_ids` and `area_ids` (checkboxes), `remind_before` (a quick pick of minutes, or
 * `exact` with `remind_before_exact`), `auto_start`, `auto_complete`, `notify`.
 */

/** The quick picks of "Remind subscribers before", in minutes ('' = no reminder). */
export const REMIND_PICKS = ['', '15', '30', '60', '120', '1440', 'exact'] as const

/** An input path of the API schema → the form field that holds it. */
export function maintenanceFieldOf(path: string): string {
  const head = path.split('.')[0] ?? '(form)'
  return head === 'remind_before_minutes' ? 'remind_before' : head
}

type Read<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> }

function readReminder(form: FormState): { minutes?: number | null; error?: string } {
  const pick = valueOf(form, 'remind_before')
  if (pick === '') return { minutes: null }
  const raw = pick === 'exact' ? valueOf(form, 'remind_before_exact').trim() : pick
  if (!(REMIND_PICKS as readonly string[]).includes(pick))
    return { error: 'Choose one of the options.' }
  const minutes = Number(raw)
  if (raw === '' || !Number.isInteger(minutes) || minutes < 1 || minutes > 10080) {
    return { error: 'Give a whole number of minutes from 1 to 10080 (a week).' }
  }
  return { minutes }
}

/** The Schedule maintenance form as `MaintenanceInput`; times read in `timeZone`. */
export function readNewMaintenance(
  form: FormState,
  timeZone: string,
): Read<z.infer<typeof MaintenanceInput>> {
  const errors: Record<string, string> = {}
  const input: Record<string, unknown> = {
    name: valueOf(form, 'name'),
    body: valueOf(form, 'body'),
    component_ids: valuesOf(form, 'component_ids'),
    area_ids: valuesOf(form, 'area_ids'),
    auto_start: valuesOf(form, 'auto_start').length > 0,
    auto_complete: valuesOf(form, 'auto_complete').length > 0,
    notify: valuesOf(form, 'notify').length > 0,
  }
  for (const field of ['scheduled_for', 'scheduled_until'] as const) {
    const at = parseLocalInput(valueOf(form, field), timeZone)
    if (at) input[field] = at.toISOString()
    else errors[field] = `Give a date and time (in ${timeZone}).`
  }
  const reminder = readReminder(form)
  if (reminder.error) errors.remind_before = reminder.error
  else input.remind_before_minutes = reminder.minutes
  const parsed = parseWith(MaintenanceInput, input, maintenanceFieldOf)
  if (!parsed.ok || Object.keys(errors).length) {
    return { ok: false, errors: { ...(parsed.ok ? {} : parsed.errors), ...errors } }
  }
  return { ok: true, value: parsed.value }
}

/** The Post an update form as `IncidentUpdateInput` (status, message, notify). */
export function readMaintenanceUpdate(form: FormState): Read<z.infer<typeof IncidentUpdateInput>> {
  return parseWith(IncidentUpdateInput, {
    status: valueOf(form, 'status'),
    body: valueOf(form, 'body'),
    notify: valuesOf(form, 'notify').length > 0,
  })
}
