import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { CandorError } from '../../domain/errors'
import { getIncident } from '../../domain/incidents'
import {
  deletePostmortem,
  findPostmortem,
  publishPostmortem,
  renderPostmortem,
  revertPostmortem,
  savePostmortemDraft,
} from '../../domain/postmortems'
import { PostmortemInput } from '../../schemas/postmortems'
import type { FormState } from '../../views/console/fields'
import { PostmortemPage } from '../../views/console/postmortem-section'
import { verbContext } from '../context'
import { privatePage } from '../html-page'
import { attempt, consoleFrame, parseWith, readConsoleForm } from './console-form'

type Ctx = Context<AppBindings>

/**
 * The postmortem of an incident, from the Postmortem section of its page: save the markdown
 * draft or preview it, publish it (optionally telling subscribers), revert it to a draft, or
 * delete it. Each write calls the verb the API calls; every POST needs an editor.
 */
export const postmortemScreenRoutes = new Hono<AppBindings>()

function landing(c: Ctx, id: string, done: string) {
  return c.redirect(`/console/incidents/${id}?done=${done}#postmortem`, 303)
}

/** The postmortem's own page: a preview, a refused draft (400) or an action refused (409). */
async function renderPostmortemPage(
  c: Ctx,
  id: string,
  options: { form?: FormState; previewHtml?: string; status?: 200 | 400 | 409; notice?: string },
) {
  const incident = await getIncident(c.env.DB, id, 'incident')
  const postmortem = await findPostmortem(c.env.DB, id)
  return privatePage(
    c,
    <PostmortemPage
      frame={await consoleFrame(c)}
      incident={incident}
      postmortem={postmortem}
      form={options.form}
      previewHtml={options.previewHtml}
      notice={options.notice}
    />,
    options.status ?? 200,
  )
}

postmortemScreenRoutes.post('/incidents/:id/postmortem', async (c) => {
  const id = c.req.param('id')
  await getIncident(c.env.DB, id, 'incident')
  const form = await readConsoleForm(c)
  const read = parseWith(PostmortemInput, { body: form.values.body ?? '' })
  if (!read.ok) {
    return renderPostmortemPage(c, id, { form: { ...form, errors: read.errors }, status: 400 })
  }
  if (form.values.intent === 'preview') {
    // Nothing is written: the draft as typed, rendered as readers would get it.
    return renderPostmortemPage(c, id, { form, previewHtml: renderPostmortem(read.value.body) })
  }
  const saved = await attempt(() => savePostmortemDraft(verbContext(c), id, read.value))
  if (!saved.ok) {
    return renderPostmortemPage(c, id, { form: { ...form, errors: saved.errors }, status: 400 })
  }
  return landing(c, id, 'postmortem-saved')
})

/** Runs a one-click postmortem action; when it no longer applies, says why with 409. */
async function oneClick(c: Ctx, done: string, action: (id: string) => Promise<unknown>) {
  const id = c.req.param('id')!
  try {
    await action(id)
  } catch (error) {
    if (!(error instanceof CandorError && error.code === 'conflict')) throw error
    return renderPostmortemPage(c, id, { status: 409, notice: `Nothing done: ${error.message}` })
  }
  return landing(c, id, done)
}

postmortemScreenRoutes.post('/incidents/:id/postmortem/publish', async (c) => {
  const notifySubscribers = (await readConsoleForm(c)).values.notify_subscribers === 'on'
  return oneClick(c, notifySubscribers ? 'postmortem-notified' : 'postmortem-published', (id) =>
    publishPostmortem(verbContext(c), id, { notifySubscribers }),
  )
})

postmortemScreenRoutes.post('/incidents/:id/postmortem/revert', (c) =>
  oneClick(c, 'postmortem-reverted', (id) => revertPostmortem(verbContext(c), id)),
)

postmortemScreenRoutes.post('/incidents/:id/postmortem/delete', (c) =>
  oneClick(c, 'postmortem-deleted', (id) => deletePostmortem(verbContext(c), id)),
)
