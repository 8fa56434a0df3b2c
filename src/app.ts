import { OpenAPIHono } from '@hono/zod-openapi'
import { requestId } from 'hono/request-id'
import type { AppBindings } from './app-types'
import { declareAccess, denyByDefault } from './middleware/access'
import { compression } from './middleware/compression'
import { handleError, handleNotFound } from './middleware/errors'
import { limitBody, requireJsonBody } from './middleware/limits'
import { securityHeaders } from './middleware/security-headers'
import { afterWrite } from './middleware/after-write'
import { idempotentPosts } from './middleware/idempotency'
import { areaRoutes } from './routes/areas'
import { auditRoutes } from './routes/audit'
import { brandFileRoutes } from './routes/brand-files'
import { consoleRoutes } from './routes/console'
import { componentGroupRoutes } from './routes/component-groups'
import { componentRoutes } from './routes/components'
import { componentUptimeRoutes } from './routes/component-uptime'
import { customerWordRoutes } from './routes/customer-word-pages'
import { deliveryRoutes } from './routes/deliveries'
import { embedRoutes } from './routes/embeds'
import { feedRoutes } from './routes/feeds'
import { etaStatsRoutes } from './routes/eta-stats'
import { incidentRoutes } from './routes/incidents'
import { documentIdempotentPosts } from './routes/openapi-idempotency'
import { intakeRoutes } from './routes/intake'
import { maintenanceRoutes } from './routes/maintenances'
import { manageV1Path, manageV1Routes } from './routes/manage-v1'
import { memberRoutes } from './routes/members'
import { opsAlertRoutes } from './routes/ops-alerts'
import { BRAND_IMAGE_BODY_LIMITS, pageBrandImageRoutes } from './routes/page-brand-images'
import { pageRoutes } from './routes/page-settings'
import { postmortemRoutes } from './routes/postmortems'
import { publicPageRoutes } from './routes/public-pages'
import { statuspageRoutes } from './routes/statuspage-v2'
import { subscriberActionRoutes } from './routes/subscriber-actions'
import { subscriberReaderRoutes } from './routes/subscriber-reader'
import { subscriberRoutes } from './routes/subscribers'
import { incidentSubscriberRoutes } from './routes/incident-subscribers'
import { subscriptionApiRoutes } from './routes/subscriptions-api'
import { subscriptionPageRoutes } from './routes/subscription-pages'
import { subscriberPreferencesRoutes } from './routes/subscriber-preferences-page'
import { templateRoutes } from './routes/templates'
import { tokenRoutes } from './routes/tokens'
import { webhookRoutes } from './routes/webhooks'

/** The whole Candor app: admin API, Statuspage v2 API, OpenAPI document and public pages. */
export function createApp(): OpenAPIHono<AppBindings> {
  const app = new OpenAPIHono<AppBindings>({ getPath: manageV1Path })
  app.use('*', compression())
  app.use('*', requestId())
  app.use('*', securityHeaders())
  // Before anything else under /api/v1: a route that declares no access is never served.
  app.use('/api/v1/*', denyByDefault())
  app.use(
    '/api/*',
    limitBody({
      larger: { '/api/v1/intake/alertmanager': 1024 * 1024, ...BRAND_IMAGE_BODY_LIMITS },
    }),
  )
  // An image upload's own route says what is wrong with its type, more exactly than "not JSON".
  const anyType = Object.fromEntries(Object.keys(BRAND_IMAGE_BODY_LIMITS).map((p) => [p, /^/]))
  app.use(
    '/api/v1/*',
    requireJsonBody({ '/api/v1/subscribers/import': /^text\/csv\b/i, ...anyType }),
  )
  // Subscriber and member changes touch neither the public snapshot nor the outbox.
  app.use(
    '/api/v1/*',
    afterWrite({ skip: ['/api/v1/subscriptions', '/api/v1/subscribers', '/api/v1/members'] }),
  )
  // Inside afterWrite: a replay is marked and skipped by it; a kept answer outlives its failure.
  app.use('/api/v1/*', idempotentPosts())

  const admin = new OpenAPIHono<AppBindings>()
  for (const routes of [
    tokenRoutes,
    memberRoutes,
    componentRoutes,
    componentUptimeRoutes,
    componentGroupRoutes,
    areaRoutes,
    templateRoutes,
    incidentRoutes,
    postmortemRoutes,
    intakeRoutes,
    maintenanceRoutes,
    pageRoutes,
    pageBrandImageRoutes,
    auditRoutes,
    subscriptionApiRoutes,
    subscriberActionRoutes,
    subscriberRoutes,
    subscriberReaderRoutes,
    incidentSubscriberRoutes,
    webhookRoutes,
    deliveryRoutes,
    opsAlertRoutes,
    etaStatsRoutes,
  ]) {
    admin.route('/', routes)
  }
  app.route('/api/v1', admin)
  app.route('/api/v2', statuspageRoutes)
  app.route('/v1', manageV1Routes)
  documentIdempotentPosts(app)

  app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'ADMIN_TOKEN, or a token minted with POST /api/v1/tokens',
  })
  app.get('/api/v1/openapi.json', declareAccess('public'), (c) =>
    c.json(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Candor API',
          version: '1.0.0',
          description:
            'Admin API (bearer token; each operation names the scope it needs in x-candor-access) and the public Statuspage-compatible API v2. Errors are {"error": {"code", "message", "details"}}.',
        },
        servers: [{ url: new URL(c.req.url).origin }],
      }),
    ),
  )

  app.route('/', feedRoutes)
  app.route('/', brandFileRoutes)
  app.route('/', embedRoutes)
  app.route('/', subscriptionPageRoutes)
  app.route('/', subscriberPreferencesRoutes)
  app.route('/console', consoleRoutes)
  app.route('/', customerWordRoutes)
  app.route('/', publicPageRoutes)
  app.notFound(handleNotFound)
  app.onError(handleError)
  return app
}
