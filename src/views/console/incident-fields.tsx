import type { Area, Component } from '../../domain/types'
import { COMPONENT_STATUSES, IMPACTS } from '../../domain/types'
import {
  CheckboxField,
  ChoiceChecks,
  FieldGroup,
  InputField,
  SelectField,
  TextAreaField,
  valueOf,
  type FormState,
} from './fields'

/**
 * The fields of the new-incident and post-an-update forms (names as `incident-form.ts` reads
 * them): status, impact, message, components with their statuses, areas, ETA and Next update
 * with quick picks, progress, workaround, notify.
 */

export const INCIDENT_STATUS_OPTIONS = [
  ['investigating', 'Investigating'],
  ['identified', 'Identified'],
  ['monitoring', 'Monitoring'],
  ['resolved', 'Resolved'],
] as const

export const COMPONENT_STATUS_LABELS: Record<(typeof COMPONENT_STATUSES)[number], string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  under_maintenance: 'Under maintenance',
}

export const IMPACT_OPTIONS = IMPACTS.map((i) => [i, i[0]!.toUpperCase() + i.slice(1)] as const)

/**
 * The quick picks, in order; `keep` only where a value exists to keep. An update's Next update
 * starts at "Choose…" (value ""), which the form refuses, so the member decides.
 */
function pickOptions(kind: 'eta' | 'next', mode: 'new' | 'update', timeZone: string) {
  const first: [string, string][] =
    kind === 'eta'
      ? mode === 'update'
        ? [
            ['keep', 'Keep the current ETA'],
            ['none', 'No estimate yet'],
          ]
        : [['none', 'No estimate yet']]
      : mode === 'update'
        ? // An update makes the member decide the next promise: nothing is chosen for them.
          [['', 'Choose…']]
        : []
  const spans: [string, string][] = [
    ['30m', 'In 30 minutes'],
    ['1h', 'In 1 hour'],
    ['4h', 'In 4 hours'],
    ['tomorrow_9', `Tomorrow 09:00 (${timeZone})`],
    ['exact', 'At an exact time…'],
  ]
  const last: [string, string][] = kind === 'next' ? [['none', 'No further updates promised']] : []
  return [...first, ...spans, ...last]
}

export function IncidentFields(props: {
  idPrefix: string
  state: FormState
  /** A fresh form (not one that came back): checkboxes take their defaults. */
  fresh: boolean
  mode: 'new' | 'update'
  components: readonly Component[]
  areas: readonly Area[]
  timeZone: string
}) {
  const { idPrefix: p, state } = props
  const pickable = props.components.filter((c) => !c.isGroup)
  return (
    <>
      <SelectField
        idPrefix={p}
        name="status"
        label="Status"
        state={state}
        options={INCIDENT_STATUS_OPTIONS}
        required
      />
      {props.mode === 'new' ? (
        <SelectField
          idPrefix={p}
          name="impact"
          label="Impact"
          state={state}
          options={IMPACT_OPTIONS}
          fallback="minor"
          required
        />
      ) : null}
      <TextAreaField
        idPrefix={p}
        name="body"
        label="Message"
        state={state}
        rows={5}
        maxlength={20000}
        required
        hint="What customers read: what is wrong, who is affected, what you are doing."
      />
      <ComponentStatusSelects
        idPrefix={p}
        state={state}
        components={pickable}
        hint="Only the components this affects; leave the rest."
      />
      {props.areas.length ? (
        <ChoiceChecks
          idPrefix={p}
          name="area_ids"
          legend="Areas"
          hint={
            props.mode === 'update'
              ? 'Places or customer groups affected, if only some are. An update adds areas; unticking one does not remove it.'
              : 'Places or customer groups affected, if only some are.'
          }
          state={state}
          options={props.areas}
        />
      ) : null}
      <SelectField
        idPrefix={p}
        name="eta"
        label="ETA"
        state={state}
        options={pickOptions('eta', props.mode, props.timeZone)}
        fallback={props.mode === 'update' ? 'keep' : 'none'}
        hint="When you expect it fixed. Every change is kept and shown."
      />
      <InputField
        idPrefix={p}
        name="eta_exact"
        label={`Exact ETA (${props.timeZone})`}
        type="datetime-local"
        state={state}
        hint="Only for “At an exact time…”."
      />
      <SelectField
        idPrefix={p}
        name="next_update_at"
        label="Next update"
        state={state}
        options={pickOptions('next', props.mode, props.timeZone)}
        fallback={props.mode === 'update' ? '' : '30m'}
        required
        hint="When customers will hear from you again. You will be reminded if it passes."
      />
      <InputField
        idPrefix={p}
        name="next_update_at_exact"
        label={`Exact next update (${props.timeZone})`}
        type="datetime-local"
        state={state}
        hint="Only for “At an exact time…”."
      />
      <InputField
        idPrefix={p}
        name="progress"
        label="Progress"
        type="number"
        min={0}
        max={100}
        state={state}
        hint="Per cent done, if you can say."
      />
      <TextAreaField
        idPrefix={p}
        name="workaround"
        label="Workaround"
        state={state}
        rows={2}
        maxlength={5000}
        hint="What customers can do meanwhile, if anything."
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

/**
 * One select per component (`component.<id>`): the status this puts it in, or "Not affected".
 * Nothing when there are no components.
 */
export function ComponentStatusSelects(props: {
  idPrefix: string
  state: FormState
  components: readonly Component[]
  hint?: string
}) {
  if (!props.components.length) return null
  return (
    <FieldGroup legend="Components" hint={props.hint}>
      {props.components.map((component) => (
        <SelectField
          idPrefix={props.idPrefix}
          name={`component.${component.id}`}
          label={component.name}
          state={props.state}
          options={[
            ['', 'Not affected'],
            ...COMPONENT_STATUSES.map((s) => [s, COMPONENT_STATUS_LABELS[s]] as const),
          ]}
        />
      ))}
    </FieldGroup>
  )
}
