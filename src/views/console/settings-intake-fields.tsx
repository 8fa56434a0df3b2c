import { COMPONENT_STATUS_OPTIONS } from './component-fields'
import {
  CheckboxField,
  FieldGroup,
  InputField,
  SelectField,
  valueOf,
  type FormState,
} from './fields'
import { IMPACT_OPTIONS } from './incident-fields'

const P = 'intake'

/** One severity of the table: what it means for the incident's impact and its components. */
function SeverityRow(props: {
  state: FormState
  prefix: string
  legend: string
  removable: boolean
}) {
  const { state, prefix } = props
  return (
    <FieldGroup legend={props.legend}>
      {props.removable ? (
        <input type="hidden" name={`${prefix}.name`} value={valueOf(state, `${prefix}.name`)} />
      ) : (
        <InputField
          idPrefix={P}
          name={`${prefix}.name`}
          label="Severity"
          state={state}
          maxlength={100}
          hint="The label's value, e.g. “page”. Leave empty to add none."
        />
      )}
      <SelectField
        idPrefix={P}
        name={`${prefix}.impact`}
        label="Impact"
        state={state}
        options={IMPACT_OPTIONS}
      />
      <SelectField
        idPrefix={P}
        name={`${prefix}.component_status`}
        label="Component status"
        state={state}
        options={COMPONENT_STATUS_OPTIONS}
      />
      {props.removable ? (
        <CheckboxField
          idPrefix={P}
          name={`${prefix}.remove`}
          label="Remove this severity"
          state={state}
          fresh={false}
        />
      ) : null}
    </FieldGroup>
  )
}

/** The intake mapping's fields (names as `settings-form.ts` reads them). */
export function IntakeFields(props: {
  state: FormState
  severities: readonly { index: number; name: string }[]
}) {
  const { state } = props
  return (
    <>
      <InputField
        idPrefix={P}
        name="component_label"
        label="Component label"
        state={state}
        maxlength={100}
        hint="The alert label naming the affected component (by name)."
      />
      <InputField
        idPrefix={P}
        name="area_label"
        label="Area label"
        state={state}
        maxlength={100}
        hint="The alert label naming the affected area."
      />
      <InputField
        idPrefix={P}
        name="severity_label"
        label="Severity label"
        state={state}
        maxlength={100}
        hint="The alert label giving its severity, looked up in the table below."
      />
      {props.severities.map(({ index, name }) => (
        <SeverityRow
          state={state}
          prefix={`severity.${index}`}
          legend={`Severity “${name}”`}
          removable
        />
      ))}
      <SeverityRow state={state} prefix="new_severity" legend="Add a severity" removable={false} />
      <SelectField
        idPrefix={P}
        name="default_severity"
        label="Default severity"
        state={state}
        options={props.severities.map(({ name }) => [name, name] as const)}
        hint="Assumed when an alert has no severity, or one not in the table."
      />
      <CheckboxField
        idPrefix={P}
        name="open_as_draft"
        label="Open incidents as drafts"
        hint="New incidents from alerts wait, unseen, for one-click publishing."
        state={state}
        fresh={false}
      />
      <CheckboxField
        idPrefix={P}
        name="resolve_when_resolved"
        label="Resolve when the alerts resolve"
        hint="Otherwise an incident whose alerts all resolved waits for a person."
        state={state}
        fresh={false}
      />
      <InputField
        idPrefix={P}
        name="notify_interval_minutes"
        label="Notify at most every (minutes)"
        type="number"
        min={0}
        max={1440}
        state={state}
        hint="At most one alert-driven notification per incident in this many minutes."
      />
    </>
  )
}
