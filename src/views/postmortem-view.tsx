import type { PublishedPostmortem } from '../domain/postmortems'
import { Time } from './time'

/**
 * A published postmortem on the incident page. Its HTML comes from `renderMarkdown`: markdown
 * with raw HTML escaped, then filtered to an allow-list of tags, so it is placed as it is.
 */
export function PostmortemView(props: { postmortem: PublishedPostmortem }) {
  const p = props.postmortem
  return (
    <section aria-labelledby="postmortem-title" class="postmortem">
      <h2 id="postmortem-title">Postmortem</h2>
      <p class="meta">
        Published <Time iso={p.publishedAt} />
      </p>
      <div class="postmortem-body" dangerouslySetInnerHTML={{ __html: p.html }} />
    </section>
  )
}
