import { CsrfField } from './fields'

/**
 * The one-click writes on an incident, as small forms: Publish a draft, Reopen a disputed
 * resolution. `back` names the screen to land on afterwards (`now` or the incident's page).
 */

type Back = 'now' | 'incident'

function ActionForm(props: {
  action: string
  csrfToken: string
  back: Back
  label: string
  name: string
  danger?: boolean
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="back" value={props.back} />
      <button type="submit" class={props.danger ? 'danger' : undefined}>
        {props.label}
        <span class="visually-hidden"> {props.name}</span>
      </button>
    </form>
  )
}

/** Publishes a draft: it appears on the page and subscribers are told of it. */
export function PublishButton(props: {
  incident: { id: string; name: string }
  csrfToken: string
  back: Back
}) {
  return (
    <ActionForm
      action={`/console/incidents/${props.incident.id}/publish`}
      csrfToken={props.csrfToken}
      back={props.back}
      label="Publish"
      name={props.incident.name}
    />
  )
}

/** Reopens a resolved incident customers say is still broken. */
export function ReopenButton(props: {
  incident: { id: string; name: string }
  csrfToken: string
  back: Back
}) {
  return (
    <ActionForm
      action={`/console/incidents/${props.incident.id}/reopen`}
      csrfToken={props.csrfToken}
      back={props.back}
      label="Reopen"
      name={props.incident.name}
      danger
    />
  )
}

/** "5 say still broken, 2 say fixed". */
export function disputeWords(counts: { fixed: number; stillBroken: number }): string {
  return `${counts.stillBroken} say still broken, ${counts.fixed} say fixed`
}
