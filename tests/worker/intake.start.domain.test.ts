import { describe, expect, it } from 'vitest'
import { earliestStart } from '../../src/domain/intake/open-incident'

describe('when an incident opened by an alert began', () => {
  const now = new Date('2026-11-23T19:00:00.000Z')

  it('is the earliest startsAt of the alerts', () => {
    expect(
      earliestStart(['2026-11-23T18:58:08.489858715Z', '2026-11-23T18:50:00Z', null], now),
    ).toBe('2026-11-23T18:50:00.000Z')
  })

  it('is never later than now, and unknown without a usable startsAt', () => {
    expect(earliestStart(['2026-11-23T19:00:30Z'], now)).toBe(now.toISOString())
    expect(earliestStart([null, 'not a time', '0001-01-01T00:00:00Z'], now)).toBeUndefined()
  })
})
