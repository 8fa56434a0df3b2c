import type { Catalog } from '../domain/subscription-input'
import type { SubscriptionChoices } from '../domain/subscriber-types'
import { ChoiceFields } from './choice-fields'
import { Layout } from './layout'
import { FormError, SubmitRow, TextField } from './page-form'

/** What the reader typed, kept when a form comes back with an error. */
export interface SubscribeFormValues {
  email?: string
  choices?: SubscriptionChoices
  webhookUrl?: string
  webhookEmail?: string
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
        <FormError id="email-form-error" lead="Not sent:" message={props.emailError} />
        <form method="post" action="/subscribe" class="form">
          <TextField
            id="subscribe-email"
            label="Email address"
            type="email"
            name="email"
            maxlength={254}
            autocomplete="email"
            value={values.email ?? ''}
            hint="We send one email with a button to confirm. Nothing else is sent until you press it; the link works for 48 hours."
            errorId={props.emailError ? 'email-form-error' : undefined}
          />
          <ChoiceFields
            catalog={props.catalog}
            chosen={values.choices ?? { componentIds: [], areaIds: [] }}
          />
          <SubmitRow label="Subscribe" />
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
        <FormError id="webhook-form-error" lead="Not sent:" message={props.webhookError} />
        <form method="post" action="/subscribe/webhook" class="form">
          <TextField
            id="webhook-url"
            label="Webhook URL"
            type="url"
            name="url"
            maxlength={2000}
            placeholder="https://"
            value={values.webhookUrl ?? ''}
            hint="Must start with https://."
            errorId={props.webhookError ? 'webhook-form-error' : undefined}
          />
          <TextField
            id="webhook-email"
            label="Your email address"
            type="email"
            name="email"
            maxlength={254}
            autocomplete="email"
            value={values.webhookEmail ?? ''}
          />
          <SubmitRow label="Add webhook" />
        </form>
      </section>
    </Layout>
  )
}
