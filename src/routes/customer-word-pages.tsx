import { Hono, type Context } from 'hono'
import type { AppBindings } from '../app-types'
import { invalidField } from '../domain/errors'
import { reopenByLink, viewReopenLink } from '../domain/reopen'
import {
  answerByLink,
  answerOnPage,
  reportAffected,
  viewAnswerLink,
} from '../domain/resolution-votes'
import type { ResolutionChoice } from '../domain/types'
import { rebuildSnapshot } from '../durable/rebuild-snapshot'
import { afterWrite } from '../middleware/after-write'
import { ANSWER_RETRY_AFTER_SECONDS, withinAnswerLimit } from '../middleware/answer-limits'
import { limitBody } from '../middleware/limits'
import { LOOKUP_RETRY_AFTER_SECONDS, withinLookupLimit } from '../middleware/lookup-limits'
import { sameOriginForms } from '../middleware/same-origin'
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
import { RefusalPage } from '../views/error-page'
import { baseUrl as baseUrlOf } from './context'
import { pageNameOf } from './html-page'
import { readerPage } from './reader-page'
import { readForm } from './form-body'

type Ctx = Context<AppBindings>

async function foreignOriginPage(c: Ctx) {
  return readerPage(
    c,
    <RefusalPage
      pageName={await pageNameOf(c)}
      heading="error.foreignHeading"
      text="error.foreignText"
    />,
    403,
  )
}

async function rateLimitedPage(c: Ctx) {
  c.header('Retry-After', String(ANSWER_RETRY_AFTER_SECONDS))
  return readerPage(
    c,
    <RefusalPage
      pageName={await pageNameOf(c)}
      heading="error.title.rateLimited"
      text="error.answersLimited"
    />,
    429,
  )
}

/** Over the LOOKUP_BY_IP limit: a link is looked up in D1, so one network may only try so many. */
async function lookupLimitedPage(c: Ctx) {
  c.header('Retry-After', String(LOOKUP_RETRY_AFTER_SECONDS))
  return readerPage(
    c,
    <RefusalPage
      pageName={await pageNameOf(c)}
      heading="error.title.rateLimited"
      text="error.linksLimited"
    />,
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
 * and form posts carrying another site's Origin are refused. Each link followed costs a D1
 * lookup, so one client network may follow only so many a minute (LOOKUP_BY_IP). After each change the public
 * snapshot is rebuilt, so the page and the v2 API show the new counts at once.
 */
export const customerWordRoutes = new Hono<AppBindings>()

const ourForms = sameOriginForms({ refuse: foreignOriginPage })

/** "Thank you": the page after an answer, from the email link or the incident page. */
async function answeredPage(
  c: Context<AppBindings>,
  incident: { id: string; name: string },
  choice: ResolutionChoice,
) {
  return readerPage(
    c,
    <AnsweredPage
      pageName={await pageNameOf(c)}
      incidentId={incident.id}
      incidentName={incident.name}
      choice={choice}
    />,
    200,
    `/incidents/${incident.id}`,
  )
}

customerWordRoutes.get('/resolution/:token', async (c) => {
  if (!(await withinLookupLimit(c))) return lookupLimitedPage(c)
  const outcome = await viewAnswerLink(c.env.DB, c.req.param('token'), new Date())
  const pageName = await pageNameOf(c)
  if (!outcome.ok) {
    return readerPage(
      c,
      <AnswerLinkProblemPage pageName={pageName} reason={outcome.reason} />,
      outcome.reason === 'unknown' ? 404 : outcome.reason === 'expired' ? 410 : 409,
    )
  }
  const { incident, choice } = outcome.value
  return readerPage(
    c,
    <AnswerLinkPage
      pageName={pageName}
      incidentId={incident.id}
      incidentName={incident.name}
      choice={choice}
    />,
  )
})

customerWordRoutes.post('/resolution/:token', limitBody(), ourForms, async (c) => {
  if (!(await withinLookupLimit(c))) return lookupLimitedPage(c)
  const outcome = await answerByLink({ db: c.env.DB, now: new Date() }, c.req.param('token'))
  if (!outcome.ok) {
    return readerPage(
      c,
      <AnswerLinkProblemPage pageName={await pageNameOf(c)} reason={outcome.reason} />,
      outcome.reason === 'unknown' ? 404 : outcome.reason === 'expired' ? 410 : 409,
    )
  }
  const { incident, choice, changed } = outcome.value
  // A repeated answer changes no count: the snapshot stays as it is.
  if (changed) await rebuildSnapshot(c.env, { waitUntil: (p) => c.executionCtx.waitUntil(p) })
  return answeredPage(c, incident, choice)
})

customerWordRoutes.post('/incidents/:id/resolution', limitBody(), ourForms, async (c) => {
  const form = await readForm(c)
  const choice = parseChoice(field(form, 'choice'))
  const ip = clientIp(c)
  if (!(await withinAnswerLimit(c.env, ip))) return rateLimitedPage(c)
  const { incident, changed } = await answerOnPage(
    { db: c.env.DB, now: new Date() },
    { incidentId: c.req.param('id'), choice, ip, areaId: field(form, 'area') || null },
  )
  if (changed) await rebuildSnapshot(c.env, { waitUntil: (p) => c.executionCtx.waitUntil(p) })
  return answeredPage(c, incident, choice)
})

customerWordRoutes.post('/incidents/:id/affected', limitBody(), ourForms, async (c) => {
  const form = await readForm(c)
  const ip = clientIp(c)
  if (!(await withinAnswerLimit(c.env, ip))) return rateLimitedPage(c)
  const { incident, counted } = await reportAffected(
    { db: c.env.DB, now: new Date() },
    { incidentId: c.req.param('id'), ip, areaId: field(form, 'area') || null },
  )
  if (counted) await rebuildSnapshot(c.env, { waitUntil: (p) => c.executionCtx.waitUntil(p) })
  return readerPage(
    c,
    <ReportedPage
      pageName={await pageNameOf(c)}
      incidentId={incident.id}
      incidentName={incident.name}
      counted={counted}
    />,
    200,
    `/incidents/${incident.id}`,
  )
})

customerWordRoutes.get('/reopen/:token', async (c) => {
  if (!(await withinLookupLimit(c))) return lookupLimitedPage(c)
  const outcome = await viewReopenLink(c.env.DB, c.req.param('token'), new Date())
  const pageName = await pageNameOf(c)
  if (!outcome.ok) {
    return readerPage(
      c,
      <ReopenLinkProblemPage pageName={pageName} reason={outcome.reason} />,
      outcome.reason === 'unknown' ? 404 : outcome.reason === 'expired' ? 410 : 409,
    )
  }
  const { incident } = outcome
  return readerPage(
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
customerWordRoutes.post('/reopen/:token', limitBody(), ourForms, afterWrite(), async (c) => {
  if (!(await withinLookupLimit(c))) return lookupLimitedPage(c)
  const outcome = await reopenByLink(
    { db: c.env.DB, now: new Date(), baseUrl: baseUrlOf(c) },
    c.req.param('token'),
  )
  const pageName = await pageNameOf(c)
  if (!outcome.ok) {
    return readerPage(
      c,
      <ReopenLinkProblemPage pageName={pageName} reason={outcome.reason} />,
      outcome.reason === 'unknown' ? 404 : outcome.reason === 'expired' ? 410 : 409,
    )
  }
  return readerPage(
    c,
    <ReopenedPage
      pageName={pageName}
      incidentId={outcome.incident.id}
      incidentName={outcome.incident.name}
    />,
    200,
    `/incidents/${outcome.incident.id}`,
  )
})
