import { roleReaches } from '../../domain/members'
import type { Dispute, OwedItem } from '../../domain/owed'
import type { Template } from '../../domain/templates'
import type { Postmortem } from '../../domain/postmortems'
import type { Area, Component, Incident } from '../../domain/types'
import { isClosedStatus } from '../../domain/types'
import type { FormState } from './fields'
import { PublishButton, ReopenButton } from './incident-actions'
import { EtaHistory, IncidentFactsList, UpdateList } from './incident-record'
import { IncidentUpdateForm } from './incident-update-form'
import { ConsoleLayout, type ConsoleFrame } from './layout'
import { POSTMORTEM_NOTICES, PostmortemSection } from './postmortem-section'

/** The sentence a finished action leaves on an incident's page. */
export const INCIDENT_NOTICES: Record<string, string> = {
  opened: 'Incident opened.',
  draft: 'Saved as a draft: it stays off the public page until you publish it.',
  updated: 'Update posted.',
  published: 'Published: it is on the page and subscribers are being told.',
  reopened: 'Reopened: the incident is investigating again and subscribers are being told.',
  ...POSTMORTEM_NOTICES,
}

/**
 * One incident: its facts, its ETA history and its updates; for editors the Post an update
 * form (starting from the current values), Publish for a draft and Reopen for a resolution
 * customers dispute.
 */
export function IncidentPage(props: {
  frame: ConsoleFrame
  incident: Incident
  owed: OwedItem
  dispute: Dispute | null
  components: readonly Component[]
  areas: readonly Area[]
  /** Update templates, and the one the update form was filled from (or ""). */
  templates: readonly Template[]
  chosenTemplate: string
  timeZone: string
  now: Date
  form: FormState
  fresh: boolean
  notice?: string
  /** Its postmortem (null: none yet), rendered for a resolved incident. */
  postmortem?: Postmortem | null
  /** The postmortem's draft rendered and sanitised, shown to viewers. */
  postmortemHtml?: string | null
}) {
  const { frame, incident } = props
  const editor = roleReaches(frame.member.role, 'editor')
  const reopenable = isClosedStatus(incident.status) && incident.status !== 'postmortem'
  return (
    <ConsoleLayout
      {...frame}
      title={incident.name}
      current="incidents"
      notice={props.notice}
      actions={
        editor ? (
          <div class="incident-actions">
            {incident.isDraft ? (
              <PublishButton incident={incident} csrfToken={frame.csrfToken} back="incident" />
            ) : null}
            {props.dispute && reopenable ? (
              <ReopenButton incident={incident} csrfToken={frame.csrfToken} back="incident" />
            ) : null}
          </div>
        ) : undefined
      }
    >
      <p>
        <a href="/console/incidents">All incidents</a>
        {incident.isDraft ? null : (
          <>
            {' · '}
            <a href={`/incidents/${incident.id}`}>Public page</a>
          </>
        )}
      </p>
      <IncidentFactsList
        incident={incident}
        owed={props.owed}
        components={props.components}
        dispute={props.dispute}
      />
      <EtaHistory history={incident.etaHistory} />
      {editor ? (
        <IncidentUpdateForm
          incident={incident}
          state={props.form}
          fresh={props.fresh}
          csrfToken={frame.csrfToken}
          templates={props.templates}
          chosenTemplate={props.chosenTemplate}
          components={props.components}
          areas={props.areas}
          timeZone={props.timeZone}
          now={props.now}
        />
      ) : null}
      <UpdateList incident={incident} />
      {isClosedStatus(incident.status) && props.postmortem !== undefined ? (
        <PostmortemSection
          incidentId={incident.id}
          postmortem={props.postmortem}
          editor={editor}
          csrfToken={frame.csrfToken}
          previewHtml={editor ? null : props.postmortemHtml}
        />
      ) : null}
    </ConsoleLayout>
  )
}
