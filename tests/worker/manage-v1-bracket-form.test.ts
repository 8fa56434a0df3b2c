import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BracketFormError,
  encodeBracketForm,
  parseBracketForm,
  type FormObject,
} from '../../src/routes/manage-v1/bracket-form'

/** Field names as clients use them, including ones that need percent-encoding. */
const key = fc
  .stringMatching(/^[A-Za-z0-9_ .:@é-]{1,12}$/)
  .filter((k) => !k.includes('[') && !['__proto__', 'constructor', 'prototype'].includes(k))

/** Objects a bracketed form can carry: strings, arrays of strings, nested objects. */
const formObject: fc.Arbitrary<FormObject> = fc.letrec<{ node: FormObject }>((tie) => ({
  node: fc.dictionary(
    key,
    fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.array(fc.string(), { minLength: 1, maxLength: 4 }),
      tie('node').filter((o) => Object.keys(o).length > 0),
    ),
    { maxKeys: 4 },
  ),
})).node

describe('bracketed form fields', () => {
  it('read back into the object they were written from (arrays with [])', () => {
    fc.assert(
      fc.property(formObject, (value) => {
        expect(parseBracketForm(encodeBracketForm(value))).toEqual(value)
      }),
      { numRuns: 300 },
    )
  })

  it('and with arrays of two or more written as the key repeated, without []', () => {
    const longArrays = formObject.filter((value) => {
      const ok = (node: FormObject): boolean =>
        Object.values(node).every((v) =>
          Array.isArray(v) ? v.length >= 2 : typeof v === 'string' || ok(v),
        )
      return ok(value)
    })
    fc.assert(
      fc.property(longArrays, (value) => {
        expect(parseBracketForm(encodeBracketForm(value, { arrayBrackets: false }))).toEqual(value)
      }),
      { numRuns: 200 },
    )
  })

  it("read Statuspage's own examples", () => {
    expect(
      parseBracketForm(
        'incident[name]=Database+down&incident[components][abc123]=major_outage&incident[component_ids][]=abc123&incident[component_ids][]=def456&incident[deliver_notifications]=true',
      ),
    ).toEqual({
      incident: {
        name: 'Database down',
        components: { abc123: 'major_outage' },
        component_ids: ['abc123', 'def456'],
        deliver_notifications: 'true',
      },
    })
    expect(parseBracketForm('component_group[components]=a&component_group[name]=API')).toEqual({
      component_group: { components: 'a', name: 'API' },
    })
    expect(parseBracketForm('ids=a&ids=b')).toEqual({ ids: ['a', 'b'] })
    expect(parseBracketForm('')).toEqual({})
  })

  it('refuse fields that cannot nest, reserved names and runaway depth', () => {
    for (const body of [
      'a=1&a[b]=2',
      'a[b]=2&a=1',
      'a[b=1',
      'a[]x=1',
      'a[][b]=1',
      '__proto__[x]=1',
      'a[constructor]=1',
      `a${'[b]'.repeat(9)}=1`,
      '[a]=1',
    ]) {
      expect(() => parseBracketForm(body), body).toThrow(BracketFormError)
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
})
