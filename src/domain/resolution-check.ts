import { selectDisputeCandidates, type DisputeCandidate } from '../db/resolution'
import { ensurePage } from './page'
import { isClosedStatus, type PageSettings } from './types'

/** How long after resolution the incident page offers "fixed for me / still broken". */
export const PAGE_ANSWER_WINDOW_MS = 48 * 3_600_000

/** How long the answer links in a resolution email work. */
export const ANSWER_LINK_TTL_MS = 14 * 86_400_000

/** How long an ops alert's one-click reopen link works. */
export const REOPEN_LINK_TTL_MS = 7 * 86_400_000

/** The two counts the threshold looks at. */
export interface AnswerCounts {
  fixed: number
  stillBroken: number
}

/** The threshold, as stored with the page settings. */
export type DisputeSettings = Pick<PageSettings, 'disputeMinVotes' | 'disputeMinShare'>

/**
 * True when customers dispute a resolution: at least `disputeMinVotes` "still broken" answers
 * making up at least `disputeMinShare` percent of all answers. Both must hold, so one angry
 * reader cannot page ops, and a few complaints among hundreds of "fixed" do not either.
 */
export function isResolutionDisputed(counts: AnswerCounts, settings: DisputeSettings): boolean {
  const total = counts.fixed + counts.stillBroken
  if (total === 0 || counts.stillBroken < Math.max(1, settings.disputeMinVotes)) return false
  return counts.stillBroken * 100 >= settings.disputeMinShare * total
}

/** True while the incident page offers its answer buttons: resolved less than 48 h ago. */
export function pageAnswersOpen(
  incident: { status: string; resolvedAt: string | null },
  now: Date,
): boolean {
  if (!isClosedStatus(incident.status) || !incident.resolvedAt) return false
  const age = now.getTime() - Date.parse(incident.resolvedAt)
  return age >= 0 && age < PAGE_ANSWER_WINDOW_MS
}

/**
 * Resolved incidents whose customers currently dispute the fix, with their counts — what the
 * clock turns into `ops.resolution_disputed` alerts (once per episode; that is its job).
 */
export async function listDisputedIncidents(
  db: D1Database,
  now: Date,
): Promise<DisputeCandidate[]> {
  const [page, candidates] = await Promise.all([ensurePage(db, now), selectDisputeCandidates(db)])
  return candidates.filter((c) => isResolutionDisputed(c, page))
}
