import { insertAudit } from '../../db/audit'
import {
  upsertIntakeAlert,
  writeIntakeGroup,
  type IntakeAlertRow,
  type IntakeGroupRow,
} from '../../db/intake'
import type { VerbContext } from '../context'
import { createIncident } from '../incidents'
import type { IntakeSettings } from '../intake-settings'
import { worseStatus } from '../page-status'
import type { ComponentStatus, Incident } from '../types'
import type { IncomingDelivery } from './incoming'
import { unmappedSentences, type MappedAlert } from './mapping'
import { byWorstFirst, clip, lines, result, rowOf, worstImpact, type AlertResult } from './outcome'

/** No incident open for the group: new firing alerts open one; resolved ones are recorded. */
export async function openOrRecord(
  ctx: VerbContext,
  delivery: IncomingDelivery,
  settings: IntakeSettings,
  mapped: MappedAlert[],
  closed: Incident | null,
  group: IntakeGroupRow | null,
  known: Map<string, IntakeAlertRow>,
): Promise<AlertResult[]> {
  const now = ctx.now.toISOString()
  const results = new Map<string, AlertResult>()
  const fresh: MappedAlert[] = []
  const closedRows: IntakeAlertRow[] = []
  for (const m of mapped) {
    const seen = known.get(m.alert.fingerprint)
    if (m.alert.status === 'firing') {
      // Still the same occurrence the closed incident already told of (a human resolved it
      // while the alert kept firing): repeating it must not reopen anything.
      if (seen?.status === 'firing' && seen.startsAt === m.alert.startsAt) {
        results.set(m.alert.fingerprint, result(m, 'ignored-duplicate', closed))
      } else {
        fresh.push(m)
      }
    } else if (seen?.status === 'firing') {
      closedRows.push(rowOf(m.alert, 'resolved'))
      results.set(m.alert.fingerprint, result(m, 'resolved', closed))
    } else {
      results.set(
        m.alert.fingerprint,
        result(m, seen ? 'ignored-duplicate' : 'ignored', seen ? closed : null),
      )
    }
  }
  const recordClosed = closedRows.map((row) => upsertIntakeAlert(ctx.db, closed!.id, row, now))

  if (fresh.length === 0) {
    if (recordClosed.length > 0) {
      await ctx.db.batch([
        ...recordClosed,
        insertAudit(
          ctx.db,
          ctx.actor,
          'intake.alerts',
          { type: 'incident', id: closed!.id },
          { resolved: closedRows.map((r) => r.fingerprint) },
          now,
        ),
      ])
    }
    return mapped.map((m) => results.get(m.alert.fingerprint)!)
  }

  fresh.sort(byWorstFirst)
  const componentStatuses: Record<string, ComponentStatus> = {}
  for (const m of fresh) {
    if (!m.componentId) continue
    const was = componentStatuses[m.componentId]
    componentStatuses[m.componentId] = was
      ? worseStatus(was, m.rule.component_status)
      : m.rule.component_status
  }
  const areaIds = [...new Set(fresh.flatMap((m) => (m.areaId ? [m.areaId] : [])))]
  const draft = settings.open_as_draft
  const notify = !draft
  const body = lines(
    fresh.map((m) => m.alert.description),
    unmappedSentences(fresh),
  )
  const created = await createIncident(
    ctx,
    {
      started_at: earliestStart(
        fresh.map((m) => m.alert.startsAt),
        ctx.now,
      ),
      name: clip(fresh[0]!.alert.title, 300),
      status: 'investigating',
      impact: worstImpact(fresh),
      body: clip(body, 20000),
      components: componentStatuses,
      area_ids: areaIds,
      notify,
    },
    {
      draft,
      alsoWrite: (incident) => [
        ...fresh.map((m) => upsertIntakeAlert(ctx.db, incident.id, rowOf(m.alert, 'firing'), now)),
        ...recordClosed,
        writeIntakeGroup(
          ctx.db,
          {
            groupKey: delivery.groupKey,
            incidentId: incident.id,
            lastNotifiedAt: notify ? now : null,
          },
          group?.version ?? 0,
          now,
        ),
      ],
    },
  )
  const change = { updateId: created.updates[0]!.id, notified: notify }
  fresh.forEach((m, index) => {
    results.set(m.alert.fingerprint, result(m, index === 0 ? 'opened' : 'joined', created, change))
  })
  return mapped.map((m) => results.get(m.alert.fingerprint)!)
}

/**
 * When the trouble began: the earliest `startsAt` the monitoring gave, never later than now (a
 * monitoring clock a little ahead of ours must not refuse the alert); undefined when none.
 */
export function earliestStart(starts: (string | null)[], now: Date): string | undefined {
  const times = starts
    .map((s) => (s ? Date.parse(s) : NaN))
    .filter((t) => Number.isFinite(t) && t > 0)
  if (times.length === 0) return undefined
  return new Date(Math.min(...times, now.getTime())).toISOString()
}
