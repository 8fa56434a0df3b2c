import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CandorError } from '../../src/domain/errors'
import { COMPONENT_STATUSES } from '../../src/domain/types'
import {
  PARTIAL_OUTAGE_WEIGHT,
  computeUptime,
  parsePartialDate,
  resolveUptimeRange,
  type TimedStatus,
} from '../../src/domain/uptime'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const at = (iso: string) => Date.parse(iso)

function refusal(run: () => unknown): CandorError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(CandorError)
    return error as CandorError
  }
  throw new Error('expected a refusal')
}

describe('partial dates', () => {
  it('read a year or a month as its first or last day', () => {
    expect(parsePartialDate('2020', 'start', 'start')).toBe('2020-01-01')
    expect(parsePartialDate('2020', 'end', 'end')).toBe('2020-12-31')
    expect(parsePartialDate('2020-01', 'start', 'start')).toBe('2020-01-01')
    expect(parsePartialDate('2020-01', 'end', 'end')).toBe('2020-01-31')
    expect(parsePartialDate('2024-02', 'end', 'end')).toBe('2024-02-29')
    expect(parsePartialDate('2023-02', 'end', 'end')).toBe('2023-02-28')
    expect(parsePartialDate('2020-01-15', 'end', 'end')).toBe('2020-01-15')
  })

  it('refuse anything else, naming the field', () => {
    for (const bad of ['abc', '2020-13', '2020-02-30', '2020-1-5', '20201', '1969-12-31', '']) {
      const error = refusal(() => parsePartialDate(bad, 'start', 'start'))
      expect(error.code).toBe('validation_failed')
      expect(JSON.stringify(error.details)).toContain('"path":"start"')
    }
  })
})

describe('the range an uptime reads', () => {
  const today = '2026-12-02'

  it('defaults to the 90 days before today, or from the start date when later', () => {
    expect(resolveUptimeRange({ startDate: null, today })).toEqual({
      start: '2026-09-03',
      end: today,
      warnings: [],
    })
    expect(resolveUptimeRange({ startDate: '2026-11-20', today }).start).toBe('2026-11-20')
    expect(resolveUptimeRange({ startDate: '2025-01-01', today }).start).toBe('2026-09-03')
    // A start asked for wins over the start date.
    expect(resolveUptimeRange({ start: '2026-10', startDate: '2026-11-20', today }).start).toBe(
      '2026-10-01',
    )
  })

  it('brings a future end back to today, saying so', () => {
    const range = resolveUptimeRange({ start: '2026-11', end: '2027', startDate: null, today })
    expect(range.end).toBe(today)
    expect(range.warnings).toEqual([expect.stringContaining('End date was adjusted to today')])
  })

  it('keeps a range within six calendar months, saying so', () => {
    const range = resolveUptimeRange({ start: '2025', end: '2025', startDate: null, today })
    expect(range).toMatchObject({ start: '2025-01-01', end: '2025-06-30' })
    expect(range.warnings).toEqual([expect.stringContaining('2025-06-30')])
    const exact = resolveUptimeRange({
      start: '2025-01-01',
      end: '2025-06-30',
      startDate: null,
      today,
    })
    expect(exact.warnings).toEqual([])
    // Month ends: six months from August 31 end the day before February's last.
    expect(resolveUptimeRange({ start: '2025-08-31', startDate: null, today }).end).toBe(
      '2026-02-27',
    )
  })

  it('refuses a start after the end', () => {
    const error = refusal(() =>
      resolveUptimeRange({ start: '2026-11-10', end: '2026-11-01', startDate: null, today }),
    )
    expect(error.code).toBe('validation_failed')
  })
})

describe('uptime figures', () => {
  const from = at('2026-11-01T00:00:00Z')
  const to = from + DAY

  it('count a major outage fully and a partial one at 30%', () => {
    const history: TimedStatus[] = [
      // Carried in: in partial outage since before the range.
      { status: 'partial_outage', at: from - 5 * HOUR },
      { status: 'operational', at: from + 2 * HOUR },
      { status: 'major_outage', at: from + 10 * HOUR },
      { status: 'degraded_performance', at: from + 11 * HOUR },
      { status: 'under_maintenance', at: from + 12 * HOUR },
      { status: 'operational', at: from + 13 * HOUR },
      // After the range: not counted.
      { status: 'major_outage', at: to + HOUR },
    ]
    const figures = computeUptime(history, from, to)
    expect(figures).toMatchObject({
      majorOutage: 3600,
      partialOutage: 2 * 3600,
      rangeSeconds: 86_400,
    })
    const down = 3600 + PARTIAL_OUTAGE_WEIGHT * 7200
    expect(figures.uptimePercentage).toBe(Math.round((100 - (100 * down) / 86_400) * 100) / 100)
    expect(figures.uptimePercentage).toBe(93.33)
  })

  it('read no history as up, and a whole range down as 0%', () => {
    expect(computeUptime([], from, to)).toMatchObject({ majorOutage: 0, uptimePercentage: 100 })
    const down = computeUptime([{ status: 'major_outage', at: from - DAY }], from, to)
    expect(down).toMatchObject({ majorOutage: 86_400, uptimePercentage: 0 })
  })

  it('stay within the range, whatever the history (property)', () => {
    const change = fc.record({
      status: fc.constantFrom(...COMPONENT_STATUSES),
      at: fc.integer({ min: -3 * DAY, max: 40 * DAY }),
    })
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 40 }),
        fc.integer({ min: 0, max: 30 * DAY }),
        fc.integer({ min: 0, max: 30 * DAY }),
        (changes, start, length) => {
          const history = [...changes].sort((a, b) => a.at - b.at)
          const figures = computeUptime(history, start, start + length)
          expect(figures.uptimePercentage).toBeGreaterThanOrEqual(0)
          expect(figures.uptimePercentage).toBeLessThanOrEqual(100)
          expect(figures.majorOutage + figures.partialOutage).toBeLessThanOrEqual(
            figures.rangeSeconds,
          )
          if (!history.some((c) => c.status.endsWith('_outage'))) {
            expect(figures.uptimePercentage).toBe(100)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
