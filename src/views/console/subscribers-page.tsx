import type { Subscriber } from '../../domain/subscriber-types'
import { Time } from '../time'
import { CsrfField, ErrorSummary, Field, InputField, SelectField, type FormState } from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'

/** The states a subscriber can be in, as the filter offers them. */
export const STATE_OPTIONS = [
  ['', 'Any state'],
  ['pending', 'Pending (not confirmed yet)'],
  ['active', 'Confirmed'],
  ['unsubscribed', 'Unsubscribed'],
  ['quarantined', 'Quarantined (deliveries kept failing)'],
] as const

const STATE_WORDS: Record<string, string> = {
  pending: 'pending',
  pending_verification: 'pending verification',
  active: 'confirmed',
  unsubscribed: 'unsubscribed',
  disabled: 'quarantined',
}

/** What the list is narrowed to (kept in every link and the export). */
export interface SubscriberQuery {
  q: string
  status: string
}

/** The query string of a list (or export) with this search, filter and page. */
export function subscriberQueryString(query: SubscriberQuery, cursor?: string | null): string {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  if (query.status) params.set('status', query.status)
  if (cursor) params.set('cursor', cursor)
  const text = params.toString()
  return text ? `?${text}` : ''
}

function follows(s: Subscriber): string {
  if (s.everything) return 'everything'
  const parts = []
  if (s.componentIds.length) parts.push(`${s.componentIds.length} component(s)`)
  if (s.areaIds.length) parts.push(`${s.areaIds.length} area(s)`)
  if (s.incidentIds.length) parts.push(`${s.incidentIds.length} incident(s)`)
  return parts.join(', ')
}

function RowActions(props: { s: Subscriber; csrf: string; back: string }) {
  const { s } = props
  return (
    <>
      {s.status === 'pending' ? (
        <form
          method="post"
          action={`/console/subscribers/${encodeURIComponent(s.id)}/resend`}
          class="inline-form"
        >
          <CsrfField token={props.csrf} />
          <input type="hidden" name="back" value={props.back} />
          <button type="submit" class="secondary">
            Resend confirmation<span class="visually-hidden"> to {s.email}</span>
          </button>
        </form>
      ) : null}{' '}
      {s.status === 'disabled' ? (
        <form
          method="post"
          action={`/console/subscribers/${encodeURIComponent(s.id)}/reactivate`}
          class="inline-form"
        >
          <CsrfField token={props.csrf} />
          <input type="hidden" name="back" value={props.back} />
          <button type="submit" class="secondary">
            Reactivate<span class="visually-hidden"> {s.email}</span>
          </button>
        </form>
      ) : null}{' '}
      {s.status !== 'unsubscribed' ? (
        <form
          method="post"
          action={`/console/subscribers/${encodeURIComponent(s.id)}/unsubscribe`}
          class="inline-form"
        >
          <CsrfField token={props.csrf} />
          <input type="hidden" name="back" value={props.back} />
          <button type="submit" class="danger">
            Unsubscribe<span class="visually-hidden"> {s.email}</span>
          </button>
        </form>
      ) : null}
    </>
  )
}

/** The import form: a CSV file and whether every address already agreed. */
export function ImportForm(props: { csrf: string; state: FormState }) {
  const error = props.state.errors.file
  return (
    <form
      method="post"
      action="/console/subscribers/import"
      enctype="multipart/form-data"
      class="subscriber-import"
    >
      <CsrfField token={props.csrf} />
      <ErrorSummary state={props.state} idPrefix="import" />
      <Field
        id="import-file"
        label="CSV file"
        hint="First line: the column names, including email (optionally components and areas: ids or names, several separated by ;). At most 64 KB."
        error={error}
      >
        <input
          id="import-file"
          type="file"
          name="file"
          accept=".csv,text/csv"
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'import-file-error import-file-hint' : 'import-file-hint'}
        />
      </Field>
      <div class="field field-check">
        <input
          id="import-consented"
          type="checkbox"
          name="consented"
          value="true"
          checked={props.state.values.consented === 'true'}
          aria-describedby="import-consented-hint"
        />
        <label for="import-consented">Every address agreed to be subscribed</label>
        <span class="hint" id="import-consented-hint">
          Ticked: they are confirmed at once. Not ticked: each gets a confirmation email and stays
          pending until it confirms (48 hours).
        </span>
      </div>
      <button type="submit">Import</button>
    </form>
  )
}

/** Subscribers: search and filter, a page at a time; import and export CSV; per-row actions. */
export function SubscribersPage(props: {
  frame: ConsoleFrame
  query: SubscriberQuery
  subscribers: Subscriber[]
  nextCursor: string | null
  paged: boolean
  notice?: string
  error?: string
  importForm?: FormState
}) {
  const { frame, query } = props
  const search: FormState = { values: { q: query.q, status: query.status }, errors: {} }
  const back = `/console/subscribers${subscriberQueryString(query)}`
  return (
    <ConsoleLayout {...frame} title="Subscribers" current="subscribers" notice={props.notice}>
      {props.error ? (
        <p class="form-error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="get" action="/console/subscribers" class="subscriber-search" role="search">
        <InputField
          idPrefix="search"
          name="q"
          label="Address contains"
          type="search"
          maxlength={254}
          state={search}
        />
        <SelectField
          idPrefix="search"
          name="status"
          label="State"
          options={STATE_OPTIONS}
          state={search}
        />
        <button type="submit">Search</button>{' '}
        <a href={`/console/subscribers/export.csv${subscriberQueryString(query)}`}>
          Export these as CSV
        </a>
      </form>
      <h2>{query.q || query.status ? 'Matching email subscribers' : 'Email subscribers'}</h2>
      {props.subscribers.length === 0 ? (
        <p>No subscriber matches.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">State</th>
                <th scope="col">Follows</th>
                <th scope="col">Since</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {props.subscribers.map((s) => (
                <tr>
                  <td>{s.email}</td>
                  <td>
                    {STATE_WORDS[s.status] ?? s.status}
                    {s.status === 'disabled' && s.disabledReason ? (
                      <span class="hint"> ({s.disabledReason})</span>
                    ) : null}
                  </td>
                  <td>{follows(s)}</td>
                  <td>
                    <Time iso={s.createdAt} />
                  </td>
                  <td>
                    <RowActions s={s} csrf={frame.csrfToken} back={back} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="pager">
        {props.paged ? <a href={back}>First page</a> : null}{' '}
        {props.nextCursor ? (
          <a href={`/console/subscribers${subscriberQueryString(query, props.nextCursor)}`}>
            Next page
          </a>
        ) : null}
      </p>
      <h2>Import from CSV</h2>
      <ImportForm csrf={frame.csrfToken} state={props.importForm ?? { values: {}, errors: {} }} />
    </ConsoleLayout>
  )
}
