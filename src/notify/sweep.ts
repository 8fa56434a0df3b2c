import type { AppEnv } from '../env'
import { enqueuePendingOutbox } from './enqueue-outbox'

/** The cron sweep: re-send outbox rows the queue may have lost. */
export async function runSweep(env: AppEnv, now: Date): Promise<void> {
  await enqueuePendingOutbox(env, now)
}
