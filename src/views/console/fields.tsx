import type { Child } from 'hono/jsx'

/**
 * The console's form fields. Each has a visible label, keeps what was typed when the form
 * comes back, and shows its own error beside it (`{id}-error`, which describes the input).
 * Errors are keyed by the field's name, as the routes' `fieldErrors()` makes them.
 */

/** What a form shows again after a refused post: the values typed and the error per field. */
export interface FormState {
  values: Record<string, string | string[] | undefined>
  errors: Record<string, string>
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} }

/** The value a form state holds for a field (the first, for a repeated one). */
export function valueOf(state: FormState, name: string, fallback = ''): string {
  const value = state.values[name]
  return (Array.isArray(value) ? value[0] : value) ?? fallback
}

/** Every value a form state holds for a repeated field (checkboxes, multi-selects). */
export function valuesOf(state: FormState, name: string): string[] {
  const value = state.values[name]
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

/** The form token of the session: every console form carries it. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="csrf" value={props.token} />
}

/** A list of the form's errors at its top, each linking to its field (read out at once). */
export function ErrorSummary(props: { state: FormState; idPrefix: string }) {
  const entries = Object.entries(props.state.errors)
  if (entries.length === 0) return null
  return (
    <div class="form-error" role="alert">
      <p>
        <strong>Not saved:</strong> {entries.length === 1 ? 'one field needs' : 'some fields need'}{' '}
        attention.
      </p>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#${props.idPrefix}-${name}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

/** A label, the control, its hint and its error, as one field. */
export function Field(props: {
  id: string
  label: string
  hint?: string
  error?: string
  children: Child
}) {
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
    </div>
  )
}

interface ControlProps {
  /** Prefix of the ids in this form, so one page can hold several forms. */
  idPrefix: string
  name: string
  label: string
  state: FormState
  hint?: string
  required?: boolean
  fallback?: string
}

function controlIds(props: ControlProps) {
  const id = `${props.idPrefix}-${props.name}`
  const error = props.state.errors[props.name]
  return { id, error, describedBy: describedBy(id, props.hint, error) }
}

/** A one-line input: text, email, url, number or datetime-local. */
export function InputField(
  props: ControlProps & {
    type?: 'text' | 'email' | 'url' | 'number' | 'datetime-local' | 'search'
    maxlength?: number
    min?: number
    max?: number
    placeholder?: string
    autocomplete?: string
    list?: string
  },
) {
  const { id, error, describedBy } = controlIds(props)
  return (
    <Field id={id} label={props.label} hint={props.hint} error={error}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={valueOf(props.state, props.name, props.fallback)}
        required={props.required}
        maxlength={props.maxlength}
        min={props.min}
        max={props.max}
        placeholder={props.placeholder}
        autocomplete={props.autocomplete}
        list={props.list}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </Field>
  )
}

/** A multi-line text field. */
export function TextAreaField(props: ControlProps & { rows?: number; maxlength?: number }) {
  const { id, error, describedBy } = controlIds(props)
  return (
    <Field id={id} label={props.label} hint={props.hint} error={error}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
        maxlength={props.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {valueOf(props.state, props.name, props.fallback)}
      </textarea>
    </Field>
  )
}

/** A drop-down of `[value, label]` options; the chosen one kept. */
export function SelectField(
  props: ControlProps & { options: readonly (readonly [string, string])[] },
) {
  const { id, error, describedBy } = controlIds(props)
  const chosen = valueOf(props.state, props.name, props.fallback)
  return (
    <Field id={id} label={props.label} hint={props.hint} error={error}>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === chosen}>
            {label}
          </option>
        ))}
      </select>
    </Field>
  )
}

/**
 * One checkbox with its label after it. `checkedByDefault` applies to a fresh form only; a
 * form that came back keeps what was ticked (an unticked box sends nothing).
 */
export function CheckboxField(
  props: Omit<ControlProps, 'required' | 'fallback'> & {
    value?: string
    checkedByDefault?: boolean
    fresh: boolean
  },
) {
  const { id, error, describedBy } = controlIds(props)
  const value = props.value ?? 'on'
  const checked = props.fresh
    ? (props.checkedByDefault ?? false)
    : valuesOf(props.state, props.name).includes(value)
  return (
    <div class={error ? 'field field-check field-invalid' : 'field field-check'}>
      <input
        id={id}
        type="checkbox"
        name={props.name}
        value={value}
        checked={checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  )
}

/** A group of related fields under a legend (a fieldset), e.g. each component's status. */
export function FieldGroup(props: { legend: string; hint?: string; children: Child }) {
  return (
    <fieldset class="field-group">
      <legend>{props.legend}</legend>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      {props.children}
    </fieldset>
  )
}

/** Checkboxes of one repeated field (`component_ids`, `area_ids`), ticks kept. */
export function ChoiceChecks(props: {
  idPrefix: string
  name: string
  legend: string
  hint?: string
  state: FormState
  options: readonly { id: string; name: string }[]
}) {
  const chosen = valuesOf(props.state, props.name)
  const error = props.state.errors[props.name]
  return (
    <FieldGroup legend={props.legend} hint={props.hint}>
      {props.options.map((option) => (
        <div class="field field-check">
          <input
            id={`${props.idPrefix}-${props.name}-${option.id}`}
            type="checkbox"
            name={props.name}
            value={option.id}
            checked={chosen.includes(option.id)}
          />
          <label for={`${props.idPrefix}-${props.name}-${option.id}`}>{option.name}</label>
        </div>
      ))}
      {error ? (
        <span class="field-error" id={`${props.idPrefix}-${props.name}`}>
          {error}
        </span>
      ) : null}
    </FieldGroup>
  )
}
