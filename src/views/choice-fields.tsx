import type { Catalog } from '../domain/subscription-input'
import type { SubscriptionChoices } from '../domain/subscriber-types'
import type { Component } from '../domain/types'
import { useReader } from '../i18n/reader-context'
import { nameList } from '../i18n/name-list'

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
  const { t } = useReader()
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
        {t('subscribe.choicesHint')}
      </p>
      {components.length > 0 ? (
        <fieldset aria-describedby="choices-hint">
          <legend>{t('subscribe.components')}</legend>
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
                    label={t('subscribe.allOfGroup', { group: group.name })}
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
          <legend>{t('subscribe.areas')}</legend>
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
  const reader = useReader()
  const components = props.catalog.components.filter((c) =>
    props.chosen.componentIds.includes(c.id),
  )
  const areas = props.catalog.areas.filter((a) => props.chosen.areaIds.includes(a.id))
  if (props.chosen.everything) {
    return <p>{reader.t('subscription.everything')}</p>
  }
  if (components.length === 0 && areas.length === 0) {
    return <p>{reader.t('subscription.nothingLeft')}</p>
  }
  return (
    <dl class="facts">
      {components.length > 0 ? (
        <>
          <dt>{reader.t('subscribe.components')}</dt>
          <dd>
            {nameList(
              reader,
              components.map((c) => c.name),
            )}
          </dd>
        </>
      ) : null}
      {areas.length > 0 ? (
        <>
          <dt>{reader.t('subscribe.areas')}</dt>
          <dd>
            {nameList(
              reader,
              areas.map((a) => a.name),
            )}
          </dd>
        </>
      ) : null}
    </dl>
  )
}
