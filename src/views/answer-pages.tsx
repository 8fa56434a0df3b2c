import type { ResolutionChoice } from '../domain/types'
import { NoticePage, PostButton } from './page-form'

const CHOICE_WORDS: Record<ResolutionChoice, { button: string; said: string }> = {
  fixed: { button: 'Yes, it is fixed for me', said: 'fixed for you' },
  still_broken: { button: 'No, it is still broken', said: 'still broken for you' },
}

/** An answer link (GET): what the answer would be, and the button that gives it. */
export function AnswerLinkPage(props: {
  pageName: string
  incidentId: string
  incidentName: string
  choice: ResolutionChoice
}) {
  return (
    <NoticePage pageName={props.pageName} heading="Is it fixed for you?">
      <p>
        We resolved <a href={`/incidents/${props.incidentId}`}>{props.incidentName}</a>. Press the
        button to tell us it is {CHOICE_WORDS[props.choice].said}. You can change your answer with
        the other link in the email.
      </p>
      <PostButton label={CHOICE_WORDS[props.choice].button} />
    </NoticePage>
  )
}

/** After an answer (from a link or the incident page). */
export function AnsweredPage(props: {
  pageName: string
  incidentId: string
  incidentName: string
  choice: ResolutionChoice
}) {
  return (
    <NoticePage pageName={props.pageName} heading="Thank you">
      <p role="status">
        Your answer is counted: {props.incidentName} is {CHOICE_WORDS[props.choice].said}.
        {props.choice === 'still_broken'
          ? ' The team sees how many customers say so and can reopen the incident.'
          : ''}
      </p>
      <p>
        <a href={`/incidents/${props.incidentId}`}>Back to the incident</a>
      </p>
    </NoticePage>
  )
}

/** After "I'm affected". */
export function ReportedPage(props: {
  pageName: string
  incidentId: string
  incidentName: string
  counted: boolean
}) {
  return (
    <NoticePage pageName={props.pageName} heading="Thank you">
      <p role="status">
        {props.counted
          ? `You are counted as affected by ${props.incidentName}.`
          : `You were already counted as affected by ${props.incidentName}.`}
      </p>
      <p>
        <a href={`/incidents/${props.incidentId}`}>Back to the incident</a>
      </p>
    </NoticePage>
  )
}

/** An answer link that does not work: unknown, expired, or its incident is open again. */
export function AnswerLinkProblemPage(props: {
  pageName: string
  reason: 'unknown' | 'expired' | 'reopened'
}) {
  const heading =
    props.reason === 'reopened'
      ? 'This incident is open again'
      : props.reason === 'expired'
        ? 'This link has expired'
        : 'This link is not valid'
  const text =
    props.reason === 'reopened'
      ? 'Nothing was recorded: the team is working on it again. You will hear when it is resolved.'
      : 'Nothing was recorded. Answer links work for 14 days after the resolution email.'
  return (
    <NoticePage pageName={props.pageName} heading={heading}>
      <p>{text}</p>
      <p>
        <a href="/">Status page</a>
      </p>
    </NoticePage>
  )
}

/** The ops alert's reopen link (GET): the incident, and the button that reopens it. */
export function ReopenLinkPage(props: {
  pageName: string
  incidentId: string
  incidentName: string
  fixed: number
  stillBroken: number
}) {
  return (
    <NoticePage pageName={props.pageName} heading="Reopen this incident?">
      <p>
        <a href={`/incidents/${props.incidentId}`}>{props.incidentName}</a> is resolved, but{' '}
        {props.stillBroken} {props.stillBroken === 1 ? 'customer says' : 'customers say'} it is
        still broken ({props.fixed} say it is fixed).
      </p>
      <p>
        Reopening posts an “investigating” update, tells subscribers, and puts its components back
        to the statuses they had in it.
      </p>
      <PostButton label="Reopen the incident" />
    </NoticePage>
  )
}

/** After the reopen button. */
export function ReopenedPage(props: {
  pageName: string
  incidentId: string
  incidentName: string
}) {
  return (
    <NoticePage pageName={props.pageName} heading="Reopened">
      <p role="status">{props.incidentName} is open again, as investigating.</p>
      <p>
        <a href={`/incidents/${props.incidentId}`}>The incident</a>
      </p>
    </NoticePage>
  )
}

/** A reopen link that does nothing: unknown, expired or used, or the incident is not resolved. */
export function ReopenLinkProblemPage(props: {
  pageName: string
  reason: 'unknown' | 'expired' | 'open'
}) {
  const text = {
    unknown: 'This link is not valid.',
    expired: 'This link has expired or was already used.',
    open: 'This incident is not resolved (it is open again, or has a postmortem).',
  }[props.reason]
  return (
    <NoticePage pageName={props.pageName} heading="Nothing was reopened">
      <p>{text} Use the admin API to change the incident.</p>
    </NoticePage>
  )
}
