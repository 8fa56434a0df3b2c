import type { Area } from '../../domain/types'
import { CsrfField, EMPTY_FORM, InputField, type FormState } from './fields'

/** A refused area form: the new-area form, or one area's rename or delete. */
export type AreaFormState = { target: 'new' | string; state: FormState }

/** The areas, each renamable and deletable by editors, and a form to add one. */
export function AreasSection(props: {
  areas: readonly Area[]
  csrf: string | null
  refused?: AreaFormState
}) {
  const stateFor = (target: string): FormState =>
    props.refused?.target === target ? props.refused.state : EMPTY_FORM
  const csrf = props.csrf
  return (
    <section id="areas">
      <h2>Areas</h2>
      <p>Places or customer groups (a region, a site) an incident can be limited to.</p>
      {props.areas.length === 0 ? <p>No areas yet.</p> : null}
      <ul class="areas-list">
        {props.areas.map((area) => (
          <li>
            {csrf ? (
              <>
                <form
                  method="post"
                  action={`/console/components/areas/${area.id}`}
                  class="area-rename"
                >
                  <CsrfField token={csrf} />
                  <InputField
                    idPrefix={`area-${area.id}`}
                    name="name"
                    label={`Name of ${area.name}`}
                    state={stateFor(area.id)}
                    fallback={area.name}
                    maxlength={200}
                    required
                  />
                  <button type="submit" class="secondary">
                    Rename
                  </button>
                </form>
                <form
                  method="post"
                  action={`/console/components/areas/${area.id}/delete`}
                  class="inline-form"
                >
                  <CsrfField token={csrf} />
                  <button type="submit" class="danger" aria-label={`Delete area ${area.name}`}>
                    Delete
                  </button>
                </form>
              </>
            ) : (
              area.name
            )}
          </li>
        ))}
      </ul>
      {csrf ? (
        <form method="post" action="/console/components/areas">
          <CsrfField token={csrf} />
          <h3>Add an area</h3>
          <InputField
            idPrefix="new-area"
            name="name"
            label="Area name"
            state={stateFor('new')}
            maxlength={200}
            required
          />
          <button type="submit">Add area</button>
        </form>
      ) : null}
    </section>
  )
}
