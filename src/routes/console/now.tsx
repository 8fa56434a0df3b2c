import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import { NowPage } from '../../views/console/now-page'
import { privatePage } from '../html-page'
import { consoleFrame } from './console-form'

/** The console's landing page: what ops owe customers now. */
export const nowRoutes = new Hono<AppBindings>()

nowRoutes.get('/', async (c) => privatePage(c, <NowPage frame={await consoleFrame(c)} />))
