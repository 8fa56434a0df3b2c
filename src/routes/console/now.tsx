import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import { roleReaches } from '../../domain/members'
import { loadNowBoard } from '../../domain/owed'
import { ensurePage } from '../../domain/page'
import { listTemplates } from '../../domain/templates'
import { NOW_NOTICES, NowPage } from '../../views/console/now-page'
import { privatePage } from '../html-page'
import { consoleFrame } from './console-form'
import { sessionOf } from './console-session'
import { updateFormStart } from './incident-update-start'

/** The console's landing page: what ops owe customers now. */
export const nowRoutes = new Hono<AppBindings>()

nowRoutes.get('/', async (c) => {
  const now = new Date()
  const editor = roleReaches(sessionOf(c).member.role, 'editor')
  const [board, page, templates] = await Promise.all([
    loadNowBoard(c.env.DB, now),
    ensurePage(c.env.DB, now),
    editor ? listTemplates(c.env.DB) : Promise.resolve([]),
  ])
  // Editors get a folded update form per open incident, starting from its current values.
  const quick = editor
    ? board.owed
        .filter((item) => item.incident.kind === 'incident')
        .map((item) => ({
          incident: item.incident,
          start: updateFormStart(item.incident, page.timeZone),
        }))
    : []
  return privatePage(
    c,
    <NowPage
      frame={await consoleFrame(c)}
      board={board}
      notice={NOW_NOTICES[c.req.query('done') ?? '']}
      templates={templates.filter((t) => t.kind === 'incident')}
      quick={quick}
      timeZone={page.timeZone}
    />,
  )
})
