import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { localInputValue, parseLocalInput, tomorrowAt, wallClockAt } from '../../src/lib/zoned-time'

describe('wall-clock times in the page’s zone', () => {
  it('reads a datetime-local value in the zone, across a DST change', () => {
    expect(parseLocalInput('2026-07-01T09:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    )
    expect(parseLocalInput('2026-12-01T09:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-12-01T08:00:00.000Z',
    )
    expect(parseLocalInput('2026-12-01T09:00', 'America/New_York')?.toISOString()).toBe(
      '2026-12-01T14:00:00.000Z',
    )
    expect(parseLocalInput('2026-12-01T09:00', 'Etc/UTC')?.toISOString()).toBe(
      '2026-12-01T09:00:00.000Z',
    )
    // Clocks jump 02:00 → 03:00 in Berlin on 2026-03-29: 02:30 does not exist.
    expect(parseLocalInput('2026-03-29T02:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    )
  })

  it('reads years before 100 as themselves, not as the 1900s', () => {
    expect(parseLocalInput('0050-01-01T00:00', 'Etc/UTC')?.toISOString()).toBe(
      '0050-01-01T00:00:00.000Z',
    )
  })

  it('refuses what is not a time', () => {
    for (const bad of ['', 'tomorrow', '2026-02-30T09:00', '2026-13-01T09:00', '2026-12-01 9am']) {
      expect(parseLocalInput(bad, 'Etc/UTC')).toBeNull()
    }
  })

  it('tomorrow 09:00 is the next day at nine on the zone’s clock', () => {
    const now = new Date('2026-12-01T23:30:00Z') // already 2 Dec in Tokyo
    expect(tomorrowAt(now, 'Asia/Tokyo', 9).toISOString()).toBe('2026-12-03T00:00:00.000Z')
    expect(tomorrowAt(now, 'America/Los_Angeles', 9).toISOString()).toBe('2026-12-02T17:00:00.000Z')
  })

  it('a field value read back is the same instant (to the minute), in any zone', () => {
    const zones = [
      'Etc/UTC',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
    ]
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01Z'),
          max: new Date('2035-01-01Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (at, zone) => {
          const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000)
          const back = parseLocalInput(localInputValue(minute, zone), zone)!
          // In an overlap the earlier instant is chosen; the wall clock is the same either way.
          expect(wallClockAt(back, zone)).toEqual(wallClockAt(minute, zone))
        },
      ),
    )
  })
})
