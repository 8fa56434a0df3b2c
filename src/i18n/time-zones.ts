/**
 * Which time zones a reader may choose: the IANA zones the runtime knows, by their canonical
 * names. A UTC offset ("+01:00") is not a zone: it knows nothing of summer time.
 */

const OFFSET = /^[+\-−]|^(GMT|UTC)[+\-−]/i

/** The canonical name of a known IANA zone ("europe/london" → "Europe/London"), else null. */
export function knownTimeZone(name: string): string | null {
  const trimmed = name.trim()
  if (trimmed === '' || trimmed.length > 64 || OFFSET.test(trimmed)) return null
  try {
    return new Intl.DateTimeFormat('en', { timeZone: trimmed }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

let choices: readonly string[] | null = null

/** Every zone offered to choose from, in the runtime's (alphabetical) order. */
export function timeZoneChoices(): readonly string[] {
  choices ??= Intl.supportedValuesOf('timeZone')
  return choices
}
