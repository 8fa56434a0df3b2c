import type { Postmortem } from '../../domain/postmortems'
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  TextAreaField,
  valueOf,
  type FormState,
} from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'

/** The sentences a finished postmortem action leaves on the incident's page. */
export const POSTMORTEM_NOTICES: Record<string, string> = {
  'postmortem-saved': 'Postmortem draft saved. Readers see it only once it is published.',
  'postmortem-published': 'Postmortem published: it is on the incident page and in the feeds.',
  'postmortem-notified':
    'Postmortem published: it is on the incident page and in the feeds, and subscribers are being told.',
  'postmortem-reverted': 'Postmortem taken off the page: it is a draft again.',
  'postmortem-deleted': 'Postmortem deleted.',
}

const PREFIX = 'postmortem'

function StateLine(props: { postmortem: Postmortem | null }) {
  const p = props.postmortem
  if (!p) return <p>No postmortem yet.</p>
  if (p.state === 'published') {
    const changed = p.body !== p.bodyDraft
    return (
      <p>
        <strong>Published</strong> {p.publishedAt} by {p.updatedBy}
        {p.notifySubscribers ? ', subscribers told' : ''}.
        {changed ? ' The draft below has changes not published yet.' : ''}
      </p>
    )
  }
  return (
    <p>
      <strong>Draft</strong>, last saved {p.bodyDraftUpdatedAt} by {p.updatedBy}. Readers do not see
      it.
    </p>
  )
}

/** A one-button form for Revert or Delete. */
function ActionButton(props: {
  incidentId: string
  action: 'revert' | 'delete'
  csrfToken: string
  label: string
}) {
  return (
    <form
      method="post"
      action={`/console/incidents/${props.incidentId}/postmortem/${props.action}`}
      class="inline-form"
    >
      <CsrfField token={props.csrfToken} />
      <button type="submit" class={props.action === 'delete' ? 'danger' : 'secondary'}>
        {props.label}
      </button>
    </form>
  )
}

/**
 * The postmortem of a resolved incident: its state, and for editors the markdown draft with
 * Save draft and Preview, Publish (optionally telling subscribers), Revert to draft and Delete.
 * Viewers see the state and the draft as it renders.
 */
export function PostmortemSection(props: {
  incidentId: string
  postmortem: Postmortem | null
  editor: boolean
  csrfToken: string
  /** The draft form as typed (after a refused save or a preview); fresh from the draft if absent. */
  form?: FormState
  /** The draft rendered and sanitised, for Preview (and for viewers). */
  previewHtml?: string | null
}) {
  const { incidentId, postmortem: p, csrfToken } = props
  const form = props.form ?? { values: { body: p?.bodyDraft ?? '' }, errors: {} }
  return (
    <section aria-labelledby="postmortem-title" id="postmortem" class="postmortem-section">
      <h2 id="postmortem-title">Postmortem</h2>
      <StateLine postmortem={p} />
      {props.editor ? (
        <>
          <form method="post" action={`/console/incidents/${incidentId}/postmortem`}>
            <CsrfField token={csrfToken} />
            <ErrorSummary state={form} idPrefix={PREFIX} />
            <TextAreaField
              idPrefix={PREFIX}
              name="body"
              label="Postmortem (markdown)"
              hint="What happened, why, and what changes. Markdown: headings, lists, links, code. HTML is shown as text."
              state={form}
              rows={14}
              required
            />
            <div class="postmortem-buttons">
              <button type="submit" name="intent" value="save">
                Save draft
              </button>
              <button type="submit" name="intent" value="preview" class="secondary">
                Preview
              </button>
            </div>
          </form>
          {p ? (
            <form
              method="post"
              action={`/console/incidents/${incidentId}/postmortem/publish`}
              class="postmortem-publish"
            >
              <CsrfField token={csrfToken} />
              <CheckboxField
                idPrefix={`${PREFIX}-publish`}
                name="notify_subscribers"
                label="Notify subscribers"
                hint="Emails and webhooks to everyone following this incident."
                state={{ values: {}, errors: {} }}
                fresh
              />
              <button type="submit">
                {p.state === 'published' ? 'Publish the draft again' : 'Publish'}
              </button>
            </form>
          ) : null}
          {p ? (
            <div class="postmortem-buttons">
              {p.state === 'published' ? (
                <ActionButton
                  incidentId={incidentId}
                  action="revert"
                  csrfToken={csrfToken}
                  label="Revert to draft"
                />
              ) : null}
              <ActionButton
                incidentId={incidentId}
                action="delete"
                csrfToken={csrfToken}
                label="Delete postmortem"
              />
            </div>
          ) : null}
        </>
      ) : null}
      {props.previewHtml ? (
        <section aria-labelledby="postmortem-preview-title" class="postmortem-preview">
          <h3 id="postmortem-preview-title">
            {props.editor ? 'Preview' : 'Draft'}
            {props.editor && valueOf(form, 'body') !== (p?.bodyDraft ?? '') ? ' (not saved)' : ''}
          </h3>
          <div class="postmortem-body" dangerouslySetInnerHTML={{ __html: props.previewHtml }} />
        </section>
      ) : null}
    </section>
  )
}

/** The postmortem on a page of its own: a preview, or a draft that could not be saved. */
export function PostmortemPage(props: {
  frame: ConsoleFrame
  incident: { id: string; name: string }
  postmortem: Postmortem | null
  form?: FormState
  previewHtml?: string | null
  notice?: string
}) {
  const { frame, incident } = props
  return (
    <ConsoleLayout
      {...frame}
      title={`Postmortem: ${incident.name}`}
      current="incidents"
      notice={props.notice}
    >
      <p>
        <a href={`/console/incidents/${incident.id}`}>Back to the incident</a>
      </p>
      <PostmortemSection
        incidentId={incident.id}
        postmortem={props.postmortem}
        editor
        csrfToken={frame.csrfToken}
        form={props.form}
        previewHtml={props.previewHtml}
      />
    </ConsoleLayout>
  )
}
