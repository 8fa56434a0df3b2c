import { selectDeadLetters, type DeadLetter } from '../db/dead-letters'

/** Queue messages whose retries were spent, most recent first (optionally of one queue). */
export function listDeadLetters(
  db: D1Database,
  filter: { queue: string | null; limit: number },
): Promise<DeadLetter[]> {
  return selectDeadLetters(db, filter)
}
