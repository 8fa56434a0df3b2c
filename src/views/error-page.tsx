import type { ErrorCode } from '../domain/errors'
import type { MessageKey } from '../i18n/catalog'
import { useReader } from '../i18n/reader-context'
import { NoticePage } from './page-form'

type Kind = 'notFound' | 'badRequest' | 'conflict' | 'tooLarge' | 'rateLimited' | 'internal'

const KINDS: Partial<Record<ErrorCode, Kind>> = {
  not_found: 'notFound',
  validation_failed: 'badRequest',
  bad_request: 'badRequest',
  conflict: 'conflict',
  payload_too_large: 'tooLarge',
  rate_limited: 'rateLimited',
  internal_error: 'internal',
}

/**
 * A public error page in the reader's words: a heading and a sentence for the kind of error
 * (the API's English message is for the API), the request id of an unexpected error, and the
 * way back to the status page.
 */
export function ErrorPage(props: {
  pageName: string
  status: number
  code: string
  requestId?: string
}) {
  const { t } = useReader()
  const kind = KINDS[props.code as ErrorCode]
  const heading = kind
    ? t(`error.title.${kind}` as MessageKey)
    : t('error.title.other', { status: props.status })
  return (
    <NoticePage pageName={props.pageName} heading={heading} title={`${props.status} · ${heading}`}>
      <p>{t(kind ? (`error.text.${kind}` as MessageKey) : 'error.text.other')}</p>
      {kind === 'internal' && props.requestId ? (
        <p class="meta">{t('error.requestId', { id: props.requestId })}</p>
      ) : null}
      <p>
        <a href="/">{t('layout.backToStatus')}</a>
      </p>
    </NoticePage>
  )
}

/** A public form or link refused: a heading and one sentence, in the reader's words. */
export function RefusalPage(props: {
  pageName: string
  heading: 'error.foreignHeading' | 'error.title.rateLimited'
  text: 'error.foreignText' | 'error.answersLimited' | 'error.linksLimited'
}) {
  const { t } = useReader()
  return (
    <NoticePage pageName={props.pageName} heading={t(props.heading)}>
      <p>{t(props.text)}</p>
    </NoticePage>
  )
}
