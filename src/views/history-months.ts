/** How many months one page of /history shows. */
export const MONTHS_PER_PAGE = 3

/** A UTC calendar month: its year, zero-based month and bounds as ISO instants. */
export interface HistoryMonth {
  year: number
  month: number
  /** First instant of the month. */
  start: string
  /** First instant of the next month. */
  end: string
}

/** The months page `page` of /history covers (0 = the current month and the two before), newest first. */
export function historyMonths(now: Date, page: number): HistoryMonth[] {
  const newest = now.getUTCFullYear() * 12 + now.getUTCMonth() - page * MONTHS_PER_PAGE
  const months: HistoryMonth[] = []
  for (let k = 0; k < MONTHS_PER_PAGE; k++) {
    const index = newest - k
    const year = Math.floor(index / 12)
    const month = index % 12
    months.push({
      year,
      month,
      start: new Date(Date.UTC(year, month, 1)).toISOString(),
      end: new Date(Date.UTC(year, month + 1, 1)).toISOString(),
    })
  }
  return months
}

/** The page number from `?page=`, 0 when absent or not a small whole number. */
export function parseHistoryPage(value: string | undefined): number {
  return value && /^\d{1,4}$/.test(value) ? Number(value) : 0
}

/** Sorts items into the months by their start time; items outside every month are dropped. */
export function groupByMonth<T extends { started_at: string }>(
  items: T[],
  months: HistoryMonth[],
): { month: HistoryMonth; items: T[] }[] {
  return months.map((month) => ({
    month,
    items: items
      .filter((item) => item.started_at >= month.start && item.started_at < month.end)
      .sort((a, b) => b.started_at.localeCompare(a.started_at)),
  }))
}
