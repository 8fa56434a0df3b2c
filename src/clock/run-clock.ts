import { activateDueIncidents } from '../domain/activate-upcoming'
import { rebuildSnapshot } from '../durable/rebuild-snapshot'
import type { AppEnv } from '../env'
import { requeueStuckOpsSends } from '../notify/ops-alerts/ops-alerts'
import { runSweep } from '../notify/delivery/sweep'
import { alertDisputedResolutions } from './dispute-alerts'
import { sendHeldIntakeNotices } from './held-intake-notices'
import { catchUpSnapshot } from './snapshot-catch-up'
import { alertLatePromises } from './incident-alerts'
import { runMaintenanceAutopilot } from './maintenance-autopilot'
import { pruneRecords } from './prune-records'

/**
 * The clock, every minute (the Cron Trigger in wrangler.toml): upcoming incidents that are
 * due go live, maintenance that runs itself,
 * ops alerts for late updates, passed ETAs and disputed resolutions, then the notification sweep (which also hands
 * what the clock announced to the queues), and last retention: finished deliveries, events, expired
 * link tokens and idempotency keys past their periods, in bounded batches. Each step runs even if
 * another fails.
 */
export async function runClock(env: AppEnv, now: Date): Promise<void> {
  const steps: [string, () => Promise<unknown>][] = [
    // First, so their announcements go out with the sweep of the same run.
    ['upcoming incidents', () => activateDueIncidents(env, now)],
    [
      'maintenance autopilot',
      async () => {
        const done = await runMaintenanceAutopilot(env, now)
        if (done.started.length + done.completed.length > 0) await rebuildSnapshot(env, { now })
      },
    ],
    ['held intake notices', () => sendHeldIntakeNotices(env, now)],
    ['late promises', () => alertLatePromises(env, now)],
    ['disputed resolutions', () => alertDisputedResolutions(env, now)],
    ['stuck ops alerts', () => requeueStuckOpsSends(env, now)],
    // Last: whatever the steps above changed, and any write whose snapshot was never stored.
    ['stale snapshot', () => catchUpSnapshot(env, now)],
  ]
  for (const [name, step] of steps) {
    await step().catch((error: unknown) => console.error(`clock step "${name}" failed`, error))
  }
  await runSweep(env, now)
  await pruneRecords(env, now).catch((error: unknown) =>
    console.error('clock step "retention" failed', error),
  )
}
