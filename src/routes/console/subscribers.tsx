import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppBindings } from '../../app-types'
import { CandorError } from '../../domain/errors'
import {
  exportSubscribers,
  resendConfirmation,
  unsubscribeSubscriber,
} from '../../domain/subscriber-admin'
import { importSubscribers } from '../../domain/subscriber-import'
import { reactivateSubscriber } from '../../domain/subscriber-states'
import { SUBSCRIBER_STATUSES, type SubscriberStatus } from '../../domain/subscriber-types'
import { listSubscribers } from '../../domain/subscriber-list'
import { checkAddressLimit } from '../../middleware/subscribe-limits'
import type { FormState } from '../../views/console/fields'
import { ImportReportPage } from '../../views/console/subscriber-import-report'
import { SubscribersPage, type SubscriberQuery } from '../../views/console/subscribers-page'
import { verbContext } from '../context'
import { readForm } from '../form-body'
import { privatePage } from '../html-page'
import { sendConfirmationsLater } from '../subscription-context'
import { attempt, consoleFrame } from './console-form'
import { requireRole } from './console-session'

type Ctx = Context<AppBindings>

const PAGE_SIZE = 50

const DONE: Record<string, string> = {
  unsubscribed: 'Unsubscribed. They hear about nothing more.',
  resent: 'A new confirmation email is on its way (its link works for 48 hours).',
  reactivated: 'Reactivated. It is sent events again.',
}

/**
 * Email subscribers: search by address, filter by state, a page at a time; import and export
 * CSV; unsubscribe one, send a pending one a new confirmation, or reactivate a quarantined one. Editors and owners only,
 * for reading too: the screen shows addresses.
 */
export const subscriberScreenRoutes = new Hono<AppBindings>()

subscriberScreenRoutes.use('/subscribers', requireRole('editor'))
subscriberScreenRoutes.use('/subscribers/*', requireRole('editor'))

/** The search and filter of the list's query string. */
function queryOf(c: Ctx): SubscriberQuery {
  const q = (c.req.query('q') ?? '').trim().slice(0, 254)
  const asked = c.req.query('status') ?? ''
  // `disabled` is the stored status a quarantined subscriber has (older links use it).
  const status = asked === 'disabled' ? 'quarantined' : asked
  const known =
    status === 'quarantined' || (SUBSCRIBER_STATUSES as readonly string[]).includes(status)
  return { q, status: known ? status : '' }
}

function filterOf(query: SubscriberQuery) {
  const quarantined = query.status === 'quarantined'
  return {
    kind: 'email' as const,
    status: (quarantined ? undefined : query.status || undefined) as SubscriberStatus | undefined,
    state: quarantined ? 'quarantined' : undefined,
    search: query.q || undefined,
  }
}

/** The list page, optionally with an import form that came back or an error above it. */
async function listPage(
  c: Ctx,
  options: { importForm?: FormState; error?: string; status?: ContentfulStatusCode } = {},
) {
  const query = queryOf(c)
  const cursor = c.req.query('cursor')?.slice(0, 64) || undefined
  const page = await listSubscribers(c.env.DB, { ...filterOf(query), cursor, limit: PAGE_SIZE })
  return privatePage(
    c,
    <SubscribersPage
      frame={await consoleFrame(c)}
      query={query}
      subscribers={page.subscribers}
      nextCursor={page.nextCursor}
      paged={cursor !== undefined}
      notice={DONE[c.req.query('done') ?? '']}
      error={options.error}
      importForm={options.importForm}
    />,
    options.status,
  )
}

/** Where to go back to after a row's action: the list as it was (never elsewhere), with a notice. */
function backTo(form: Record<string, unknown>, done: string): string {
  const back = typeof form.back === 'string' ? form.back : ''
  // A `back` that is no URL at all (the fuzzer sends `//[`) goes back to the plain list.
  const url = back.startsWith('/') ? URL.parse(back, 'http://console.invalid') : null
  const list =
    url && url.pathname === '/console/subscribers'
      ? url
      : new URL('/console/subscribers', 'http://console.invalid')
  list.searchParams.set('done', done)
  return `${list.pathname}${list.search}`
}

subscriberScreenRoutes.get('/subscribers', (c) => listPage(c))

subscriberScreenRoutes.get('/subscribers/export.csv', async (c) => {
  const csv = await exportSubscribers(c.env.DB, filterOf(queryOf(c)))
  c.header('Cache-Control', 'no-store')
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="subscribers.csv"',
  })
})

subscriberScreenRoutes.post('/subscribers/import', async (c) => {
  const form = await readForm(c)
  const file = form.file
  const consented = form.consented === 'true'
  const values = { consented: consented ? 'true' : undefined }
  const refuse = (message: string) =>
    listPage(c, { importForm: { values, errors: { file: message } }, status: 400 })
  if (!(file instanceof File) || file.size === 0) return refuse('Choose a CSV file to import.')
  const ctx = verbContext(c)
  const csv = await file.text()
  const result = await attempt(() =>
    importSubscribers({ ...ctx, baseUrl: ctx.baseUrl ?? '' }, csv, consented),
  )
  // The verb's refusals are about the file as a whole.
  if (!result.ok) return refuse(Object.values(result.errors)[0] ?? 'This file cannot be imported.')
  sendConfirmationsLater(c, result.value.confirmations)
  return privatePage(
    c,
    <ImportReportPage frame={await consoleFrame(c)} report={result.value.report} />,
  )
})

/** A row's action that the verb refused (a conflict, a limit): the list with why, and its status. */
async function refusedAction(c: Ctx, error: unknown) {
  if (
    error instanceof CandorError &&
    (error.code === 'conflict' || error.code === 'rate_limited')
  ) {
    if (error.code === 'rate_limited') c.header('Retry-After', '60')
    return listPage(c, { error: error.message, status: error.status })
  }
  throw error
}

subscriberScreenRoutes.post('/subscribers/:id/unsubscribe', async (c) => {
  const form = await readForm(c)
  await unsubscribeSubscriber(verbContext(c), c.req.param('id'))
  return c.redirect(backTo(form, 'unsubscribed'), 303)
})

subscriberScreenRoutes.post('/subscribers/:id/resend', async (c) => {
  const form = await readForm(c)
  try {
    const ctx = verbContext(c)
    const { confirmation } = await resendConfirmation(
      { ...ctx, baseUrl: ctx.baseUrl ?? '' },
      c.req.param('id'),
      (address) => checkAddressLimit(c.env, address),
    )
    sendConfirmationsLater(c, [confirmation])
  } catch (error) {
    return refusedAction(c, error)
  }
  return c.redirect(backTo(form, 'resent'), 303)
})

subscriberScreenRoutes.post('/subscribers/:id/reactivate', async (c) => {
  const form = await readForm(c)
  try {
    await reactivateSubscriber(verbContext(c), c.req.param('id'))
  } catch (error) {
    return refusedAction(c, error)
  }
  return c.redirect(backTo(form, 'reactivated'), 303)
})
