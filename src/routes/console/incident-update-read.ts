import type { Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { fillIncidentPlaceholders } from '../../domain/template-placeholders'
import type { Incident } from '../../domain/types'
import { IncidentUpdateInput } from '../../schemas/inputs'
import type { FormState } from '../../views/console/fields'
import { attempt, parseWith } from './console-form'
import { incidentFieldOf, readIncidentUpdate } from './incident-form'
import { formClock } from './incident-new'

/**
 * Reads a posted Post an update form into the API's input with its placeholders filled (from
 * the form, or what `incident` already has where the form says nothing): the input, or the
 * form's errors. The update's preview and its post both read it so, so what is posted is what
 * the preview showed.
 */
export async function readFilledIncidentUpdate(
  c: Context<AppBindings>,
  form: FormState,
  incident: Incident,
) {
  const clock = await formClock(c)
  const read = readIncidentUpdate(form, clock)
  if (!read.ok) return read
  const filled = await attempt(
    () => fillIncidentPlaceholders(c.env.DB, read.value, clock.timeZone, incident),
    incidentFieldOf,
  )
  if (!filled.ok) return filled
  // Filled in, the message must still fit the API's limits.
  return parseWith(IncidentUpdateInput, filled.value, incidentFieldOf)
}
