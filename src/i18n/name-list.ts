import type { Reader } from './reader'

const formats = new Map<string, Intl.ListFormat>()

/**
 * Names ops wrote ("Fibre", "Mobile"), as a list in the reader's language: "Fibre, Mobile and
 * DNS", "Fibre, Mobile und DNS", "Fibre وMobile". The names stay as written.
 */
export function nameList(reader: Pick<Reader, 'locale'>, names: string[]): string {
  let f = formats.get(reader.locale)
  if (!f) {
    f = new Intl.ListFormat(reader.locale, { type: 'conjunction', style: 'long' })
    formats.set(reader.locale, f)
  }
  return f.format(names)
}
