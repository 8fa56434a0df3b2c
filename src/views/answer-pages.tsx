import type { ResolutionChoice } from '../domain/types'
import { useReader } from '../i18n/reader-context'
import { NoticePage, PostButton } from './page-form'
import { linkTo, type Markup } from './rich'

/** An answer link (GET): what the answer would be, and the button that gives it. */
export function AnswerLinkPage(props: {
  pageName: string
  incidentId: string
  incidentName: string
  choice: ResolutionChoice
}) {
  const reader = useReader()
  return (
    <NoticePage pageName={props.pageName} heading={reader.t('word.closedHeading')}>
      <p>
        {reader.rich<Markup>('answer.linkText', {
          a: linkTo(`/incidents/${props.incidentId}`),
          name: props.incidentName,
          choice: props.choice,
        })}
      </p>
      <PostButton label={reader.t('answer.linkButton', { choice: props.choice })} />
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
  const { t } = useReader()
  return (
    <NoticePage pageName={props.pageName} heading={t('answer.thanks')}>
      <p role="status">{t('answer.counted', { choice: props.choice, name: props.incidentName })}</p>
      <p>
        <a href={`/incidents/${props.incidentId}`}>{t('answer.backToIncident')}</a>
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
  const { t } = useReader()
  return (
    <NoticePage pageName={props.pageName} heading={t('answer.thanks')}>
      <p role="status">
        {t('answer.reported', { already: props.counted ? 'no' : 'yes', name: props.incidentName })}
      </p>
      <p>
        <a href={`/incidents/${props.incidentId}`}>{t('answer.backToIncident')}</a>
      </p>
    </NoticePage>
  )
}

/** An answer link that does not work: unknown, expired, or its incident is open again. */
export function AnswerLinkProblemPage(props: {
  pageName: string
  reason: 'unknown' | 'expired' | 'reopened'
}) {
  const { t } = useReader()
  return (
    <NoticePage
      pageName={props.pageName}
      heading={t('answer.problemHeading', { reason: props.reason })}
    >
      <p>{t('answer.problemText', { reason: props.reason })}</p>
      <p>
        <a href="/">{t('answer.statusPage')}</a>
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
  const reader = useReader()
  return (
    <NoticePage pageName={props.pageName} heading={reader.t('reopen.heading')}>
      <p>
        {reader.rich<Markup>('reopen.text', {
          a: linkTo(`/incidents/${props.incidentId}`),
          name: props.incidentName,
          broken: props.stillBroken,
          fixed: props.fixed,
        })}
      </p>
      <p>{reader.t('reopen.effect')}</p>
      <PostButton label={reader.t('reopen.button')} />
    </NoticePage>
  )
}

/** After the reopen button. */
export function ReopenedPage(props: {
  pageName: string
  incidentId: string
  incidentName: string
}) {
  const { t } = useReader()
  return (
    <NoticePage pageName={props.pageName} heading={t('reopen.done')}>
      <p role="status">{t('reopen.doneText', { name: props.incidentName })}</p>
      <p>
        <a href={`/incidents/${props.incidentId}`}>{t('reopen.incident')}</a>
      </p>
    </NoticePage>
  )
}

/** A reopen link that does nothing: unknown, expired or used, or the incident is not resolved. */
export function ReopenLinkProblemPage(props: {
  pageName: string
  reason: 'unknown' | 'expired' | 'open'
}) {
  const { t } = useReader()
  return (
    <NoticePage pageName={props.pageName} heading={t('reopen.nothing')}>
      <p>{t('reopen.problem', { reason: props.reason })}</p>
    </NoticePage>
  )
}
