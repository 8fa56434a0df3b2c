import { cors } from 'hono/cors'
import { loadEtaRecord } from '../domain/eta-record'
import { computeEtaStats } from '../domain/eta-stats'
import { EtaStatsQuery, EtaStatsSchema } from '../schemas/eta-stats'
import { apiRoute } from './api-route'
import { bodyErrors, jsonResponse, newApiApp } from './openapi-helpers'
import { servePublic } from './public-cache'

/** The public ETA record: how often this page's estimates and update promises held. */
export const etaStatsRoutes = newApiApp()
etaStatsRoutes.use('/stats/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }))

etaStatsRoutes.openapi(
  apiRoute({
    access: 'public',
    method: 'get',
    path: '/stats/eta',
    tags: ['Public (Candor)'],
    summary: 'ETA record: how often first and last ETAs held, slip, promised updates on time',
    request: { query: EtaStatsQuery },
    responses: {
      200: jsonResponse(EtaStatsSchema, 'The ETA record over the window'),
      304: { description: 'Not modified (If-None-Match matched the ETag)' },
      400: bodyErrors[400],
    },
  }),
  (c) => {
    const { days } = c.req.valid('query')
    // From the record stored beside the snapshot, never from D1.
    return servePublic(c, 'application/json', async (view) => {
      const record = await loadEtaRecord(c.env)
      return JSON.stringify(computeEtaStats(record.entries, view.ctx.now, days))
    })
  },
)
