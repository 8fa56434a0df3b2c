import { actorLabel, type AuditLine } from '../../domain/audit-page'
import { Time } from '../time'
import { SelectField } from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'

/** The audit log: who did what, when, newest first, a page at a time; filtered by actor. */
export function AuditPage(props: {
  frame: ConsoleFrame
  lines: AuditLine[]
  actors: { actor: string; tokenName: string | null }[]
  actor: string
  nextBefore: number | null
  paged: boolean
  /** Whether the member sees each change's details (editor and up: they may hold URLs). */
  showDetails: boolean
}) {
  const filter = { values: { actor: props.actor }, errors: {} }
  const options: [string, string][] = [
    ['', 'Anyone'],
    ...props.actors.map((a): [string, string] => [a.actor, actorLabel(a)]),
  ]
  if (props.actor && !options.some(([value]) => value === props.actor)) {
    options.push([props.actor, props.actor])
  }
  const actorQuery = props.actor ? `actor=${encodeURIComponent(props.actor)}` : ''
  const next =
    props.nextBefore === null
      ? null
      : `/console/audit?${[actorQuery, `before=${props.nextBefore}`].filter(Boolean).join('&')}`
  return (
    <ConsoleLayout {...props.frame} title="Audit log" current="audit">
      <form method="get" action="/console/audit" class="audit-filter">
        <SelectField idPrefix="audit" name="actor" label="Who" options={options} state={filter} />
        <button type="submit">Show</button>
      </form>
      {props.lines.length === 0 ? (
        <p>Nothing recorded.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">On</th>
                {props.showDetails ? <th scope="col">Details</th> : null}
              </tr>
            </thead>
            <tbody>
              {props.lines.map((line) => (
                <tr>
                  <td>
                    <Time iso={line.at} />
                  </td>
                  <td>{actorLabel(line)}</td>
                  <td>{line.action}</td>
                  <td>
                    {line.targetType}
                    {line.targetId ? ` ${line.targetId}` : ''}
                  </td>
                  {props.showDetails ? (
                    <td>
                      <code class="audit-details">{JSON.stringify(line.details)}</code>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="pager">
        {props.paged ? (
          <a href={`/console/audit${actorQuery ? `?${actorQuery}` : ''}`}>Newest</a>
        ) : null}{' '}
        {next ? <a href={next}>Older</a> : null}
      </p>
    </ConsoleLayout>
  )
}
