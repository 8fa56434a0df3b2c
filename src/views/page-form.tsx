import type { Child } from 'hono/jsx'
import { Layout } from './layout'

/** The pieces every small public page is built of: its frame, its forms and their errors. */

/** A short page: a heading and a few paragraphs, in the site's frame (`title` before the name). */
export function NoticePage(props: {
  pageName: string
  heading: string
  title?: string
  children?: Child
}) {
  return (
    <Layout pageName={props.pageName} title={`${props.title ?? props.heading} · ${props.pageName}`}>
      <h1>{props.heading}</h1>
      {props.children}
    </Layout>
  )
}

/** A form that is one button: POSTs to the page itself, with any hidden fields it carries. */
export function PostButton(props: { label: Child; hidden?: Record<string, string> }) {
  return (
    <form method="post">
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit">{props.label}</button>
    </form>
  )
}

/** A form's submit button on a line of its own. */
export function SubmitRow(props: { label: string }) {
  return (
    <p>
      <button type="submit">{props.label}</button>
    </p>
  )
}

/** Why a form came back, read out at once (`role="alert"`): "Not sent: …"; nothing without one. */
export function FormError(props: { id?: string; lead: string; message: string | undefined }) {
  return props.message ? (
    <div class="form-error" role="alert" id={props.id}>
      <p>
        <strong>{props.lead}</strong> {props.message}
      </p>
    </div>
  ) : null
}

/**
 * A labelled text input, keeping what the reader typed; its hint (`{id}-hint`) and, when the
 * form came back with an error, the error's element (`errorId`) describe it.
 */
export function TextField(props: {
  id: string
  label: string
  type: 'email' | 'url'
  name: string
  maxlength: number
  value: string
  placeholder?: string
  autocomplete?: string
  hint?: string
  errorId?: string
}) {
  const hintId = `${props.id}-hint`
  return (
    <p class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type}
        name={props.name}
        required
        maxlength={props.maxlength}
        placeholder={props.placeholder}
        autocomplete={props.autocomplete}
        value={props.value}
        aria-describedby={
          props.hint ? (props.errorId ? `${props.errorId} ${hintId}` : hintId) : undefined
        }
        aria-invalid={props.hint && props.errorId ? 'true' : undefined}
      />
      {props.hint ? (
        <span class="hint" id={hintId}>
          {props.hint}
        </span>
      ) : null}
    </p>
  )
}
