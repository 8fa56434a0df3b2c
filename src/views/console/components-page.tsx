import type { Area, Component } from '../../domain/types'
import { AreasSection, type AreaFormState } from './areas-section'
import { ComponentFields } from './component-fields'
import { ComponentsTable } from './components-table'
import { CsrfField, ErrorSummary, type FormState } from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'

/** Components, groups and areas: the list, ordering, and (for editors) the add forms. */
export function ComponentsPage(props: {
  frame: ConsoleFrame
  notice?: string
  components: readonly Component[]
  areas: readonly Area[]
  canWrite: boolean
  /** The add-a-component form as it came back, or a fresh one. */
  create: FormState
  refusedArea?: AreaFormState
}) {
  const csrf = props.canWrite ? props.frame.csrfToken : null
  const groups = props.components.filter((c) => c.isGroup)
  return (
    <ConsoleLayout
      {...props.frame}
      title="Components, groups and areas"
      current="components"
      notice={props.notice}
    >
      <section>
        <h2>Components</h2>
        <p>
          What customers see on the page, in this order. A group gathers components under one
          heading.
        </p>
        <ComponentsTable components={props.components} csrf={csrf} />
      </section>
      {csrf ? (
        <section id="new-component">
          <h2>Add a component</h2>
          <form method="post" action="/console/components">
            <CsrfField token={csrf} />
            <ErrorSummary state={props.create} idPrefix="new-component" />
            <ComponentFields
              idPrefix="new-component"
              state={props.create}
              groups={groups}
              isGroup={false}
            />
            <button type="submit">Add component</button>
          </form>
        </section>
      ) : null}
      <AreasSection areas={props.areas} csrf={csrf} refused={props.refusedArea} />
    </ConsoleLayout>
  )
}
