import type { PublishedPostmortem } from '../domain/postmortems'
import { useReader } from '../i18n/reader-context'
import { Time } from './time'

/**
 * A published postmortem on the incident page. Its HTML comes from `renderMarkdown`: markdown
 * with raw HTML escaped, then filtered to an allow-list of tags, so it is placed as it is.
 */
export function PostmortemView(props: { postmortem: PublishedPostmortem }) {
  const reader = useReader()
  const p = props.postmortem
  return (
    <section aria-labelledby="postmortem-title" class="postmortem">
      <h2 id="postmortem-title">{reader.t('incident.postmortem')}</h2>
      <p class="meta">
        {reader.rich('incident.published', { time: <Time iso={p.publishedAt} /> })}
      </p>
      <div class="postmortem-body" dir="auto" dangerouslySetInnerHTML={{ __html: p.html }} />
    </section>
  )
}
