/**
 * Rails-style bracketed form fields, as Statuspage's clients send them
 * (`incident[name]=x&incident[components][abc]=major_outage&incident[component_ids][]=abc`),
 * read into the object a JSON body would hold, and written back.
 *
 * - `a[b][c]=v` nests: `{a: {b: {c: 'v'}}}`.
 * - `a[]=v` appends to an array; a key repeated without `[]` (`a=1&a=2`) is an array too,
 *   while a single `a=1` stays a string (the request schema turns it into a one-item array
 *   where it expects one).
 * - A key that is both a value and an object (`a=1&a[b]=2`), a key named like an object
 *   internal (`__proto__`, `constructor`, `prototype`), or nesting deeper than
 *   `MAX_FORM_DEPTH` is refused with a `BracketFormError`.
 */

/** A value a bracketed form can hold. */
export type FormValue = string | string[] | FormObject
export interface FormObject {
  [key: string]: FormValue
}

/** How deep brackets may nest. */
export const MAX_FORM_DEPTH = 8

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** A form field that cannot be read as a nested object. */
export class BracketFormError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
    this.name = 'BracketFormError'
  }
}

/** The path of `a[b][]`: `{segments: ['a', 'b'], append: true}`. */
function splitKey(field: string): { segments: string[]; append: boolean } {
  const open = field.indexOf('[')
  if (open <= 0) {
    if (field.includes(']') || field === '')
      throw new BracketFormError(field, 'is not a field name')
    return { segments: [field], append: false }
  }
  const segments = [field.slice(0, open)]
  let rest = field.slice(open)
  let append = false
  while (rest.length > 0) {
    const match = /^\[([^[\]]*)\]/.exec(rest)
    if (!match || append) throw new BracketFormError(field, 'has unbalanced brackets')
    if (match[1] === '') append = true
    else segments.push(match[1]!)
    rest = rest.slice(match[0].length)
  }
  return { segments, append }
}

function isObject(value: FormValue | undefined): value is FormObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Sets one field in `root`, following its bracket path. */
function place(root: FormObject, field: string, value: string): void {
  const { segments, append } = splitKey(field)
  if (segments.length > MAX_FORM_DEPTH) throw new BracketFormError(field, 'nests too deeply')
  for (const segment of segments) {
    if (FORBIDDEN_KEYS.has(segment)) throw new BracketFormError(field, 'uses a reserved name')
  }
  let node = root
  for (const segment of segments.slice(0, -1)) {
    const next = Object.hasOwn(node, segment) ? node[segment] : undefined
    if (next === undefined) node = node[segment] = {}
    else if (isObject(next)) node = next
    else throw new BracketFormError(field, 'is both a value and a group of fields')
  }
  const last = segments.at(-1)!
  const current = Object.hasOwn(node, last) ? node[last] : undefined
  if (isObject(current)) throw new BracketFormError(field, 'is both a value and a group of fields')
  if (current === undefined) node[last] = append ? [value] : value
  else if (Array.isArray(current)) current.push(value)
  else node[last] = [current, value]
}

/** Reads `application/x-www-form-urlencoded` text with bracket keys into an object. */
export function parseBracketForm(body: string): FormObject {
  const root: FormObject = {}
  for (const [field, value] of new URLSearchParams(body)) place(root, field, value)
  return root
}

/**
 * Writes an object as bracketed form text, the inverse of `parseBracketForm`: arrays with
 * `[]` (or, with `arrayBrackets: false`, as the key repeated). Used by clients and tests.
 */
export function encodeBracketForm(
  value: FormObject,
  options: { arrayBrackets?: boolean } = {},
): string {
  const pairs = new URLSearchParams()
  const walk = (prefix: string, node: FormValue) => {
    if (typeof node === 'string') pairs.append(prefix, node)
    else if (Array.isArray(node)) {
      for (const item of node)
        pairs.append(options.arrayBrackets === false ? prefix : `${prefix}[]`, item)
    } else {
      for (const [key, child] of Object.entries(node))
        walk(prefix ? `${prefix}[${key}]` : key, child)
    }
  }
  walk('', value)
  return pairs.toString()
}
