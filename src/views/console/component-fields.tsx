import type { Component } from '../../domain/types'
import { COMPONENT_STATUSES } from '../../domain/types'
import { InputField, SelectField, TextAreaField, type FormState } from './fields'

export const COMPONENT_STATUS_OPTIONS = COMPONENT_STATUSES.map(
  (s) => [s, s[0]!.toUpperCase() + s.slice(1).replaceAll('_', ' ')] as const,
)

/** A component's status as words ("Partial outage"). */
export function componentStatusLabel(status: string): string {
  return COMPONENT_STATUS_OPTIONS.find(([value]) => value === status)?.[1] ?? status
}

/**
 * The fields of a component's form (create or edit): Name, Description, Group (an existing
 * group's name or a new one, made on first use), Status, Help link. A group has none of the
 * last three.
 */
export function ComponentFields(props: {
  idPrefix: string
  state: FormState
  groups: readonly Component[]
  isGroup: boolean
}) {
  const { idPrefix: p, state } = props
  return (
    <>
      <InputField idPrefix={p} name="name" label="Name" state={state} maxlength={200} required />
      <TextAreaField
        idPrefix={p}
        name="description"
        label="Description"
        state={state}
        rows={2}
        maxlength={2000}
        hint="Shown to customers beside the name. Optional."
      />
      {props.isGroup ? null : (
        <>
          <InputField
            idPrefix={p}
            name="group_name"
            label="Group"
            state={state}
            maxlength={200}
            list={`${p}-groups`}
            hint="An existing group's name, or a new one to create it. Empty: no group."
          />
          <datalist id={`${p}-groups`}>
            {props.groups.map((g) => (
              <option value={g.name} />
            ))}
          </datalist>
          <SelectField
            idPrefix={p}
            name="status"
            label="Status"
            state={state}
            options={COMPONENT_STATUS_OPTIONS}
            fallback="operational"
            hint="Outside an incident; a change is announced to subscribers."
          />
          <InputField
            idPrefix={p}
            name="help_url"
            label="Help link"
            type="url"
            state={state}
            maxlength={2000}
            hint="Shown beside the component while it is not operational (“What to do if … is down”). Optional."
          />
        </>
      )}
    </>
  )
}
