import type { Catalog } from '../domain/subscription-input'
import type { SubscriptionChoices } from '../domain/subscriber-types'
import { ChoiceFields } from './choice-fields'
import { Layout } from './layout'

/** What the reader typed, kept when a form comes back with an error. */
export interface SubscribeFormValues {
  email?: string
  choices?: SubscriptionChoices
  webhookUrl?: string
  webhookEmail?: string
}

function FormError(props: { id: string; message: string | undefined }) {
  return props.message ? (
    <div class="form-error" role="alert" id={props.id}>
      <p>
        <strong>Not sent:</strong> {props.message}
      </p>
    </div>
  ) : null
}

/**
 * /subscribe: an email subscription (choose components and areas, or everything) and a
 * self-serve webhook (a URL plus the address that confirms it). Plain forms, no JavaScript.
 */
export function SubscribePage(props: {
  pageName: string
  catalog: Catalog
  values?: SubscribeFormValues
  emailError?: string
  webhookError?: string
}) {
  const values = props.values ?? {}
  return (
    <Layout
      pageName={props.pageName}
      title={`Subscribe to ${props.pageName} updates`}
      description={`Get ${props.pageName} incident and maintenance notices by email or webhook.`}
      current="subscribe"
    >
      <h1>Subscribe to updates</h1>
      <p>
        Hear when something you use goes wrong, when the fix is expected, when we will update you
        next, and when it is fixed. Every email has a link to change what you hear about or to leave
        in one click.
      </p>

      <section aria-labelledby="by-email">
        <h2 id="by-email">By email</h2>
        <FormError id="email-form-error" message={props.emailError} />
        <form method="post" action="/subscribe" class="form">
          <p class="field">
            <label for="subscribe-email">Email address</label>
            <input
              id="subscribe-email"
              type="email"
              name="email"
              required
              maxlength={254}
              autocomplete="email"
              value={values.email ?? ''}
              aria-describedby={
                props.emailError ? 'email-form-error subscribe-email-hint' : 'subscribe-email-hint'
              }
              aria-invalid={props.emailError ? 'true' : undefined}
            />
            <span class="hint" id="subscribe-email-hint">
              We send one email with a button to confirm. Nothing else is sent until you press it;
              the link works for 48 hours.
            </span>
          </p>
          <ChoiceFields
            catalog={props.catalog}
            chosen={values.choices ?? { componentIds: [], areaIds: [] }}
          />
          <p>
            <button type="submit">Subscribe</button>
          </p>
        </form>
      </section>

      <section aria-labelledby="by-webhook">
        <h2 id="by-webhook">By webhook</h2>
        <p>
          For Slack, Discord, Microsoft Teams or your own endpoint: every notice is POSTed to the
          URL, signed with <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>. The
          email address confirms the webhook, receives its signing secret page and is told if the
          webhook is ever disabled. After confirming, the manage link lets you choose components and
          areas.
        </p>
        <FormError id="webhook-form-error" message={props.webhookError} />
        <form method="post" action="/subscribe/webhook" class="form">
          <p class="field">
            <label for="webhook-url">Webhook URL</label>
            <input
              id="webhook-url"
              type="url"
              name="url"
              required
              maxlength={2000}
              placeholder="https://"
              value={values.webhookUrl ?? ''}
              aria-describedby={
                props.webhookError ? 'webhook-form-error webhook-url-hint' : 'webhook-url-hint'
              }
              aria-invalid={props.webhookError ? 'true' : undefined}
            />
            <span class="hint" id="webhook-url-hint">
              Must start with https://.
            </span>
          </p>
          <p class="field">
            <label for="webhook-email">Your email address</label>
            <input
              id="webhook-email"
              type="email"
              name="email"
              required
              maxlength={254}
              autocomplete="email"
              value={values.webhookEmail ?? ''}
            />
          </p>
          <p>
            <button type="submit">Add webhook</button>
          </p>
        </form>
      </section>
    </Layout>
  )
}
