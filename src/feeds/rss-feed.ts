import { entryHtml, entryTitle, type FeedInput } from './feed-entries'
import { escapeXml } from './markup'

/** An RFC 822 date as RSS 2.0 wants it ("Tue, 01 Dec 2026 07:20:00 GMT"). */
function rssDate(iso: string): string {
  return new Date(iso).toUTCString()
}

/**
 * An RSS 2.0 document of incidents and maintenance, each item with its updates, in the reader's
 * language (`<language>`) with times in text on the page's clock; its dates stay RFC 822.
 */
export function rssFeed(input: FeedInput): string {
  const { pageName, baseUrl, selfUrl, items, reader } = input
  const updated = items[0]?.updated_at ?? input.builtAt
  const entries = items.map(
    (item) => `    <item>
      <title>${escapeXml(entryTitle(item, reader))}</title>
      <link>${escapeXml(item.shortlink)}</link>
      <guid isPermaLink="true">${escapeXml(item.shortlink)}</guid>
      <pubDate>${rssDate(item.created_at)}</pubDate>
      <category>${item.impact === 'maintenance' ? 'maintenance' : 'incident'}</category>
      <description>${escapeXml(entryHtml(item, reader, input.postmortems?.[item.id]))}</description>
    </item>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(reader.t('feeds.title', { page: pageName }))}</title>
    <link>${escapeXml(`${baseUrl}/`)}</link>
    <description>${escapeXml(reader.t('feeds.description', { page: pageName }))}</description>
    <language>${reader.lang}</language>
    <lastBuildDate>${rssDate(updated)}</lastBuildDate>
    <generator>Candor</generator>
    <atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>
${entries.join('\n')}
  </channel>
</rss>
`
}
