import type { Component } from '../../domain/types'
import { componentStatusLabel } from './component-fields'

/** Top-level entries (groups and ungrouped components) with each group's components after it. */
export function componentTree(all: readonly Component[]): { entry: Component; depth: 0 | 1 }[] {
  const rows: { entry: Component; depth: 0 | 1 }[] = []
  for (const top of all.filter((c) => c.groupId === null)) {
    rows.push({ entry: top, depth: 0 })
    if (top.isGroup) {
      for (const child of all.filter((c) => c.groupId === top.id)) {
        rows.push({ entry: child, depth: 1 })
      }
    }
  }
  return rows
}

function MoveButton(props: { id: string; direction: 'up' | 'down'; name: string; csrf: string }) {
  const word = props.direction === 'up' ? 'Move up' : 'Move down'
  return (
    <form method="post" action={`/console/components/${props.id}/move`} class="inline-form">
      <input type="hidden" name="csrf" value={props.csrf} />
      <input type="hidden" name="direction" value={props.direction} />
      <button type="submit" class="secondary" aria-label={`${word}: ${props.name}`}>
        {word}
      </button>
    </form>
  )
}

/** Every component, grouped, with status, description, position and (for editors) moves. */
export function ComponentsTable(props: {
  components: readonly Component[]
  /** The form token when the member may edit; null for a viewer. */
  csrf: string | null
}) {
  const rows = componentTree(props.components)
  if (rows.length === 0) return <p>No components yet.</p>
  const siblingsOf = (c: Component) => props.components.filter((x) => x.groupId === c.groupId)
  return (
    <div class="table-scroll">
      <table class="components-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Description</th>
            <th scope="col">Position</th>
            {props.csrf ? <th scope="col">Order</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ entry, depth }) => {
            const siblings = siblingsOf(entry)
            const at = siblings.indexOf(entry)
            return (
              <tr class={depth ? 'component-child' : entry.isGroup ? 'component-group' : undefined}>
                <th scope="row">
                  {props.csrf ? (
                    <a href={`/console/components/${entry.id}`}>{entry.name}</a>
                  ) : (
                    entry.name
                  )}
                  {entry.isGroup ? ' (group)' : null}
                </th>
                <td>{entry.isGroup ? '—' : componentStatusLabel(entry.status)}</td>
                <td>{entry.description ?? ''}</td>
                <td>{entry.position}</td>
                {props.csrf ? (
                  <td>
                    {at > 0 ? (
                      <MoveButton
                        id={entry.id}
                        direction="up"
                        name={entry.name}
                        csrf={props.csrf}
                      />
                    ) : null}{' '}
                    {at < siblings.length - 1 ? (
                      <MoveButton
                        id={entry.id}
                        direction="down"
                        name={entry.name}
                        csrf={props.csrf}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
