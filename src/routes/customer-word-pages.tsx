import { Hono, type Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppBindings } from '../app-types'
import { invalidField } from '../domain/errors'
import { reopenByLink, viewReopenLink } from '../domain/reopen'
import {
  answerByLink,
  answerOnPage,
  reportAffected,
  viewAnswerLink,
} from '../domain/resolution-votes'
import { refreshSnapshot } from '../domain/snapshot'
import type { ResolutionChoice } from '../domain/types'
import { afterWrite } from '../middleware/after-write'
import { ANSWER_RETRY_AFTER_SECONDS, withinAnswerLimit } from '../middleware/answer-limits'
import { limitBody } from '../middleware/limits'
import { isForeignOrigin } from '../middleware/same-origin'
import { clientIp } from '../middleware/subscribe-limits'
import {
  AnsweredPage,
  AnswerLinkPage,
  AnswerLinkProblemPage,
  ReopenedPage,
  ReopenLinkPage,
  ReopenLinkProblemPage,
  ReportedPage,
} from '../views/answer-pages'
import { NoticePage } from '../views/subscription-pages'
import { baseUrl as baseUrlOf } from './context'
import { readForm } from './form-body'
import { publicView } from './public-view-loader'

type Ctx = Context<AppBindings>

/** An answer page: never cached, never indexed, and a token in its URL never sent onwards. */
function privatePage(c: Ctx, body: Child, status: ContentfulStatusCode = 200) {
  c.header('Cache-Control', 'no-store')
  c.header('Referrer-Policy', 'no-referrer')
  c.header('X-Robots-Tag', 'noindex')
  return c.html(`<!doctype html>${String(body)}`, status)
}

async function pageNameOf(c: Ctx): Promise<string> {
  return (await publicView(c)).pageName
}

async function foreignOriginPage(c: Ctx) {
  return privatePage(
    c,
    <NoticePage pageName={await pageNameOf(c)} heading="This form came from another site">
      <p>Nothing was recorded. Open the page on our site and press its button there.</p>
    </NoticePage>,
    403,
  )
}

async function rateLimitedPage(c: Ctx) {
  c.header('Retry-After', String(ANSWER_RETRY_AFTER_SECONDS))
  return privatePage(
    c,
    <NoticePage pageName={await pageNameOf(c)} heading="Too many requests">
      <p>Nothing was recorded. Too many answers came from your network; try again in a minute.</p>
    </NoticePage>,
    429,
  )
}

/** The first string value of a form field, or ''. */
function field(form: Record<string, unknown>, name: string): string {
  const value = form[name]
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first.trim() : ''
}

function parseChoice(value: string): ResolutionChoice {
  if (value === 'fixed' || value === 'still_broken') return value
  throw invalidField('choice', 'Choose "fixed" or "still_broken".')
}

/**
 * The public side of the resolution check: the answer links in resolution emails, the
 * incident page's "fixed for me / still broken" and "I'm affected" buttons, and the ops
 * alert's one-click reopen link. A GET never changes anything; only a button's POST does,
 * and form posts carrying another site's Origin are refused. After each change the public
 * snapshot is rebuilt, so the page and the v2 API show the new counts at once.
 */
export const customerWordRoutes = new Hono<AppBindings>()

/** "Thank you": the page after an answer, from the email link or the incident page. */
async function answeredPage(
  c: Context<AppBindings>,
  incident: { id: string; name: string },
  choice: ResolutionChoice,
) {
  return privatePage(
    c,
    <AnsweredPage
      pageName={await pageNameOf(c)}
      incidentId={incident.id}
      incidentName={incident.name}
      choice={choice}
    />,
  )
}

customerWordRoutes.get('/resolution/:token', async (c) => {
  const outcome = await viewAnswerLink(c.env.DB, c.req.param('token'), new Date())
  const pageName = await pageNameOf(c)
  if (!outcome.ok) {
    return privatePage(
      c,
      <AnswerLinkProblemPage pageName={pageName} reason={outcome.reason} />,
      outcome.reason === 'unknown' ? 404 : outcome.reason === 'expired' ? 410 : 409,
    )
  }
  const { incident, choice } = outcome.value
  return privatePage(
    c,
    <AnswerLinkPage
      pageName={pageName}
      incidentId={incident.id}
      incidentName={incident.name}
      choice={choice}
    />,
  )
})

customerWordRoutes.post('/resolution/:token', limitBody(), async (c) => {
  if (isForeignOrigin(c)) return foreignOriginPage(c)
  const outcome = await answerByLink({ db: c.env.DB, now: new Date() }, c.req.param('token'))
  if (!outcome.ok) {
    return privatePage(
      c,
      <AnswerLinkProblemPage pageName={await pageNameOf(c)} reason={outcome.reason} />,
      outcome.reason === 'unknown' ? 404 : outcome.reason === 'expired' ? 410 : 409,
    )
  }
  const { incident, choice, changed } = outcome.value
  // A repeated answer changes no count: the snapshot stays as it is.
  if (changed) await refreshSnapshot(c.env)
  return answeredPage(c, incident, choice)
})

customerWordRoutes.post('/incidents/:id/resolution', limitBody(), async (c) => {
  if (isForeignOrigin(c)) return foreignOriginPage(c)
  const form = await readForm(c)
  const choice = parseChoice(field(form, 'choice'))
  const ip = clientIp(c)
  if (!(await withinAnswerLimit(c.env, ip))) return rateLimitedPage(c)
  const { incident, changed } = await answerOnPage(
    { db: c.env.DB, now: new Date() },
    { incidentId: c.req.param('id'), choice, ip, areaId: field(form, 'area') || null },
  )
  if (changed) await refreshSnapshot(c.env)
  return answeredPage(c, incident, choice)
})

customerWordRoutes.post('/incidents/:id/affected', limitBody(), async (c) => {
  if (isForeignOrigin(c)) return foreignOriginPage(c)
  const form = await readForm(c)
  const ip = clientIp(c)
  if (!(await withinAnswerLimit(c.env, ip))) return rateLimitedPage(c)
  const { incident, counted } = await reportAffected(
    { db: c.env.DB, now: new Date() },
    { incidentId: c.req.param('id'), ip, areaId: field(form, 'area') || null },
  )
  if (counted) await refreshSnapshot(c.env)
  return privatePage(
    c,
    <ReportedPage
      pageName={await pageNameOf(c)}
      incidentId={incident.id}
      incidentName={incident.name}
      counted={counted}
    />,
  )
})

customerWordRoutes.get('/reopen/:token', async (c) => {
  const outcome = await viewReopenLink(c.env.DB, c.req.param('token'), new Date())
  const pageName = await pageNameOf(c)
  if (!outcome.ok) {
    return privatePage(
      c,
      <ReopenLinkProblemPage pageName={pageName} reason={outcome.reason} />,
      outcome.reason === 'unknown' ? 404 : outcome.reason === 'expired' ? 410 : 409,
    )
  }
  const { incident } = outcome
  return privatePage(
    c,
    <ReopenLinkPage
      pageName={pageName}
      incidentId={incident.id}
      incidentName={incident.name}
      fixed={incident.resolutionCheck.fixed}
      stillBroken={incident.resolutionCheck.stillBroken}
    />,
  )
})

// afterWrite: the reopening update is announced (outbox) and shown (snapshot) like any other.
customerWordRoutes.post('/reopen/:token', limitBody(), afterWrite(), async (c) => {
  if (isForeignOrigin(c)) return foreignOriginPage(c)
  const outcome = await reopenByLink(
    { db: c.env.DB, now: new Date(), baseUrl: baseUrlOf(c) },
    c.req.param('token'),
  )
  const pageName = await pageNameOf(c)
  if (!outcome.ok) {
    return privatePage(
      c,
      <ReopenLinkProblemPage pageName={pageName} reason={outcome.reason} />,
      outcome.reason === 'unknown' ? 404 : outcome.reason === 'expired' ? 410 : 409,
    )
  }
  return privatePage(
    c,
    <ReopenedPage
      pageName={pageName}
      incidentId={outcome.incident.id}
      incidentName={outcome.incident.name}
    />,
  )
})
