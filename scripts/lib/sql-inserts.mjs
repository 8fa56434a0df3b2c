// Building blocks for the SQL files the benchmarks load with `wrangler d1 execute --file`:
// ids like Candor's own, literals, and multi-row INSERTs kept under D1's statement limit.

import { randomBytes } from 'node:crypto'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
/** Keep each INSERT well under D1's 100 KB statement limit. */
const MAX_STATEMENT_BYTES = 60_000

/** A Statuspage-style id: `length` characters of [a-z0-9]. */
export function newId(length = 12) {
  let id = ''
  for (const byte of randomBytes(length)) id += ALPHABET[byte % ALPHABET.length]
  return id
}

/** A SQL literal for a string, number, boolean or null. */
export function lit(value) {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? '1' : '0'
  return `'${String(value).replaceAll("'", "''")}'`
}

/** Multi-row INSERT statements for `rows` (objects with the same keys), split by size. */
export function inserts(table, rows) {
  if (rows.length === 0) return []
  const columns = Object.keys(rows[0])
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES\n`
  const statements = []
  let values = []
  let bytes = head.length
  for (const row of rows) {
    const tuple = `(${columns.map((c) => lit(row[c])).join(', ')})`
    if (values.length > 0 && bytes + tuple.length + 2 > MAX_STATEMENT_BYTES) {
      statements.push(`${head}${values.join(',\n')};`)
      values = []
      bytes = head.length
    }
    values.push(tuple)
    bytes += tuple.length + 2
  }
  statements.push(`${head}${values.join(',\n')};`)
  return statements
}
