import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppBindings } from '../../app-types'
import { CandorError } from '../../domain/errors'
import {
  changeMember,
  getMember,
  inviteMember,
  listMembers,
  removeMember,
  resendInvitation,
  type Member,
} from '../../domain/members'
import { enqueueMails } from '../../notify/delivery/transactional-mail'
import { MemberChange, MemberInput } from '../../schemas/members'
import { EMPTY_FORM, valueOf, type FormState } from '../../views/console/fields'
import {
  MemberPage,
  MembersPage,
  RemoveMemberPage,
  type MemberNotice,
} from '../../views/console/members-page'
import { baseUrl, verbContext } from '../context'
import { privatePage } from '../html-page'
import { attempt, consoleFrame, parseWith, readConsoleForm } from './console-form'
import { requireRole } from './console-session'

type Ctx = Context<AppBindings>

const NOTICES: Record<string, MemberNotice> = {
  invited: 'invited',
  changed: 'changed',
  removed: 'removed',
  resent: 'resent',
}

/**
 * Members (owner only): the list with the invitation form, one member's page (name and role,
 * a new invitation while invited), and removing with a confirmation page. The same verbs as
 * `/api/v1/members`; the last owner's refusal (409) is shown as the page's problem.
 */
export const memberScreens = new Hono<AppBindings>()

// Scoped to this screen's paths: a `*` here would reach every screen mounted after it.
memberScreens.use('/members/*', requireRole('owner'))

/** The mail a verb recorded, handed to the queue (the clock's sweep sends it if this fails). */
function enqueue(c: Ctx, mailId: string, what: string) {
  c.executionCtx.waitUntil(
    enqueueMails(c.env.DELIVERIES, [mailId]).catch((error: unknown) =>
      console.error(`enqueueing ${what} failed; the sweep sends it`, error),
    ),
  )
}

/** A domain refusal the page can show (409: the last owner, a taken address, …), else rethrown. */
function conflictOf(error: unknown): string {
  if (error instanceof CandorError && error.code === 'conflict') return error.message
  throw error
}

async function listPage(c: Ctx, form: FormState = EMPTY_FORM, status: ContentfulStatusCode = 200) {
  const notice = NOTICES[c.req.query('done') ?? '']
  return privatePage(
    c,
    <MembersPage
      frame={await consoleFrame(c)}
      members={await listMembers(c.env.DB)}
      form={form}
      notice={notice}
    />,
    status,
  )
}

async function memberPage(
  c: Ctx,
  member: Member,
  extra: { form?: FormState; problem?: string } = {},
  status: ContentfulStatusCode = 200,
) {
  const notice = NOTICES[c.req.query('done') ?? '']
  return privatePage(
    c,
    <MemberPage
      frame={await consoleFrame(c)}
      member={member}
      form={extra.form ?? EMPTY_FORM}
      problem={extra.problem}
      notice={notice}
    />,
    status,
  )
}

memberScreens.get('/members', (c) => listPage(c))

memberScreens.post('/members', async (c) => {
  const form = await readConsoleForm(c)
  const name = valueOf(form, 'name').trim()
  const parsed = parseWith(MemberInput, {
    email: valueOf(form, 'email').trim(),
    name: name === '' ? undefined : name,
    role: valueOf(form, 'role'),
  })
  if (!parsed.ok) return listPage(c, { ...form, errors: parsed.errors }, 400)
  const ctx = { ...verbContext(c), baseUrl: baseUrl(c) }
  let invited
  try {
    invited = await attempt(() => inviteMember(ctx, parsed.value))
  } catch (error) {
    return listPage(c, { ...form, errors: { email: conflictOf(error) } }, 409)
  }
  if (!invited.ok) return listPage(c, { ...form, errors: invited.errors }, 400)
  enqueue(c, invited.value.mailId, 'an invitation')
  return c.redirect('/console/members?done=invited', 303)
})

memberScreens.get('/members/:id', async (c) =>
  memberPage(c, await getMember(c.env.DB, c.req.param('id'))),
)

memberScreens.post('/members/:id', async (c) => {
  const member = await getMember(c.env.DB, c.req.param('id'))
  const form = await readConsoleForm(c)
  const name = valueOf(form, 'name').trim()
  const parsed = parseWith(MemberChange, {
    name: name === '' ? null : name,
    role: valueOf(form, 'role'),
  })
  if (!parsed.ok) return memberPage(c, member, { form: { ...form, errors: parsed.errors } }, 400)
  try {
    await changeMember(verbContext(c), member.id, parsed.value)
  } catch (error) {
    return memberPage(c, member, { form, problem: conflictOf(error) }, 409)
  }
  return c.redirect(`/console/members/${encodeURIComponent(member.id)}?done=changed`, 303)
})

memberScreens.post('/members/:id/resend', async (c) => {
  const ctx = { ...verbContext(c), baseUrl: baseUrl(c) }
  const member = await getMember(c.env.DB, c.req.param('id'))
  try {
    const { mailId } = await resendInvitation(ctx, member.id)
    enqueue(c, mailId, 'an invitation')
  } catch (error) {
    return memberPage(c, member, { problem: conflictOf(error) }, 409)
  }
  return c.redirect(`/console/members/${encodeURIComponent(member.id)}?done=resent`, 303)
})

async function removePage(
  c: Ctx,
  member: Member,
  problem?: string,
  status: ContentfulStatusCode = 200,
) {
  return privatePage(
    c,
    <RemoveMemberPage frame={await consoleFrame(c)} member={member} problem={problem} />,
    status,
  )
}

memberScreens.get('/members/:id/remove', async (c) =>
  removePage(c, await getMember(c.env.DB, c.req.param('id'))),
)

memberScreens.post('/members/:id/remove', async (c) => {
  const member = await getMember(c.env.DB, c.req.param('id'))
  try {
    await removeMember(verbContext(c), member.id)
  } catch (error) {
    return removePage(c, member, conflictOf(error), 409)
  }
  return c.redirect('/console/members?done=removed', 303)
})
