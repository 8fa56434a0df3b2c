import { z } from '@hono/zod-openapi'
import { listAudit, listOutbox } from '../domain/audit-log'
import { apiRoute } from './api-route'
import { authErrors, jsonResponse, newApiApp } from './openapi-helpers'

const LimitQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() })

const AuditEntrySchema = z
  .object({
    id: z.number(),
    actor: z.string().openapi({
      description:
        "Who made the change: a member's address (console), `token:<id>`, `admin-token`, or a process such as `clock`.",
    }),
    member: z.string().nullable().openapi({
      description:
        'The member behind the change: the console member, or the member the token used belongs to (its owner); null for the bootstrap token and tokens of nobody.',
    }),
    action: z.string(),
    target_type: z.string(),
    target_id: z.string().nullable(),
    details: z.unknown(),
    at: z.string(),
  })
  .openapi('AuditEntry')

const EventSchema = z
  .object({
    id: z.string(),
    event_type: z.string(),
    incident_id: z.string().nullable(),
    update_id: z.string().nullable(),
    component_id: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    created_at: z.string(),
    dispatched_at: z.string().nullable(),
  })
  .openapi('OutboxEvent')

/** Who did what (owner only) and which events await announcement (read). */
export const auditRoutes = newApiApp()

auditRoutes.openapi(
  apiRoute({
    access: 'owner',
    method: 'get',
    path: '/audit',
    tags: ['Audit'],
    summary: 'The audit log, newest first: who changed what, and when',
    request: { query: LimitQuery },
    responses: { 200: jsonResponse(z.array(AuditEntrySchema), 'Audit entries'), ...authErrors },
  }),
  async (c) => {
    const entries = await listAudit(c.env.DB, c.req.valid('query').limit ?? 100)
    return c.json(
      entries.map((e) => ({
        id: e.id,
        actor: e.actor,
        member: e.memberEmail,
        action: e.action,
        target_type: e.targetType,
        target_id: e.targetId,
        details: e.details,
        at: e.at,
      })),
      200,
    )
  },
)

auditRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/events',
    tags: ['Audit'],
    summary: 'Events recorded for subscribers (the outbox), newest first',
    request: { query: LimitQuery },
    responses: { 200: jsonResponse(z.array(EventSchema), 'Events'), ...authErrors },
  }),
  async (c) => {
    const events = await listOutbox(c.env.DB, c.req.valid('query').limit ?? 100)
    return c.json(
      events.map((e) => ({
        id: e.id,
        event_type: e.eventType,
        incident_id: e.incidentId,
        update_id: e.updateId,
        component_id: e.componentId,
        payload: e.payload,
        created_at: e.createdAt,
        dispatched_at: e.dispatchedAt,
      })),
      200,
    )
  },
)
