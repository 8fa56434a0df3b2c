import type { Catalog } from '../domain/subscription-input'
import type { SubscriptionChoices } from '../domain/subscriber-types'
import type { Component } from '../domain/types'

function Check(props: { name: string; value: string; label: string; checked: boolean }) {
  return (
    <li>
      <label class="check">
        <input type="checkbox" name={props.name} value={props.value} checked={props.checked} />{' '}
        {props.label}
      </label>
    </li>
  )
}

function ComponentChecks(props: { components: Component[]; chosen: Set<string> }) {
  return (
    <ul class="plain checks">
      {props.components.map((c) => (
        <Check name="components" value={c.id} label={c.name} checked={props.chosen.has(c.id)} />
      ))}
    </ul>
  )
}

/**
 * Checkboxes for choosing components (under their groups) and areas. Ticking nothing means
 * everything, which the hint says; works without JavaScript.
 */
export function ChoiceFields(props: { catalog: Catalog; chosen: SubscriptionChoices }) {
  const chosenComponents = new Set(props.chosen.componentIds)
  const chosenAreas = new Set(props.chosen.areaIds)
  const byPosition = (a: Component, b: Component) => a.position - b.position
  const components = [...props.catalog.components].sort(byPosition)
  const groups = components.filter((c) => c.isGroup)
  const loose = components.filter((c) => !c.isGroup && c.groupId === null)
  const members = (group: Component) => components.filter((c) => c.groupId === group.id)
  return (
    <div class="choices">
      <p class="hint" id="choices-hint">
        Tick what concerns you, or tick nothing to hear about everything (including components and
        areas added later). A notice reaches you when it touches one of your components or areas.
      </p>
      {components.length > 0 ? (
        <fieldset aria-describedby="choices-hint">
          <legend>Components</legend>
          {loose.length > 0 ? (
            <ComponentChecks components={loose} chosen={chosenComponents} />
          ) : null}
          {groups.map((group) =>
            members(group).length > 0 ? (
              <fieldset class="group-choices">
                <legend>{group.name}</legend>
                <ul class="plain checks">
                  <Check
                    name="components"
                    value={group.id}
                    label={`All of ${group.name}, including components added later`}
                    checked={chosenComponents.has(group.id)}
                  />
                </ul>
                <ComponentChecks components={members(group)} chosen={chosenComponents} />
              </fieldset>
            ) : null,
          )}
        </fieldset>
      ) : null}
      {props.catalog.areas.length > 0 ? (
        <fieldset aria-describedby="choices-hint">
          <legend>Areas</legend>
          <ul class="plain checks">
            {props.catalog.areas.map((a) => (
              <Check name="areas" value={a.id} label={a.name} checked={chosenAreas.has(a.id)} />
            ))}
          </ul>
        </fieldset>
      ) : null}
    </div>
  )
}

/** What a subscriber follows, in words: "Everything", or the chosen names. */
export function ChoiceSummary(props: {
  catalog: Catalog
  chosen: SubscriptionChoices & { everything: boolean }
}) {
  const components = props.catalog.components.filter((c) =>
    props.chosen.componentIds.includes(c.id),
  )
  const areas = props.catalog.areas.filter((a) => props.chosen.areaIds.includes(a.id))
  if (props.chosen.everything) {
    return <p>Everything: every component and area, including ones added later.</p>
  }
  if (components.length === 0 && areas.length === 0) {
    return <p>Nothing any more: the components and areas you chose were removed.</p>
  }
  return (
    <dl class="facts">
      {components.length > 0 ? (
        <>
          <dt>Components</dt>
          <dd>{components.map((c) => c.name).join(', ')}</dd>
        </>
      ) : null}
      {areas.length > 0 ? (
        <>
          <dt>Areas</dt>
          <dd>{areas.map((a) => a.name).join(', ')}</dd>
        </>
      ) : null}
    </dl>
  )
}
