import type { Catalog } from '../domain/subscription-input'
import type { SubscriptionChoices } from '../domain/subscriber-types'
import { useReader } from '../i18n/reader-context'
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
 * Errors come already in the reader's words.
 */
export function SubscribePage(props: {
  pageName: string
  catalog: Catalog
  values?: SubscribeFormValues
  /** A query the forms post with (`?lang=…` when the page was asked for in a language). */
  query?: string
  emailError?: string
  webhookError?: string
}) {
  const { t, rich } = useReader()
  const values = props.values ?? {}
  const page = props.pageName
  return (
    <Layout
      pageName={page}
      title={t('subscribe.title', { page })}
      description={t('subscribe.description', { page })}
      current="subscribe"
    >
      <h1>{t('subscribe.heading')}</h1>
      <p>{t('subscribe.intro')}</p>

      <section aria-labelledby="by-email">
        <h2 id="by-email">{t('subscribe.byEmail')}</h2>
        <FormError id="email-form-error" lead={t('subscribe.notSent')} message={props.emailError} />
        <form method="post" action={`/subscribe${props.query ?? ''}`} class="form">
          <TextField
            id="subscribe-email"
            label={t('subscribe.emailLabel')}
            type="email"
            name="email"
            maxlength={254}
            autocomplete="email"
            value={values.email ?? ''}
            hint={t('subscribe.emailHint')}
            errorId={props.emailError ? 'email-form-error' : undefined}
          />
          <ChoiceFields
            catalog={props.catalog}
            chosen={values.choices ?? { componentIds: [], areaIds: [] }}
          />
          <SubmitRow label={t('subscribe.submit')} />
        </form>
      </section>

      <section aria-labelledby="by-webhook">
        <h2 id="by-webhook">{t('subscribe.byWebhook')}</h2>
        <p>
          {rich('subscribe.webhookIntro', {
            a: (chunks) => <a href="https://www.standardwebhooks.com/">{chunks}</a>,
          })}
        </p>
        <FormError
          id="webhook-form-error"
          lead={t('subscribe.notSent')}
          message={props.webhookError}
        />
        <form method="post" action={`/subscribe/webhook${props.query ?? ''}`} class="form">
          <TextField
            id="webhook-url"
            label={t('subscribe.webhookUrlLabel')}
            type="url"
            name="url"
            maxlength={2000}
            placeholder="https://"
            value={values.webhookUrl ?? ''}
            hint={t('subscribe.webhookUrlHint')}
            errorId={props.webhookError ? 'webhook-form-error' : undefined}
          />
          <TextField
            id="webhook-email"
            label={t('subscribe.webhookEmailLabel')}
            type="email"
            name="email"
            maxlength={254}
            autocomplete="email"
            value={values.webhookEmail ?? ''}
          />
          <SubmitRow label={t('subscribe.addWebhook')} />
        </form>
      </section>
    </Layout>
  )
}
