import type { AppEnv } from '../env'

const DAY_MS = 86_400_000

/** How long finished things are kept, in days (see docs/operations.md "Retention"). */
export interface RetentionPeriods {
  /** Finished deliveries (sent, skipped, dead) and their attempts, after their last change. */
  deliveriesDays: number
  /** Outbox events, after their fan-out, once none of their deliveries is left. */
  eventsDays: number
  /** Link tokens (subscription and incident links), after they expired. */
  linkTokensDays: number
}

/** The defaults, when a setting is unset or not a whole number of days ≥ 1. */
export const RETENTION_DEFAULTS: RetentionPeriods = {
  deliveriesDays: 30,
  eventsDays: 30,
  linkTokensDays: 7,
}

function days(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 ? n : fallback
}

/** The periods set by RETENTION_DELIVERIES_DAYS, RETENTION_EVENTS_DAYS, RETENTION_LINK_TOKENS_DAYS. */
export function retentionPeriods(env: AppEnv): RetentionPeriods {
  return {
    deliveriesDays: days(env.RETENTION_DELIVERIES_DAYS, RETENTION_DEFAULTS.deliveriesDays),
    eventsDays: days(env.RETENTION_EVENTS_DAYS, RETENTION_DEFAULTS.eventsDays),
    linkTokensDays: days(env.RETENTION_LINK_TOKENS_DAYS, RETENTION_DEFAULTS.linkTokensDays),
  }
}

/** `days` days before `now`, as an ISO time. */
export function daysBefore(now: Date, count: number): string {
  return new Date(now.getTime() - count * DAY_MS).toISOString()
}

/**
 * How far back the delivery log reaches: finished deliveries last changed before `since` may
 * have been pruned; an undelivered one is always there.
 */
export function deliveryLogReach(env: AppEnv, now: Date): { days: number; since: string } {
  const { deliveriesDays } = retentionPeriods(env)
  return { days: deliveriesDays, since: daysBefore(now, deliveriesDays) }
}
