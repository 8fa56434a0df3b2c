import type { Child } from 'hono/jsx'
import type { Catalog } from '../domain/subscription-input'
import type { Confirmation } from '../domain/subscriptions'
import type { Subscriber } from '../domain/subscriber-types'
import type { LinkPurpose } from '../domain/link-purpose'
import { ChoiceFields, ChoiceSummary } from './choice-fields'
import { FormError, NoticePage, PostButton, SubmitRow } from './page-form'

/** Where notices go, in words: the address, or the webhook URL. */
function Destination(props: { subscriber: Subscriber }) {
  const s = props.subscriber
  return s.kind === 'webhook' ? (
    <>
      the webhook <code class="secret">{s.url}</code>
    </>
  ) : (
    <strong>{s.email}</strong>
  )
}

/** After a subscribe form: the same words whatever the address. */
export function CheckInboxPage(props: { pageName: string; email: string; webhook: boolean }) {
  return (
    <NoticePage pageName={props.pageName} heading="Check your inbox">
      <p role="status">
        If <strong>{props.email}</strong> can receive mail, an email with a confirmation button is
        on its way to it.{' '}
        {props.webhook
          ? 'The webhook receives nothing until you press that button.'
          : 'Nothing else is sent until you press that button.'}{' '}
        The link works for 48 hours.
      </p>
      <p>
        Nothing arrived? Look in your spam folder, or <a href="/subscribe">try again</a>.
      </p>
    </NoticePage>
  )
}

/** The confirm link (GET): what would be confirmed, and the button that confirms it. */
export function ConfirmPage(props: { pageName: string; subscriber: Subscriber; catalog: Catalog }) {
  const s = props.subscriber
  const active = s.status === 'active'
  return (
    <NoticePage
      pageName={props.pageName}
      heading={s.kind === 'webhook' ? 'Confirm your webhook' : 'Confirm your subscription'}
    >
      {active ? (
        <p>This subscription is already confirmed. Press the button to get its manage link.</p>
      ) : (
        <p>
          Press the button to start sending {props.pageName} updates to{' '}
          <Destination subscriber={s} />.
        </p>
      )}
      <h2>You will hear about</h2>
      <ChoiceSummary catalog={props.catalog} chosen={s} />
      <PostButton label={s.kind === 'webhook' ? 'Confirm webhook' : 'Confirm subscription'} />
    </NoticePage>
  )
}

/** After the confirm button: done, the manage link, and a new webhook's secret (once). */
export function ConfirmedPage(props: { pageName: string; confirmation: Confirmation }) {
  const { subscriber, manageUrl, secret, confirmedNow } = props.confirmation
  const webhook = subscriber.kind === 'webhook'
  const verifying = subscriber.status === 'pending_verification'
  return (
    <NoticePage
      pageName={props.pageName}
      heading={
        verifying
          ? 'Your webhook is confirmed: one last check'
          : webhook
            ? 'Your webhook is active'
            : 'You are subscribed'
      }
    >
      {verifying ? (
        <p role="status">
          {confirmedNow ? 'Confirmed.' : 'This was already confirmed.'} {props.pageName} is sending
          a signed <code>webhook.verify</code> event to <Destination subscriber={subscriber} />. The
          webhook becomes active once your receiver answers it with a 2xx status; until then it
          receives nothing else. It is tried again for about a day, and this address is told if it
          never gets through.
        </p>
      ) : (
        <p role="status">
          {confirmedNow ? 'Confirmed.' : 'This was already confirmed.'} {props.pageName} updates now
          go to <Destination subscriber={subscriber} />.
        </p>
      )}
      {secret ? (
        <section aria-labelledby="secret-heading">
          <h2 id="secret-heading">Signing secret</h2>
          <p>
            <strong>Shown only this once: copy it now.</strong> Every request carries the Standard
            Webhooks headers <code>webhook-id</code>, <code>webhook-timestamp</code> and{' '}
            <code>webhook-signature</code>; verify them with this secret.
          </p>
          <p>
            <code class="secret" id="signing-secret">
              {secret}
            </code>
          </p>
        </section>
      ) : null}
      <p>
        <a href={manageUrl}>Manage this subscription</a>: change what you hear about, or leave. Keep
        the link{webhook ? '' : '; every email we send carries one too'}.
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
  const s = props.subscriber
  if (s.status === 'pending_verification') {
    return (
      <NoticePage pageName={props.pageName} heading="Waiting for your receiver">
        <p role="status">
          {props.pageName} is sending a signed <code>webhook.verify</code> event to{' '}
          <Destination subscriber={s} />. The webhook becomes active once your receiver answers it
          with a 2xx status; you can choose what it hears about then.
        </p>
      </NoticePage>
    )
  }
  if (s.status !== 'active') {
    return (
      <NoticePage pageName={props.pageName} heading="Not subscribed">
        <p>
          {props.pageName} updates no longer go to <Destination subscriber={s} />
          {s.status === 'disabled' ? ': it was disabled after repeated failures.' : '.'}
        </p>
        <p>
          <a href="/subscribe">Subscribe again</a>
        </p>
      </NoticePage>
    )
  }
  return (
    <NoticePage pageName={props.pageName} heading="Your subscription">
      <p>
        {props.pageName} updates go to <Destination subscriber={s} />.
      </p>
      {props.saved ? <p role="status">Saved. Your choices are below.</p> : null}
      <FormError lead="Not saved:" message={props.error} />
      <h2>What you hear about</h2>
      {s.incidentIds.length > 0 && !s.everything ? (
        <p>
          You also follow{' '}
          {s.incidentIds.length === 1 ? 'one incident' : `${s.incidentIds.length} incidents`} to its
          end, whatever it touches. Ticking nothing keeps you to{' '}
          {s.incidentIds.length === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
      <form method="post" class="form">
        <input type="hidden" name="action" value="save" />
        <ChoiceFields
          catalog={props.catalog}
          chosen={s.everything ? { componentIds: [], areaIds: [] } : s}
        />
        <SubmitRow label="Save choices" />
      </form>
      {props.preferences}
      <h2>Leave</h2>
      <form method="post">
        <input type="hidden" name="action" value="leave" />
        <SubmitRow label="Unsubscribe" />
      </form>
    </NoticePage>
  )
}

/** The unsubscribe link (GET): a button; reading the page changes nothing. */
export function UnsubscribePage(props: { pageName: string; subscriber: Subscriber }) {
  const s = props.subscriber
  if (s.status === 'unsubscribed') return <UnsubscribedPage {...props} />
  return (
    <NoticePage pageName={props.pageName} heading="Unsubscribe">
      <p>
        Stop all {props.pageName} updates to <Destination subscriber={s} />?
      </p>
      <PostButton label="Unsubscribe" hidden={{ confirm: 'yes' }} />
    </NoticePage>
  )
}

/** After leaving. */
export function UnsubscribedPage(props: { pageName: string; subscriber: Subscriber }) {
  return (
    <NoticePage pageName={props.pageName} heading="You are unsubscribed">
      <p role="status">
        No more {props.pageName} updates will go to <Destination subscriber={props.subscriber} />.
      </p>
      <p>
        Changed your mind? <a href="/subscribe">Subscribe again</a>.
      </p>
    </NoticePage>
  )
}

/** A link that is not known (404) or no longer works (410). */
export function LinkProblemPage(props: {
  pageName: string
  purpose: LinkPurpose
  reason: 'unknown' | 'expired'
}) {
  const advice =
    props.purpose === 'confirm'
      ? 'A confirmation link works once, for 48 hours. Subscribe again to get a new one.'
      : 'Use the link in a more recent email from us, or subscribe again.'
  return (
    <NoticePage
      pageName={props.pageName}
      heading={
        props.reason === 'expired'
          ? 'This link has expired or was already used'
          : 'This link is not valid'
      }
    >
      <p>Nothing was changed. {advice} If you copied the link, check that it is complete.</p>
      <p>
        <a href="/subscribe">Subscribe</a> · <a href="/">Status page</a>
      </p>
    </NoticePage>
  )
}
