import { roleReaches } from '../../domain/members'
import type { Template } from '../../domain/templates'
import type { Area, Component } from '../../domain/types'
import {
  ChoiceChecks,
  CsrfField,
  ErrorSummary,
  InputField,
  SelectField,
  TextAreaField,
  type FormState,
} from './fields'
import { ComponentStatusSelects, IMPACT_OPTIONS, INCIDENT_STATUS_OPTIONS } from './incident-fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'

const KIND_OPTIONS = [
  ['incident', 'New incident'],
  ['update', 'Update to an incident'],
] as const

/** The fields of a template (names as the templates route reads them). */
function TemplateFields(props: {
  p: string
  state: FormState
  components: readonly Component[]
  areas: readonly Area[]
}) {
  const { p, state } = props
  const pickable = props.components.filter((c) => !c.isGroup)
  return (
    <>
      <SelectField idPrefix={p} name="kind" label="Kind" state={state} options={KIND_OPTIONS} />
      <InputField
        idPrefix={p}
        name="name"
        label="Template name"
        state={state}
        maxlength={100}
        required
        hint="What you pick it by, e.g. “Fibre cut”."
      />
      <InputField
        idPrefix={p}
        name="title"
        label="Title"
        state={state}
        maxlength={300}
        hint="The incident's name (new-incident templates only)."
      />
      <SelectField
        idPrefix={p}
        name="status"
        label="Status"
        state={state}
        options={INCIDENT_STATUS_OPTIONS}
      />
      <SelectField
        idPrefix={p}
        name="impact"
        label="Impact"
        state={state}
        options={[['', 'Not set'], ...IMPACT_OPTIONS]}
      />
      <TextAreaField
        idPrefix={p}
        name="body"
        label="Message"
        state={state}
        rows={5}
        maxlength={20000}
        required
      />
      <ComponentStatusSelects idPrefix={p} state={state} components={pickable} />
      {props.areas.length ? (
        <ChoiceChecks
          idPrefix={p}
          name="area_ids"
          legend="Areas"
          state={state}
          options={props.areas}
        />
      ) : null}
      <TextAreaField
        idPrefix={p}
        name="workaround"
        label="Workaround"
        state={state}
        rows={2}
        maxlength={5000}
      />
      <p class="hint">
        Title and Message may use {'{{component}}'}, {'{{area}}'}, {'{{eta}}'} and{' '}
        {'{{next_update}}'}, filled when the incident or update is posted. Any other {'{{…}}'} is
        refused.
      </p>
    </>
  )
}

/** The templates: a list for everyone, with editing, deleting and a new one for editors. */
export function TemplatesPage(props: {
  frame: ConsoleFrame
  templates: readonly Template[]
  state: FormState
  components: readonly Component[]
  areas: readonly Area[]
  notice?: string
}) {
  const editor = roleReaches(props.frame.member.role, 'editor')
  return (
    <ConsoleLayout {...props.frame} title="Templates" current="templates" notice={props.notice}>
      {props.templates.length === 0 ? (
        <p>No templates yet.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                {editor ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {props.templates.map((t) => (
                <tr>
                  <td>{t.name}</td>
                  <td>{t.kind === 'incident' ? 'New incident' : 'Update'}</td>
                  <td>{t.title ?? '—'}</td>
                  <td>{t.status}</td>
                  {editor ? (
                    <td>
                      <a href={`/console/templates/${encodeURIComponent(t.id)}`}>
                        Edit<span class="visually-hidden"> {t.name}</span>
                      </a>{' '}
                      <form
                        method="post"
                        action={`/console/templates/${encodeURIComponent(t.id)}/delete`}
                        class="inline-form"
                      >
                        <CsrfField token={props.frame.csrfToken} />
                        <button type="submit" class="danger">
                          Delete<span class="visually-hidden"> {t.name}</span>
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editor ? (
        <>
          <h2 id="new-template">New template</h2>
          <ErrorSummary state={props.state} idPrefix="template" />
          <form method="post" action="/console/templates" novalidate>
            <CsrfField token={props.frame.csrfToken} />
            <TemplateFields
              p="template"
              state={props.state}
              components={props.components}
              areas={props.areas}
            />
            <button type="submit">Save template</button>
          </form>
        </>
      ) : null}
    </ConsoleLayout>
  )
}

/** One template's form, to change it. */
export function TemplateEditPage(props: {
  frame: ConsoleFrame
  template: Template
  state: FormState
  components: readonly Component[]
  areas: readonly Area[]
}) {
  const id = encodeURIComponent(props.template.id)
  return (
    <ConsoleLayout {...props.frame} title={`Template: ${props.template.name}`} current="templates">
      <p>
        <a href="/console/templates">All templates</a>
      </p>
      <ErrorSummary state={props.state} idPrefix="template" />
      <form method="post" action={`/console/templates/${id}`} novalidate>
        <CsrfField token={props.frame.csrfToken} />
        <TemplateFields
          p="template"
          state={props.state}
          components={props.components}
          areas={props.areas}
        />
        <button type="submit">Save changes</button>
      </form>
    </ConsoleLayout>
  )
}
