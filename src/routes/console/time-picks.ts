import { localInputValue, parseLocalInput, tomorrowAt } from '../../lib/zoned-time'

/**
 * The quick picks of the ETA and Next update fields: a select (`eta`, `next_update_at`) whose
 * value is one of these, and an `…_exact` datetime-local field read in the page's time zone
 * for `exact`. `keep` (update forms) leaves the value as it is; `none` clears it.
 */
export const TIME_PICKS = ['keep', 'none', '30m', '1h', '4h', 'tomorrow_9', 'exact'] as const
export type TimePick = (typeof TIME_PICKS)[number]

const OFFSETS_MIN: Partial<Record<TimePick, number>> = { '30m': 30, '1h': 60, '4h': 240 }

/** What a pick says: an ISO instant, null (cleared), undefined (kept), or an error sentence. */
export type PickedTime =
  { ok: true; value: string | null | undefined } | { ok: false; error: string }

/** Turns a pick (and its exact field) into the API's value, at `now` in `timeZone`. */
export function resolvePick(pick: string, exact: string, now: Date, timeZone: string): PickedTime {
  switch (pick) {
    case 'keep':
      return { ok: true, value: undefined }
    case 'none':
      return { ok: true, value: null }
    case 'tomorrow_9':
      return { ok: true, value: tomorrowAt(now, timeZone, 9).toISOString() }
    case 'exact': {
      const at = parseLocalInput(exact, timeZone)
      if (!at) return { ok: false, error: `Give a date and time (in ${timeZone}).` }
      return { ok: true, value: at.toISOString() }
    }
    default: {
      // Own keys only: a pick such as `__proto__` or `toString` is not one of the options.
      const minutes = Object.hasOwn(OFFSETS_MIN, pick) ? OFFSETS_MIN[pick as TimePick] : undefined
      if (minutes === undefined) return { ok: false, error: 'Choose one of the options.' }
      return { ok: true, value: new Date(now.getTime() + minutes * 60_000).toISOString() }
    }
  }
}

/** The exact field's value for an instant already set (to show it in the form). */
export function exactValue(iso: string | null, timeZone: string): string {
  return iso ? localInputValue(new Date(iso), timeZone) : ''
}
