import { getIntakeSettings, patchIntakeSettings } from '../domain/intake-settings'
import type { AlertResult } from '../domain/intake/receive'
import { receiveAlertmanager, receiveGeneric } from '../domain/intake/verbs'
import {
  AlertmanagerWebhook,
  GenericAlert,
  IntakeAnswer,
  IntakeSettingsJson,
  IntakeSettingsPatch,
} from '../schemas/intake'
import { ErrorSchema } from '../schemas/inputs'
import { apiRoute } from './api-route'
import { verbContext } from './context'
import { authErrors, bodyErrors, jsonBody, jsonResponse, newApiApp } from './openapi-helpers'

/** Monitoring intake: Alertmanager's webhook, a generic alert, and how alerts are mapped. */
export const intakeRoutes = newApiApp()

const answers = {
  200: jsonResponse(IntakeAnswer, 'What happened to each alert; nothing new was opened'),
  201: jsonResponse(IntakeAnswer, 'What happened to each alert; an incident was opened'),
  ...authErrors,
  ...bodyErrors,
}

/** 201 when a delivery opened an incident, else 200. */
function statusOf(results: AlertResult[]): 200 | 201 {
  return results.some((r) => r.outcome === 'opened') ? 201 : 200
}

intakeRoutes.openapi(
  apiRoute({
    access: 'intake',
    method: 'post',
    path: '/intake/alertmanager',
    tags: ['Intake'],
    summary: 'Take a Prometheus Alertmanager webhook (version 4)',
    description:
      'Point a webhook_configs receiver here, with an intake-scoped token as http_config.authorization.credentials and send_resolved: true.',
    request: { body: jsonBody(AlertmanagerWebhook) },
    responses: { ...answers, 413: jsonResponse(ErrorSchema, 'Body larger than 1 MB') },
  }),
  async (c) => {
    const results = await receiveAlertmanager(verbContext(c), c.req.valid('json'))
    return c.json({ alerts: results }, statusOf(results))
  },
)

intakeRoutes.openapi(
  apiRoute({
    access: 'intake',
    method: 'post',
    path: '/intake/generic',
    tags: ['Intake'],
    summary: 'Take one alert from any monitoring system',
    request: { body: jsonBody(GenericAlert) },
    responses: answers,
  }),
  async (c) => {
    const results = await receiveGeneric(verbContext(c), c.req.valid('json'))
    return c.json({ alerts: results }, statusOf(results))
  },
)

intakeRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'get',
    path: '/intake/settings',
    tags: ['Intake'],
    summary: 'How alerts map to components, areas and impact',
    responses: { 200: jsonResponse(IntakeSettingsJson, 'The settings in force'), ...authErrors },
  }),
  async (c) => c.json(await getIntakeSettings(c.env.DB), 200),
)

intakeRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'patch',
    path: '/intake/settings',
    tags: ['Intake'],
    summary: 'Change the mapping, drafts, auto-resolution or the notify interval',
    request: { body: jsonBody(IntakeSettingsPatch) },
    responses: {
      200: jsonResponse(IntakeSettingsJson, 'The settings now'),
      ...authErrors,
      ...bodyErrors,
    },
  }),
  async (c) => c.json(await patchIntakeSettings(verbContext(c), c.req.valid('json')), 200),
)
