/** Normalises any ISO-8601 instant to the UTC form stored in D1 (sortable as text). */
export function toIso(value: string | Date): string {
  return new Date(value).toISOString()
}

/** Whole minutes from `from` to `to`, never negative. */
export function minutesBetween(from: string, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / 60_000))
}
