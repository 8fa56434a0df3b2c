import type { Child } from 'hono/jsx'
import type { Catalog } from '../domain/subscription-input'
import type { Confirmation } from '../domain/subscription-links'
import type { Subscriber } from '../domain/subscriber-types'
import type { LinkPurpose } from '../domain/link-purpose'
import { useReader } from '../i18n/reader-context'
import { ChoiceFields, ChoiceSummary } from './choice-fields'
import { FormError, NoticePage, PostButton, SubmitRow } from './page-form'

/** Where notices go, with its lead-in word: "to the webhook <code>…</code>", "an <strong>…</strong>". */
function Destination(props: { subscriber: Subscriber }) {
  const s = props.subscriber
  return (
    <>
      {useReader().rich('subscription.destination', {
        kind: s.kind,
        url: s.url ?? '',
        email: s.email,
        code: (chunks) => <code class="secret">{chunks}</code>,
        strong: (chunks) => <strong>{chunks}</strong>,
      })}
    </>
  )
}

const code = (chunks: unknown[]) => <code>{chunks}</code>
const strong = (chunks: unknown[]) => <strong>{chunks}</strong>

/** After a subscribe form: the same words whatever the address. */
export function CheckInboxPage(props: { pageName: string; email: string; webhook: boolean }) {
  const { t, rich } = useReader()
  return (
    <NoticePage pageName={props.pageName} heading={t('subscribe.checkInbox')}>
      <p role="status">
        {rich('subscribe.onItsWay', {
          email: props.email,
          webhook: props.webhook ? 'yes' : 'no',
          strong,
        })}
      </p>
      <p>{rich('subscribe.nothingArrived', { a: (c) => <a href="/subscribe">{c}</a> })}</p>
    </NoticePage>
  )
}

/** The confirm link (GET): what would be confirmed, and the button that confirms it. */
export function ConfirmPage(props: { pageName: string; subscriber: Subscriber; catalog: Catalog }) {
  const { t, rich } = useReader()
  const s = props.subscriber
  return (
    <NoticePage
      pageName={props.pageName}
      heading={t('subscription.confirmHeading', { kind: s.kind })}
    >
      {s.status === 'active' ? (
        <p>{t('subscription.alreadyConfirmed')}</p>
      ) : (
        <p>
          {rich('subscription.pressToStart', {
            page: props.pageName,
            destination: <Destination subscriber={s} />,
          })}
        </p>
      )}
      <h2>{t('subscription.youWillHear')}</h2>
      <ChoiceSummary catalog={props.catalog} chosen={s} />
      <PostButton label={t('subscription.confirmButton', { kind: s.kind })} />
    </NoticePage>
  )
}

/** After the confirm button: done, the manage link, and a new webhook's secret (once). */
export function ConfirmedPage(props: { pageName: string; confirmation: Confirmation }) {
  const { t, rich } = useReader()
  const { subscriber, manageUrl, secret, confirmedNow } = props.confirmation
  const webhook = subscriber.kind === 'webhook'
  const verifying = subscriber.status === 'pending_verification'
  const said = {
    now: confirmedNow ? 'yes' : 'no',
    page: props.pageName,
    destination: <Destination subscriber={subscriber} />,
    code,
  }
  return (
    <NoticePage
      pageName={props.pageName}
      heading={t('subscription.confirmedHeading', {
        state: verifying ? 'verifying' : webhook ? 'webhook' : 'email',
      })}
    >
      <p role="status">
        {rich(verifying ? 'subscription.verifying' : 'subscription.active', said)}
      </p>
      {secret ? (
        <section aria-labelledby="secret-heading">
          <h2 id="secret-heading">{t('subscription.secretHeading')}</h2>
          <p>{rich('subscription.secretText', { strong, code })}</p>
          <p>
            <code class="secret" id="signing-secret">
              {secret}
            </code>
          </p>
        </section>
      ) : null}
      <p>
        {rich('subscription.manageLink', {
          kind: subscriber.kind,
          a: (c) => <a href={manageUrl}>{c}</a>,
        })}
      </p>
    </NoticePage>
  )
}

/** The manage link (GET): the current choices in a form, and a way to leave. */
export function ManagePage(props: {
  pageName: string
  subscriber: Subscriber
  catalog: Catalog
  saved?: boolean
  error?: string
  /** The language and time zone section (views/subscriber-preferences). */
  preferences?: Child
}) {
  const { t, rich } = useReader()
  const s = props.subscriber
  const page = props.pageName
  const destination = <Destination subscriber={s} />
  if (s.status === 'pending_verification') {
    return (
      <NoticePage pageName={page} heading={t('subscription.waitingHeading')}>
        <p role="status">{rich('subscription.waiting', { page, destination, code })}</p>
      </NoticePage>
    )
  }
  if (s.status !== 'active') {
    return (
      <NoticePage pageName={page} heading={t('subscription.notSubscribedHeading')}>
        <p>
          {rich('subscription.notSubscribed', {
            page,
            destination,
            disabled: s.status === 'disabled' ? 'yes' : 'no',
          })}
        </p>
        <p>
          <a href="/subscribe">{t('subscription.subscribeAgain')}</a>
        </p>
      </NoticePage>
    )
  }
  return (
    <NoticePage pageName={page} heading={t('subscription.yourSubscription')}>
      <p>{rich('subscription.goesTo', { page, destination })}</p>
      {props.saved ? <p role="status">{t('subscription.saved')}</p> : null}
      <FormError lead={t('subscription.notSaved')} message={props.error} />
      <h2>{t('subscription.whatYouHear')}</h2>
      {s.incidentIds.length > 0 && !s.everything ? (
        <p>{t('subscription.alsoFollow', { n: s.incidentIds.length })}</p>
      ) : null}
      <form method="post" class="form">
        <input type="hidden" name="action" value="save" />
        <ChoiceFields
          catalog={props.catalog}
          chosen={s.everything ? { componentIds: [], areaIds: [] } : s}
        />
        <SubmitRow label={t('subscription.saveChoices')} />
      </form>
      {props.preferences}
      <h2>{t('subscription.leave')}</h2>
      <form method="post">
        <input type="hidden" name="action" value="leave" />
        <SubmitRow label={t('subscription.unsubscribe')} />
      </form>
    </NoticePage>
  )
}

/** The unsubscribe link (GET): a button; reading the page changes nothing. */
export function UnsubscribePage(props: { pageName: string; subscriber: Subscriber }) {
  const { t, rich } = useReader()
  const s = props.subscriber
  if (s.status === 'unsubscribed') return <UnsubscribedPage {...props} />
  return (
    <NoticePage pageName={props.pageName} heading={t('subscription.unsubscribe')}>
      <p>
        {rich('subscription.stopAll', {
          page: props.pageName,
          destination: <Destination subscriber={s} />,
        })}
      </p>
      <PostButton label={t('subscription.unsubscribe')} hidden={{ confirm: 'yes' }} />
    </NoticePage>
  )
}

/** After leaving. */
export function UnsubscribedPage(props: { pageName: string; subscriber: Subscriber }) {
  const { t, rich } = useReader()
  return (
    <NoticePage pageName={props.pageName} heading={t('subscription.unsubscribedHeading')}>
      <p role="status">
        {rich('subscription.noMore', {
          page: props.pageName,
          destination: <Destination subscriber={props.subscriber} />,
        })}
      </p>
      <p>{rich('subscription.changedMind', { a: (c) => <a href="/subscribe">{c}</a> })}</p>
    </NoticePage>
  )
}

/** A link that is not known (404) or no longer works (410). */
export function LinkProblemPage(props: {
  pageName: string
  purpose: LinkPurpose
  reason: 'unknown' | 'expired'
}) {
  const { t } = useReader()
  return (
    <NoticePage
      pageName={props.pageName}
      heading={t('subscription.linkHeading', { reason: props.reason })}
    >
      <p>{t('subscription.linkAdvice', { purpose: props.purpose })}</p>
      <p>
        <a href="/subscribe">{t('subscription.subscribe')}</a> ·{' '}
        <a href="/">{t('subscription.statusPage')}</a>
      </p>
    </NoticePage>
  )
}
