import { entryHtml, entrySummary, entryTitle, type FeedInput } from './feed-entries'
import { escapeXml } from './markup'

/**
 * An Atom 1.0 document (RFC 4287) of incidents and maintenance, each entry with its updates,
 * written in the reader's language (`xml:lang`) with times in text on the page's clock; its
 * `published`/`updated` stay RFC 3339.
 */
export function atomFeed(input: FeedInput): string {
  const { pageName, baseUrl, selfUrl, items, reader } = input
  const updated = items[0]?.updated_at ?? input.builtAt
  const entries = items.map(
    (item) => `  <entry>
    <title>${escapeXml(entryTitle(item, reader))}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(item.shortlink)}"/>
    <id>${escapeXml(item.shortlink)}</id>
    <published>${item.created_at}</published>
    <updated>${item.updated_at}</updated>
    <category term="${escapeXml(item.impact === 'maintenance' ? 'maintenance' : 'incident')}"/>
    <summary>${escapeXml(entrySummary(item))}</summary>
    <content type="html">${escapeXml(entryHtml(item, reader, input.postmortems?.[item.id]))}</content>
  </entry>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${reader.lang}">
  <title>${escapeXml(reader.t('feeds.title', { page: pageName }))}</title>
  <subtitle>${escapeXml(reader.t('feeds.subtitle'))}</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${baseUrl}/`)}"/>
  <id>${escapeXml(selfUrl)}</id>
  <updated>${updated}</updated>
  <author><name>${escapeXml(pageName)}</name></author>
  <generator>Candor</generator>
${entries.join('\n')}
</feed>
`
}
