import type { PresentedIncident } from '../../domain/presented-incident'
import type { Area, Component, Incident } from '../../domain/types'
import { IncidentCard } from '../incident-card'
import { CsrfField, ErrorSummary, type FormState } from './fields'
import { IncidentFields } from './incident-fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'

/** What a change would send, rendered by the code that sends it. */
export interface PreviewContent {
  /** The incident as the public page would show it. */
  card: PresentedIncident
  email: { subject: string; text: string }
  chat: { text: string; payload: string }
  /** Subscribers the fan-out would deliver to; null when nobody is told. */
  reached: number | null
  /** Why nobody is told, when so. */
  silentBecause?: string
}

/** Every field of a form, hidden, so the preview's buttons post it on unchanged. */
export function HiddenFields(props: { state: FormState }) {
  return (
    <>
      {Object.entries(props.state.values).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => (
          <input type="hidden" name={name} value={v} />
        )),
      )}
    </>
  )
}

function subscriberWords(n: number): string {
  return n === 1 ? '1 subscriber' : `${n} subscribers`
}

/**
 * The preview of a new incident or an update: the public card, the email and the chat message
 * as they would go out, and how many subscribers would be told; then Publish and Back to edit,
 * which post the same fields on. Nothing is written until Publish.
 */
export function PreviewPage(props: {
  frame: ConsoleFrame
  title: string
  content: PreviewContent
  state: FormState
  publishUrl: string
  publishLabel: string
  backUrl: string
}) {
  const { content } = props
  return (
    <ConsoleLayout {...props.frame} title={props.title} current="incidents">
      <p class="console-notice" role="status">
        Nothing is published yet.{' '}
        {content.reached === null ? (
          <>Nobody will be told: {content.silentBecause}.</>
        ) : (
          <>
            Publishing tells{' '}
            <strong class="preview-reach">{subscriberWords(content.reached)}</strong> (by the
            components and areas they follow).
          </>
        )}
      </p>
      <section aria-labelledby="preview-card" class="preview-section">
        <h2 id="preview-card">On the status page</h2>
        <IncidentCard incident={content.card} />
      </section>
      <section aria-labelledby="preview-email" class="preview-section">
        <h2 id="preview-email">Email</h2>
        <dl class="facts">
          <dt>Subject</dt>
          <dd class="preview-subject">{content.email.subject}</dd>
        </dl>
        <pre class="preview-text">{content.email.text}</pre>
      </section>
      <section aria-labelledby="preview-chat" class="preview-section">
        <h2 id="preview-chat">Chat (Slack, Discord, Teams)</h2>
        <p class="preview-chat-text">{content.chat.text}</p>
        <details>
          <summary>The Slack message as sent</summary>
          <pre class="preview-text">{content.chat.payload}</pre>
        </details>
      </section>
      <form method="post" action={props.publishUrl} class="preview-actions">
        <CsrfField token={props.frame.csrfToken} />
        <HiddenFields state={props.state} />
        <button type="submit">{props.publishLabel}</button>{' '}
        <button type="submit" class="secondary" formaction={props.backUrl}>
          Back to edit
        </button>
      </form>
    </ConsoleLayout>
  )
}

/**
 * An update's form on its own, for coming back from its preview with what was typed (or with
 * the errors that kept it from being previewed).
 */
export function UpdateEditPage(props: {
  frame: ConsoleFrame
  incident: Incident
  state: FormState
  components: readonly Component[]
  areas: readonly Area[]
  timeZone: string
  publishUrl: string
}) {
  const id = encodeURIComponent(props.incident.id)
  return (
    <ConsoleLayout {...props.frame} title={`Update: ${props.incident.name}`} current="incidents">
      <p>
        <a href={`/console/incidents/${id}`}>Back to the incident</a>
      </p>
      <ErrorSummary state={props.state} idPrefix="update" />
      <form method="post" action={props.publishUrl} novalidate>
        <CsrfField token={props.frame.csrfToken} />
        <IncidentFields
          idPrefix="update"
          state={props.state}
          fresh={false}
          mode="update"
          components={props.components}
          areas={props.areas}
          timeZone={props.timeZone}
        />
        <div class="form-actions">
          <button type="submit" class="secondary" formaction={`/console/incidents/${id}/preview`}>
            Preview
          </button>{' '}
          <button type="submit">Post update</button>
        </div>
      </form>
    </ConsoleLayout>
  )
}
