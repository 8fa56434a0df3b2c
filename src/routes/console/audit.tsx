import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import { auditActors, auditPage } from '../../domain/audit-page'
import { roleReaches } from '../../domain/members'
import { AuditPage } from '../../views/console/audit-page'
import { privatePage } from '../html-page'
import { consoleFrame } from './console-form'
import { sessionOf } from './console-session'

const PAGE_SIZE = 50

/**
 * The audit log for every member: who (a member's address or a token's name) did what, when,
 * newest first, a page at a time, filtered by who. Details (which may hold webhook URLs) are
 * shown to editors and owners.
 */
export const auditScreenRoutes = new Hono<AppBindings>()

auditScreenRoutes.get('/audit', async (c) => {
  const actor = (c.req.query('actor') ?? '').slice(0, 320)
  const before = Number(c.req.query('before'))
  const beforeId = Number.isSafeInteger(before) && before > 0 ? before : null
  const [page, actors] = await Promise.all([
    auditPage(c.env.DB, { actor: actor || null, beforeId, limit: PAGE_SIZE }),
    auditActors(c.env.DB),
  ])
  return privatePage(
    c,
    <AuditPage
      frame={await consoleFrame(c)}
      lines={page.lines}
      actors={actors}
      actor={actor}
      nextBefore={page.nextBefore}
      paged={beforeId !== null}
      showDetails={roleReaches(sessionOf(c).member.role, 'editor')}
    />,
  )
})
