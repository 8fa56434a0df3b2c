// Reading whole lists a page at a time: Statuspage's numbered pages and Candor's `after` cursor.
// Pure loops over a `fetchPage` function, so they are tested without a server.

/** Statuspage's lists stop here even if every page is full: 1000 pages. */
const MAX_PAGES = 1000

/**
 * Every item of a list numbered by page (`fetchPage(n)` answers page n, from `first`) of
 * `size` items. A short page is the last; a page of nothing new means the server ignores
 * paging (it answered the whole list, or the first page again), so the loop stops there too.
 * Items are kept once, by id.
 */
export async function numberedPages(fetchPage, { first, size }) {
  const all = []
  const seen = new Set()
  for (let page = first; page < first + MAX_PAGES; page++) {
    const batch = await fetchPage(page)
    if (!Array.isArray(batch)) throw new Error(`page ${page} is not a list.`)
    const fresh = batch.filter((item) => !seen.has(item.id))
    for (const item of fresh) seen.add(item.id)
    all.push(...fresh)
    if (batch.length < size || fresh.length === 0) break
  }
  return all
}

/**
 * Every item of a list paged by cursor: `fetchPage(after)` answers up to `size` items after
 * the one with id `after` (null for the first page). A short page is the last. A page holding
 * an item already seen means the server does not page this way: reading on would loop, and
 * stopping would miss the rest, so it throws.
 */
export async function cursorPages(fetchPage, size) {
  const all = []
  const seen = new Set()
  let after = null
  for (;;) {
    const batch = await fetchPage(after)
    if (!Array.isArray(batch)) throw new Error('a page of the list is not a list.')
    for (const item of batch) {
      if (seen.has(item.id)) {
        throw new Error(`the list answered ${item.id} twice: it does not page with "after".`)
      }
      seen.add(item.id)
    }
    all.push(...batch)
    if (batch.length < size) return all
    after = batch[batch.length - 1].id
  }
}
