import { Hono, type Context } from 'hono'
import type { AppBindings } from '../app-types'
import { CandorError } from '../domain/errors'
import type { SubscriptionChoices } from '../domain/subscriber-types'
import { checkEmail, loadCatalog, type Catalog } from '../domain/subscription-input'
import { enqueuePendingOutbox } from '../notify/delivery/enqueue-outbox'
import {
  confirmSubscription,
  saveChoices,
  subscribe,
  unsubscribe,
  viewConfirmation,
  viewManage,
  viewUnsubscribe,
  type LinkOutcome,
} from '../domain/subscriptions'
import { limitBody } from '../middleware/limits'
import { limitLookups } from '../middleware/lookup-limits'
import { sameOriginForms } from '../middleware/same-origin'
import {
  checkSubscribeLimits,
  clientIp,
  SUBSCRIBE_RETRY_AFTER_SECONDS,
} from '../middleware/subscribe-limits'
import type { LinkPurpose } from '../domain/link-purpose'
import { SubscribePage, type SubscribeFormValues } from '../views/subscribe-page'
import {
  CheckInboxPage,
  ConfirmedPage,
  ConfirmPage,
  LinkProblemPage,
  ManagePage,
  UnsubscribedPage,
  UnsubscribePage,
} from '../views/subscription-pages'
import { NoticePage } from '../views/page-form'
import { htmlPage as page, pageNameOf, privatePage } from './html-page'
import { readForm } from './form-body'
import { PUBLIC_CACHE_CONTROL } from './public-cache'
import { publicView } from './public-view-loader'
import { sendConfirmationsLater, subscriptionContext } from './subscription-context'
import { readerChoiceSection } from './subscriber-preferences-page'

type Ctx = Context<AppBindings>

/** What subscribers choose from, as the public page shows it (from the snapshot, no D1). */
async function publicCatalog(c: Ctx): Promise<{ pageName: string; catalog: Catalog }> {
  const view = await publicView(c)
  return {
    pageName: view.pageName,
    catalog: { components: view.snapshot.components, areas: view.snapshot.areas },
  }
}

/** The string values of a form field (checkboxes repeat their name). */
function formValues(form: Record<string, unknown>, name: string): string[] {
  const value = form[name]
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return list.filter((v): v is string => typeof v === 'string')
}

function formValue(form: Record<string, unknown>, name: string): string {
  return formValues(form, name)[0] ?? ''
}

function formChoices(form: Record<string, unknown>): SubscriptionChoices {
  return { componentIds: formValues(form, 'components'), areaIds: formValues(form, 'areas') }
}

/** A human sentence for a refused form: the domain's message for input errors. */
function formError(error: unknown): string {
  if (error instanceof CandorError && error.status < 500) return error.message
  throw error
}

async function foreignOriginPage(c: Ctx) {
  return privatePage(
    c,
    <NoticePage pageName={await pageNameOf(c)} heading="This form came from another site">
      <p>Nothing was changed. Open the link from your email and press the button on our page.</p>
    </NoticePage>,
    403,
  )
}

async function rateLimitedPage(c: Ctx) {
  c.header('Retry-After', String(SUBSCRIBE_RETRY_AFTER_SECONDS))
  return privatePage(
    c,
    <NoticePage pageName={await pageNameOf(c)} heading="Too many requests">
      <p>
        Nothing was sent. There were too many subscribe requests from your network or for this
        address; please try again in a minute.
      </p>
      <p>
        <a href="/subscribe">Back to the subscribe page</a>
      </p>
    </NoticePage>,
    429,
  )
}

/** The page for a link that does not work: 404 unknown, 410 expired or used. */
async function linkProblem(
  c: Ctx,
  purpose: LinkPurpose,
  outcome: Extract<LinkOutcome<unknown>, { ok: false }>,
) {
  return privatePage(
    c,
    <LinkProblemPage pageName={await pageNameOf(c)} purpose={purpose} reason={outcome.reason} />,
    outcome.reason === 'expired' ? 410 : 404,
  )
}

/**
 * The subscription pages: /subscribe (email and webhook forms) and the pages behind the links
 * in emails — confirm, manage, unsubscribe. A GET never changes anything; each change is a
 * POST to the same URL, authorised by the token in it. Form posts carrying another site's
 * Origin are refused, except RFC 8058 one-click unsubscribe.
 */
export const subscriptionPageRoutes = new Hono<AppBindings>()

subscriptionPageRoutes.get('/subscribe', async (c) => {
  const { pageName, catalog } = await publicCatalog(c)
  c.header('Cache-Control', PUBLIC_CACHE_CONTROL)
  return page(c, <SubscribePage pageName={pageName} catalog={catalog} />)
})

/** Shared by both subscribe forms: limits, the verb, then "check your inbox". */
async function handleSubscribeForm(c: Ctx, webhook: boolean) {
  const form = await readForm(c)
  const email = formValue(form, 'email').trim()
  const url = webhook ? formValue(form, 'url').trim() : undefined
  const choices = webhook ? undefined : formChoices(form)
  const { pageName, catalog } = await publicCatalog(c)
  const values: SubscribeFormValues = webhook
    ? { webhookUrl: url, webhookEmail: email }
    : { email, choices }
  const refuse = (message: string) =>
    privatePage(
      c,
      <SubscribePage
        pageName={pageName}
        catalog={catalog}
        values={values}
        {...(webhook ? { webhookError: message } : { emailError: message })}
      />,
      400,
    )
  try {
    checkEmail(email)
  } catch (error) {
    return refuse(formError(error))
  }
  if (await checkSubscribeLimits(c.env, clientIp(c), email)) return rateLimitedPage(c)
  let confirmations
  try {
    confirmations = await subscribe(subscriptionContext(c), { email, url, ...choices })
  } catch (error) {
    return refuse(formError(error))
  }
  sendConfirmationsLater(c, confirmations)
  return privatePage(c, <CheckInboxPage pageName={pageName} email={email} webhook={webhook} />)
}

const ourForms = sameOriginForms({ refuse: foreignOriginPage })

subscriptionPageRoutes.post('/subscribe', limitBody(), ourForms, (c) =>
  handleSubscribeForm(c, false),
)
subscriptionPageRoutes.post('/subscribe/webhook', limitBody(), ourForms, (c) =>
  handleSubscribeForm(c, true),
)

subscriptionPageRoutes.get('/subscriptions/confirm/:token', limitLookups(), async (c) => {
  const outcome = await viewConfirmation(c.env.DB, c.req.param('token'), new Date())
  if (!outcome.ok) return linkProblem(c, 'confirm', outcome)
  const [pageName, catalog] = await Promise.all([pageNameOf(c), loadCatalog(c.env.DB)])
  return privatePage(
    c,
    <ConfirmPage pageName={pageName} subscriber={outcome.value} catalog={catalog} />,
  )
})

subscriptionPageRoutes.post(
  '/subscriptions/confirm/:token',
  limitBody(),
  ourForms,
  limitLookups(),
  async (c) => {
    const outcome = await confirmSubscription(subscriptionContext(c), c.req.param('token'))
    if (!outcome.ok) return linkProblem(c, 'confirm', outcome)
    if (outcome.value.verificationStarted) {
      // The webhook.verify event is in the outbox; the cron sweep sends it if this fails.
      await enqueuePendingOutbox(c.env).catch((error: unknown) =>
        console.error('outbox enqueue failed; the sweep will retry', error),
      )
    }
    return privatePage(
      c,
      <ConfirmedPage pageName={await pageNameOf(c)} confirmation={outcome.value} />,
    )
  },
)

subscriptionPageRoutes.get('/subscriptions/manage/:token', limitLookups(), async (c) => {
  const outcome = await viewManage(c.env.DB, c.req.param('token'), new Date())
  if (!outcome.ok) return linkProblem(c, 'manage', outcome)
  const [pageName, catalog] = await Promise.all([pageNameOf(c), loadCatalog(c.env.DB)])
  return privatePage(
    c,
    <ManagePage
      pageName={pageName}
      subscriber={outcome.value}
      catalog={catalog}
      saved={c.req.query('saved') === '1'}
      preferences={await readerChoiceSection(c, outcome.value)}
    />,
  )
})

subscriptionPageRoutes.post(
  '/subscriptions/manage/:token',
  limitBody(),
  ourForms,
  limitLookups(),
  async (c) => {
    const token = c.req.param('token')
    const ctx = subscriptionContext(c)
    const form = await readForm(c)
    if (formValue(form, 'action') === 'leave') {
      const outcome = await unsubscribe(ctx, token, 'manage')
      if (!outcome.ok) return linkProblem(c, 'manage', outcome)
      return privatePage(
        c,
        <UnsubscribedPage pageName={await pageNameOf(c)} subscriber={outcome.value} />,
      )
    }
    try {
      const outcome = await saveChoices(ctx, token, formChoices(form))
      if (!outcome.ok) return linkProblem(c, 'manage', outcome)
    } catch (error) {
      const message = formError(error)
      const outcome = await viewManage(ctx.db, token, ctx.now)
      if (!outcome.ok) return linkProblem(c, 'manage', outcome)
      const [pageName, catalog] = await Promise.all([pageNameOf(c), loadCatalog(ctx.db)])
      return privatePage(
        c,
        <ManagePage
          pageName={pageName}
          subscriber={outcome.value}
          catalog={catalog}
          error={message}
          preferences={await readerChoiceSection(c, outcome.value)}
        />,
        400,
      )
    }
    // Post/redirect/get: reloading the page does not post the form again.
    return c.redirect(`${c.req.path}?saved=1`, 303)
  },
)

subscriptionPageRoutes.get('/subscriptions/unsubscribe/:token', limitLookups(), async (c) => {
  const outcome = await viewUnsubscribe(c.env.DB, c.req.param('token'), new Date())
  if (!outcome.ok) return linkProblem(c, 'unsubscribe', outcome)
  return privatePage(
    c,
    <UnsubscribePage pageName={await pageNameOf(c)} subscriber={outcome.value} />,
  )
})

/** RFC 8058: mail providers post `List-Unsubscribe=One-Click` from their own servers. */
async function isOneClick(c: Ctx): Promise<boolean> {
  return formValue(await readForm(c), 'List-Unsubscribe') === 'One-Click'
}

subscriptionPageRoutes.post(
  '/subscriptions/unsubscribe/:token',
  limitBody(),
  sameOriginForms({ refuse: foreignOriginPage, exempt: isOneClick }),
  async (c) => {
    const outcome = await unsubscribe(subscriptionContext(c), c.req.param('token'), 'unsubscribe')
    if (!outcome.ok) return linkProblem(c, 'unsubscribe', outcome)
    return privatePage(
      c,
      <UnsubscribedPage pageName={await pageNameOf(c)} subscriber={outcome.value} />,
    )
  },
)
