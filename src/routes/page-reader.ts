import type { PublicView } from '../domain/public-view'
import { readerFor, type Reader } from '../i18n/reader'

/**
 * The reader a public page is rendered for: in the page's time zone, so the text every
 * `<time>` carries before any script runs is the page's own clock. Every public page is in
 * English until its words are in the catalogs.
 */
export function pageReader(view: PublicView): Reader {
  return readerFor('en', view.snapshot.page.timeZone)
}
