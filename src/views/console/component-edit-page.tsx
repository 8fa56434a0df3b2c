import type { Component } from '../../domain/types'
import { ComponentFields } from './component-fields'
import { CsrfField, ErrorSummary, type FormState } from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'

/** One component or group: rename, describe, regroup, set its status, or delete it. */
export function ComponentEditPage(props: {
  frame: ConsoleFrame
  component: Component
  groups: readonly Component[]
  state: FormState
  /** Why a delete was refused (an unresolved incident involves it). */
  deleteRefused?: string
}) {
  const c = props.component
  return (
    <ConsoleLayout {...props.frame} title={c.name} current="components">
      <p>
        <a href="/console/components">All components</a>
      </p>
      <form method="post" action={`/console/components/${c.id}`}>
        <CsrfField token={props.frame.csrfToken} />
        <ErrorSummary state={props.state} idPrefix="component" />
        <ComponentFields
          idPrefix="component"
          state={props.state}
          groups={props.groups.filter((g) => g.id !== c.id)}
          isGroup={c.isGroup}
        />
        <button type="submit">Save</button>
      </form>
      <section>
        <h2>{c.isGroup ? 'Delete this group' : 'Delete this component'}</h2>
        {c.isGroup ? <p>Its components stay, outside any group.</p> : null}
        {props.deleteRefused ? (
          <p class="form-error" role="alert" id="delete-error">
            <strong>Not deleted:</strong> {props.deleteRefused}
          </p>
        ) : null}
        <form method="post" action={`/console/components/${c.id}/delete`}>
          <CsrfField token={props.frame.csrfToken} />
          <button type="submit" class="danger">
            Delete {c.name}
          </button>
        </form>
      </section>
    </ConsoleLayout>
  )
}
