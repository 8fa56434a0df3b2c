import type { EventType } from './event-types'
import { CandorError, invalidField } from './errors'
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES, isClosedStatus, type Incident } from './types'

/**
 * The status rules of incidents and maintenance: which statuses each kind may take, which moves
 * are impossible, which event a change announces, and what may be cancelled.
 */

const MAINTENANCE_ORDER: Record<string, number> = {
  scheduled: 0,
  in_progress: 1,
  verifying: 2,
  completed: 3,
}

/** Refuses statuses of the wrong kind (400) and impossible transitions (409). */
export function checkTransition(kind: Incident['kind'], from: string | null, to: string): void {
  if (kind === 'incident') {
    if (!(INCIDENT_STATUSES as readonly string[]).includes(to)) {
      throw invalidField(
        'status',
        `An incident's status is one of: ${INCIDENT_STATUSES.join(', ')}.`,
      )
    }
    if (from === null && to === 'postmortem') {
      throw new CandorError(
        'conflict',
        'An incident cannot begin in postmortem; create it resolved.',
      )
    }
    if (from === 'postmortem' && to !== 'postmortem') {
      throw new CandorError('conflict', 'A postmortem is final; open a new incident instead.', {
        from,
        to,
      })
    }
    return
  }
  if (!(MAINTENANCE_STATUSES as readonly string[]).includes(to)) {
    throw invalidField(
      'status',
      `A maintenance's status is one of: ${MAINTENANCE_STATUSES.join(', ')}.`,
    )
  }
  if (from !== null && MAINTENANCE_ORDER[to]! < MAINTENANCE_ORDER[from]!) {
    throw new CandorError('conflict', `A maintenance cannot go from ${from} back to ${to}.`, {
      from,
      to,
    })
  }
}

/** The event a change announces, from the kind, whether it is new, and the status before and after. */
export function eventTypeFor(
  kind: Incident['kind'],
  isNew: boolean,
  before: string | null,
  status: string,
): EventType {
  if (kind === 'maintenance') {
    // The lifecycle steps have their own events; any other note is an update, as Statuspage
    // announces maintenance updates.
    if (status === 'completed' && before !== 'completed') return 'maintenance.completed'
    if (isNew && status === 'scheduled') return 'maintenance.scheduled'
    if ((isNew || before === 'scheduled') && status !== 'scheduled') return 'maintenance.started'
    return 'incident.updated'
  }
  if (isNew) return 'incident.created'
  if (isClosedStatus(status) && !isClosedStatus(before ?? '')) return 'incident.resolved'
  return 'incident.updated'
}

/** Refuses to cancel anything but a maintenance still scheduled (409). */
export function checkCancellable(current: Incident | null): void {
  if (current?.kind !== 'maintenance' || current.status !== 'scheduled') {
    throw new CandorError(
      'conflict',
      'Only a maintenance that is still scheduled can be cancelled.',
      { status: current?.status ?? null },
    )
  }
}
