/**
 * Parses CSV text (RFC 4180: commas, double-quoted fields with "" escapes, CRLF or LF line
 * ends) into rows of fields, each with the line number it starts on. Blank lines are skipped.
 * Throws when a quoted field is never closed.
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  const source = text.replace(/^\uFEFF/, '')
  const endRow = () => {
    fields.push(field)
    if (fields.length > 1 || fields[0]!.trim() !== '') rows.push({ line: rowLine, fields })
    fields = []
    field = ''
  }
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') {
        quoted = false
      } else {
        if (ch === '\n') line++
        field += ch
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true
      field = ''
    } else if (ch === ',') {
      fields.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++
      endRow()
      line++
      rowLine = line
    } else {
      field += ch
    }
  }
  if (quoted) throw new Error(`a quoted field starting on line ${rowLine} is never closed`)
  if (field !== '' || fields.length > 0) endRow()
  return rows
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break. A value a spreadsheet
 * would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is
 * prefixed with `'`, so an address typed by the public cannot become one (CSV injection).
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Rows as CSV text (RFC 4180: CRLF line ends), the header first. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}
