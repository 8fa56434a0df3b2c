import { Hono } from 'hono'
import type { AppBindings } from '../app-types'

/** Server-rendered public pages. */
export const publicPageRoutes = new Hono<AppBindings>()
