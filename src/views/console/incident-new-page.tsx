import type { Template } from '../../domain/templates'
import type { Area, Component } from '../../domain/types'
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  FieldGroup,
  InputField,
  SelectField,
  type FormState,
} from './fields'
import { IncidentFields } from './incident-fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'

const P = 'new-incident'

/** The template picker: a GET form of its own, so it works without JavaScript. */
function TemplatePicker(props: { templates: readonly Template[]; chosen: string }) {
  const incidentTemplates = props.templates.filter((t) => t.kind === 'incident')
  if (incidentTemplates.length === 0) {
    return (
      <p class="hint">
        No incident templates yet: <a href="/console/templates">make one</a> for the incidents you
        post often.
      </p>
    )
  }
  return (
    <form method="get" action="/console/incidents/new" class="template-picker">
      <SelectField
        idPrefix={P}
        name="template"
        label="Template"
        state={{ values: { template: props.chosen }, errors: {} }}
        options={[['', 'No template'], ...incidentTemplates.map((t) => [t.id, t.name] as const)]}
        hint="Fills every field below from the template; you can still change them."
      />
      <button type="submit" class="secondary">
        Use template
      </button>
    </form>
  )
}

/**
 * Opening an incident: a template to start from, then the incident's fields, draft and
 * advance-notice options, and Preview or Open. Placeholders ({{component}}, {{area}},
 * {{eta}}, {{next_update}}) in the name and message are filled when it is posted.
 */
export function NewIncidentPage(props: {
  frame: ConsoleFrame
  state: FormState
  fresh: boolean
  templates: readonly Template[]
  chosenTemplate: string
  components: readonly Component[]
  areas: readonly Area[]
  timeZone: string
  notice?: string
}) {
  const { state } = props
  return (
    <ConsoleLayout {...props.frame} title="New incident" current="incidents" notice={props.notice}>
      <TemplatePicker templates={props.templates} chosen={props.chosenTemplate} />
      <ErrorSummary state={state} idPrefix={P} />
      <form method="post" action="/console/incidents" class="incident-form" novalidate>
        <CsrfField token={props.frame.csrfToken} />
        <input type="hidden" name="template" value={props.chosenTemplate} />
        <InputField
          idPrefix={P}
          name="name"
          label="Name"
          state={state}
          maxlength={300}
          required
          hint="What customers see as the incident's title."
        />
        <IncidentFields
          idPrefix={P}
          state={state}
          fresh={props.fresh}
          mode="new"
          components={props.components}
          areas={props.areas}
          timeZone={props.timeZone}
        />
        <FieldGroup legend="Publishing">
          <CheckboxField
            idPrefix={P}
            name="draft"
            label="Post as draft"
            state={state}
            fresh={props.fresh}
            hint="Kept off the public page and from subscribers until you publish it."
          />
          <InputField
            idPrefix={P}
            name="expected_start"
            label={`Announce in advance: expected start (${props.timeZone})`}
            type="datetime-local"
            state={state}
            hint="For a fault you know is coming: customers are told now, components change then."
          />
        </FieldGroup>
        <p class="hint">
          Name and Message may use {'{{component}}'}, {'{{area}}'}, {'{{eta}}'} and{' '}
          {'{{next_update}}'}: they are filled from the fields above when you open it.
        </p>
        <div class="form-actions">
          <button type="submit" class="secondary" formaction="/console/incidents/preview">
            Preview
          </button>
          <button type="submit">Open incident</button>
        </div>
      </form>
    </ConsoleLayout>
  )
}
