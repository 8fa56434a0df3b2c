import type { VerbContext } from './context'
import { postIncidentUpdate } from './incidents'
import type { Incident, IncidentUpdate } from './types'

/** What subscribers read when ops cancel without saying more. */
export const DEFAULT_CANCEL_BODY = 'This maintenance is cancelled; no work will take place.'

export interface CancelMaintenanceInput {
  body?: string
  notify?: boolean
}

/**
 * Calls off a maintenance that has not begun: one ordinary update (audit log, outbox, snapshot
 * as for any other) that closes it as `completed` with `cancelled_at` set. Anything but a
 * scheduled maintenance is refused with 409 and nothing is written.
 */
export async function cancelMaintenance(
  ctx: VerbContext,
  id: string,
  input: CancelMaintenanceInput,
): Promise<{ update: IncidentUpdate; incident: Incident }> {
  const body = input.body?.trim() ? input.body : DEFAULT_CANCEL_BODY
  return postIncidentUpdate(
    ctx,
    id,
    'maintenance',
    { body, notify: input.notify },
    { cancel: true },
  )
}
