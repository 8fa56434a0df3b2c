import { Hono, type Context } from 'hono'
import type { AppBindings } from '../app-types'
import { checkEmail, loadCatalog } from '../domain/subscription-input'
import { enqueuePendingOutbox } from '../notify/delivery/enqueue-outbox'
import {
  confirmSubscription,
  saveChoices,
  unsubscribe,
  viewConfirmation,
  viewManage,
  viewUnsubscribe,
} from '../domain/subscription-links'
import { subscribe } from '../domain/subscriptions'
import { limitBody } from '../middleware/limits'
import { limitLookups } from '../middleware/lookup-limits'
import { sameOriginForms } from '../middleware/same-origin'
import { checkSubscribeLimits, clientIp } from '../middleware/subscribe-limits'
import { SubscribePage, type SubscribeFormValues } from '../views/subscribe-page'
import {
  CheckInboxPage,
  ConfirmedPage,
  ConfirmPage,
  ManagePage,
  UnsubscribedPage,
  UnsubscribePage,
} from '../views/subscription-pages'
import { htmlPage as page } from './html-page'
import { readForm } from './form-body'
import { PUBLIC_CACHE_CONTROL } from './public-cache'
import { varyByLanguage } from './page-reader'
import { sendConfirmationsLater, subscriptionContext } from './subscription-context'
import { formChoices, formError, formValue } from './subscription-form'
import {
  askedLanguageQuery,
  foreignOriginPage,
  frameOf,
  linkProblem,
  personal,
  rateLimitedPage,
  framed,
} from './subscription-frame'
import { readerChoiceSection } from './subscriber-preferences-page'

type Ctx = Context<AppBindings>

/**
 * The subscription pages: /subscribe (email and webhook forms) and the pages behind the links
 * in emails — confirm, manage, unsubscribe. A GET never changes anything; each change is a
 * POST to the same URL, authorised by the token in it. Form posts carrying another site's
 * Origin are refused, except RFC 8058 one-click unsubscribe.
 */
export const subscriptionPageRoutes = new Hono<AppBindings>()

subscriptionPageRoutes.get('/subscribe', async (c) => {
  const frame = await frameOf(c)
  const { pageName, catalog } = frame
  // The blank form is the same for every reader of a language: shared caches may keep it, one
  // copy per language.
  c.header('Cache-Control', PUBLIC_CACHE_CONTROL)
  varyByLanguage(c)
  return page(
    c,
    framed(
      c,
      frame,
      <SubscribePage pageName={pageName} catalog={catalog} query={askedLanguageQuery(c)} />,
    ),
  )
})

/** Shared by both subscribe forms: limits, the verb, then "check your inbox". */
async function handleSubscribeForm(c: Ctx, webhook: boolean) {
  const form = await readForm(c)
  const email = formValue(form, 'email').trim()
  const url = webhook ? formValue(form, 'url').trim() : undefined
  const choices = webhook ? undefined : formChoices(form)
  const frame = await frameOf(c)
  const values: SubscribeFormValues = webhook
    ? { webhookUrl: url, webhookEmail: email }
    : { email, choices }
  const refuse = (error: unknown) => {
    const message = formError(frame.reader, error)
    return personal(
      c,
      frame,
      <SubscribePage
        pageName={frame.pageName}
        catalog={frame.catalog}
        values={values}
        query={askedLanguageQuery(c)}
        {...(webhook ? { webhookError: message } : { emailError: message })}
      />,
      400,
    )
  }
  try {
    checkEmail(email)
  } catch (error) {
    return refuse(error)
  }
  if (await checkSubscribeLimits(c.env, clientIp(c), email)) return rateLimitedPage(c)
  let confirmations
  try {
    confirmations = await subscribe(subscriptionContext(c), {
      email,
      url,
      ...choices,
      readIn: frame.reader.lang,
    })
  } catch (error) {
    return refuse(error)
  }
  sendConfirmationsLater(c, confirmations)
  return personal(
    c,
    frame,
    <CheckInboxPage pageName={frame.pageName} email={email} webhook={webhook} />,
  )
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
  const [frame, catalog] = await Promise.all([frameOf(c), loadCatalog(c.env.DB)])
  return personal(
    c,
    frame,
    <ConfirmPage pageName={frame.pageName} subscriber={outcome.value} catalog={catalog} />,
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
    const frame = await frameOf(c)
    return personal(
      c,
      frame,
      <ConfirmedPage pageName={frame.pageName} confirmation={outcome.value} />,
    )
  },
)

subscriptionPageRoutes.get('/subscriptions/manage/:token', limitLookups(), async (c) => {
  const outcome = await viewManage(c.env.DB, c.req.param('token'), new Date())
  if (!outcome.ok) return linkProblem(c, 'manage', outcome)
  const [frame, catalog] = await Promise.all([frameOf(c), loadCatalog(c.env.DB)])
  return personal(
    c,
    frame,
    <ManagePage
      pageName={frame.pageName}
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
      const frame = await frameOf(c)
      return personal(
        c,
        frame,
        <UnsubscribedPage pageName={frame.pageName} subscriber={outcome.value} />,
      )
    }
    try {
      const outcome = await saveChoices(ctx, token, formChoices(form))
      if (!outcome.ok) return linkProblem(c, 'manage', outcome)
    } catch (error) {
      const frame = await frameOf(c)
      const message = formError(frame.reader, error)
      const outcome = await viewManage(ctx.db, token, ctx.now)
      if (!outcome.ok) return linkProblem(c, 'manage', outcome)
      const catalog = await loadCatalog(ctx.db)
      return personal(
        c,
        frame,
        <ManagePage
          pageName={frame.pageName}
          subscriber={outcome.value}
          catalog={catalog}
          error={message}
          preferences={await readerChoiceSection(c, outcome.value)}
        />,
        400,
      )
    }
    // Post/redirect/get: reloading the page does not post the form again. The language asked
    // for in the URL goes along.
    const lang = c.req.query('lang')
    const again = new URLSearchParams({ saved: '1', ...(lang ? { lang } : {}) })
    return c.redirect(`${c.req.path}?${again}`, 303)
  },
)

subscriptionPageRoutes.get('/subscriptions/unsubscribe/:token', limitLookups(), async (c) => {
  const outcome = await viewUnsubscribe(c.env.DB, c.req.param('token'), new Date())
  if (!outcome.ok) return linkProblem(c, 'unsubscribe', outcome)
  const frame = await frameOf(c)
  return personal(
    c,
    frame,
    <UnsubscribePage pageName={frame.pageName} subscriber={outcome.value} />,
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
    const frame = await frameOf(c)
    return personal(
      c,
      frame,
      <UnsubscribedPage pageName={frame.pageName} subscriber={outcome.value} />,
    )
  },
)
