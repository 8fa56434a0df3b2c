import { DEFAULT_LANGUAGE, isLanguage } from '../i18n/languages'
import { readerFor, type Reader } from '../i18n/reader'
import { knownTimeZone } from '../i18n/time-zones'
import type { EventMessage } from './types'

/**
 * Who a notice is written for. Emails go to each subscriber in its own language and time zone
 * where it chose them, else the page's; chat messages are written in the page's.
 */

const zones = new Map<string, boolean>()

/** A zone the runtime still knows (a stored one may be gone after a tzdata change), else null. */
function usable(zone: string | null | undefined): string | null {
  if (!zone) return null
  let known = zones.get(zone)
  if (known === undefined) {
    known = knownTimeZone(zone) !== null
    zones.set(zone, known)
  }
  return known ? zone : null
}

/** The page's reader for a message; English in UTC for one built before messages said. */
export function pageReaderOf(message: Pick<EventMessage, 'pageLocale'>): Reader {
  const page = message.pageLocale
  return readerFor(
    isLanguage(page?.language) ? page.language : DEFAULT_LANGUAGE,
    usable(page?.timeZone) ?? 'Etc/UTC',
  )
}

/** The reader of one subscriber's email: its own choices, each else the page's. */
export function subscriberReaderOf(
  message: Pick<EventMessage, 'pageLocale'>,
  subscriber: { language?: string | null; timeZone?: string | null },
): Reader {
  const page = pageReaderOf(message)
  return readerFor(
    isLanguage(subscriber.language) ? subscriber.language : page.lang,
    usable(subscriber.timeZone) ?? page.timeZone,
  )
}
