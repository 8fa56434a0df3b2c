import { Hono, type Context } from 'hono'
import type { AppBindings } from '../app-types'
import { chooseReader } from '../domain/subscriber-reader'
import type { Subscriber } from '../domain/subscriber-types'
import { viewManage } from '../domain/subscription-links'
import { loadCatalog } from '../domain/subscription-input'
import { timeZoneChoices } from '../i18n/time-zones'
import { limitBody } from '../middleware/limits'
import { limitLookups } from '../middleware/lookup-limits'
import { sameOriginForms } from '../middleware/same-origin'
import { ForReader } from '../views/for-reader'
import { NoticePage } from '../views/page-form'
import { LinkProblemPage, ManagePage } from '../views/subscription-pages'
import {
  SubscriberPreferences,
  type ReaderChoiceProps,
  type ReaderChoiceValues,
} from '../views/subscriber-preferences'
import { readForm } from './form-body'
import { privatePage } from './html-page'
import { pageReader } from './page-reader'
import { publicView } from './public-view-loader'
import { subscriptionContext } from './subscription-context'
import { problemsOf } from './validation-details'

type Ctx = Context<AppBindings>

/** The manage link's own path, from the token in this request's URL. */
function managePath(c: Ctx): string {
  return `/subscriptions/manage/${encodeURIComponent(c.req.param('token') ?? '')}`
}

/**
 * The manage page's language and time zone section for `subscriber`, in the reader's
 * language: its current choice, or what was typed and why it was refused.
 */
export async function readerChoiceSection(
  c: Ctx,
  subscriber: Subscriber,
  refused?: { values: ReaderChoiceValues; error: NonNullable<ReaderChoiceProps['error']> },
) {
  const view = await publicView(c)
  const page = view.snapshot.page
  return (
    <ForReader reader={pageReader(c, view)}>
      <SubscriberPreferences
        action={`${managePath(c)}/preferences`}
        pageName={view.pageName}
        values={
          refused?.values ?? {
            timeZone: subscriber.timeZone ?? '',
            language: subscriber.language ?? '',
          }
        }
        page={{ timeZone: page.timeZone, language: page.language }}
        zones={timeZoneChoices()}
        saved={!refused && c.req.query('saved') === 'preferences'}
        {...(refused ? { error: refused.error } : {})}
      />
    </ForReader>
  )
}

function formText(form: Record<string, unknown>, name: string): string {
  const value = form[name]
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first : ''
}

/** The refused field, in the reader's words. */
async function refusal(c: Ctx, error: unknown, values: ReaderChoiceValues) {
  const problem = problemsOf(error)?.[0]
  if (!problem) throw error
  const reader = pageReader(c, await publicView(c))
  return problem.path === 'language'
    ? { field: 'language' as const, message: reader.t('preferences.unknownLanguage') }
    : {
        field: 'time_zone' as const,
        message: reader.t('preferences.unknownZone', { value: values.timeZone.trim() }),
      }
}

async function foreignOriginPage(c: Ctx) {
  return privatePage(
    c,
    <NoticePage
      pageName={(await publicView(c)).pageName}
      heading="This form came from another site"
    >
      <p>Nothing was changed. Open the link from your email and press the button on our page.</p>
    </NoticePage>,
    403,
  )
}

/**
 * `POST /subscriptions/manage/:token/preferences`: the manage page's language and time zone
 * form. Saved, it goes back to the manage page (post/redirect/get); refused, the manage page
 * comes back with what was typed and why, and nothing changed.
 */
export const subscriberPreferencesRoutes = new Hono<AppBindings>()

subscriberPreferencesRoutes.post(
  '/subscriptions/manage/:token/preferences',
  limitBody(),
  sameOriginForms({ refuse: foreignOriginPage }),
  limitLookups(),
  async (c) => {
    const token = c.req.param('token')
    const ctx = subscriptionContext(c)
    const form = await readForm(c)
    const values = { timeZone: formText(form, 'time_zone'), language: formText(form, 'language') }
    let outcome
    try {
      outcome = await chooseReader(ctx, token, {
        time_zone: values.timeZone,
        language: values.language,
      })
    } catch (error) {
      const refused = { values, error: await refusal(c, error, values) }
      const [view, catalog, found] = await Promise.all([
        publicView(c),
        loadCatalog(ctx.db),
        viewManage(ctx.db, token, ctx.now),
      ])
      if (!found.ok) throw error
      return privatePage(
        c,
        <ManagePage
          pageName={view.pageName}
          subscriber={found.value}
          catalog={catalog}
          preferences={await readerChoiceSection(c, found.value, refused)}
        />,
        400,
      )
    }
    if (!outcome.ok) {
      return privatePage(
        c,
        <LinkProblemPage
          pageName={(await publicView(c)).pageName}
          purpose="manage"
          reason={outcome.reason}
        />,
        outcome.reason === 'expired' ? 410 : 404,
      )
    }
    return c.redirect(`${managePath(c)}?saved=preferences`, 303)
  },
)
