import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import { loadNowBoard } from '../../domain/owed'
import { NOW_NOTICES, NowPage } from '../../views/console/now-page'
import { privatePage } from '../html-page'
import { consoleFrame } from './console-form'

/** The console's landing page: what ops owe customers now. */
export const nowRoutes = new Hono<AppBindings>()

nowRoutes.get('/', async (c) => {
  const board = await loadNowBoard(c.env.DB, new Date())
  const notice = NOW_NOTICES[c.req.query('done') ?? '']
  return privatePage(c, <NowPage frame={await consoleFrame(c)} board={board} notice={notice} />)
})
