import type { Area, Component } from '../../domain/types'
import {
  CheckboxField,
  ChoiceChecks,
  InputField,
  SelectField,
  TextAreaField,
  type FormState,
} from './fields'

const REMIND_OPTIONS = [
  ['', 'No reminder'],
  ['15', '15 minutes before'],
  ['30', '30 minutes before'],
  ['60', '1 hour before'],
  ['120', '2 hours before'],
  ['1440', '1 day before'],
  ['exact', 'Another number of minutes…'],
] as const

/** The Schedule maintenance form's fields (names as `maintenance-form.ts` reads them). */
export function MaintenanceFields(props: {
  state: FormState
  fresh: boolean
  components: readonly Component[]
  areas: readonly Area[]
  timeZone: string
}) {
  const p = 'schedule'
  const { state } = props
  const pickable = props.components.filter((c) => !c.isGroup)
  return (
    <>
      <InputField idPrefix={p} name="name" label="Name" state={state} maxlength={300} required />
      <TextAreaField
        idPrefix={p}
        name="body"
        label="Message"
        state={state}
        rows={4}
        maxlength={20000}
        required
        hint="What customers read: what will be done and what they will notice."
      />
      <InputField
        idPrefix={p}
        name="scheduled_for"
        label={`Starts (${props.timeZone})`}
        type="datetime-local"
        state={state}
        required
      />
      <InputField
        idPrefix={p}
        name="scheduled_until"
        label={`Ends (${props.timeZone})`}
        type="datetime-local"
        state={state}
        required
      />
      {pickable.length ? (
        <ChoiceChecks
          idPrefix={p}
          name="component_ids"
          legend="Components"
          hint="These show “Under maintenance” while the work is in progress."
          state={state}
          options={pickable}
        />
      ) : null}
      {props.areas.length ? (
        <ChoiceChecks
          idPrefix={p}
          name="area_ids"
          legend="Areas"
          hint="Places or customer groups affected, if only some are."
          state={state}
          options={props.areas}
        />
      ) : null}
      <SelectField
        idPrefix={p}
        name="remind_before"
        label="Remind subscribers before"
        state={state}
        options={REMIND_OPTIONS}
        fallback="60"
      />
      <InputField
        idPrefix={p}
        name="remind_before_exact"
        label="Minutes before (for another number)"
        type="number"
        min={1}
        max={10080}
        state={state}
        hint="Only for “Another number of minutes…”."
      />
      <CheckboxField
        idPrefix={p}
        name="auto_start"
        label="Start automatically"
        hint="At the start time it goes in progress and its components under maintenance."
        state={state}
        fresh={props.fresh}
      />
      <CheckboxField
        idPrefix={p}
        name="auto_complete"
        label="Complete automatically"
        hint="At the end time it completes and its components come back."
        state={state}
        fresh={props.fresh}
      />
      <CheckboxField
        idPrefix={p}
        name="notify"
        label="Notify subscribers"
        state={state}
        fresh={props.fresh}
        checkedByDefault
      />
    </>
  )
}
