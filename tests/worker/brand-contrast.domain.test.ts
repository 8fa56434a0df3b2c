import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ACCENT_BACKGROUND, checkAccentColour } from '../../src/domain/brand'
import {
  contrastRatio,
  formatRatio,
  parseHexColour,
  relativeLuminance,
} from '../../src/domain/contrast'
import { CandorError } from '../../src/domain/errors'

const hex = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255))
  .map((rgb) => `#${rgb.map((n) => n.toString(16).padStart(2, '0')).join('')}`)
const grey = (n: number) => `#${n.toString(16).padStart(2, '0').repeat(3)}`

describe('WCAG 2.x contrast', () => {
  it('gives the known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10)
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1)
    // The classic AA boundary on white: #767676 passes, #777777 does not.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
    expect(contrastRatio('#ffcc00', '#ffffff')).toBeCloseTo(1.51, 2)
    expect(contrastRatio('#0550ae', '#ffffff')).toBeCloseTo(7.59, 1)
    expect(relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 4)
    expect(relativeLuminance('#00FF00')).toBeCloseTo(0.7152, 4)
    expect(relativeLuminance('#0000ff')).toBeCloseTo(0.0722, 4)
  })

  it('writes ratios cut to one decimal, never rounded up to the threshold', () => {
    expect(formatRatio(4.4999)).toBe('4.4:1')
    expect(formatRatio(21)).toBe('21:1')
    expect(formatRatio(1.5)).toBe('1.5:1')
  })

  it('is symmetric, between 1 and 21, and 1 for a colour against itself', () => {
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        const ratio = contrastRatio(a, b)
        expect(ratio).toBeCloseTo(contrastRatio(b, a), 12)
        expect(ratio).toBeGreaterThanOrEqual(1)
        expect(ratio).toBeLessThanOrEqual(21 + 1e-9)
        expect(contrastRatio(a, a)).toBe(1)
      }),
    )
  })

  it('has luminance between 0 and 1, growing with every channel', () => {
    fc.assert(
      fc.property(fc.nat(254), fc.nat(255), fc.nat(255), (r, g, b) => {
        const at = (red: number) =>
          relativeLuminance(`#${[red, g, b].map((n) => n.toString(16).padStart(2, '0')).join('')}`)
        expect(at(r)).toBeGreaterThanOrEqual(0)
        expect(at(r + 1)).toBeLessThanOrEqual(1)
        expect(at(r + 1)).toBeGreaterThan(at(r))
      }),
    )
  })

  it('a darker grey always has more contrast against white', () => {
    fc.assert(
      fc.property(fc.nat(254), (n) => {
        expect(contrastRatio(grey(n), '#ffffff')).toBeGreaterThan(
          contrastRatio(grey(n + 1), '#ffffff'),
        )
      }),
    )
  })

  it('reads #rrggbb in either case and nothing else', () => {
    expect(parseHexColour('#0550AE')).toEqual([5, 80, 174])
    for (const bad of ['0550ae', '#055', '#0550aeff', 'red', '#gg0000', ' #0550ae']) {
      expect(parseHexColour(bad)).toBeNull()
    }
  })
})

describe('the accent colour check', () => {
  it('accepts exactly the colours with at least 4.5:1 against the background', () => {
    fc.assert(
      fc.property(hex, (colour) => {
        const passes = contrastRatio(colour, ACCENT_BACKGROUND) >= 4.5
        let accepted: boolean
        try {
          expect(checkAccentColour(colour.toUpperCase())).toBe(colour)
          accepted = true
        } catch (error) {
          expect(error).toBeInstanceOf(CandorError)
          accepted = false
        }
        expect(accepted).toBe(passes)
      }),
    )
  })

  it('says why a colour is refused, naming the field', () => {
    let error: unknown
    try {
      checkAccentColour('#FFCC00')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CandorError)
    const refused = error as CandorError
    expect(refused.message).toBe(
      '#ffcc00 has contrast 1.5:1 against the background #ffffff; at least 4.5:1 is needed.',
    )
    expect(refused.details).toEqual([{ path: 'accent_color', message: refused.message }])
  })
})
