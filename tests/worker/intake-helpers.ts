import { env } from 'cloudflare:workers'
import { IntakeAnswer } from '../../src/schemas/intake'
import firingFixture from '../fixtures/alertmanager-v4-firing.json'
import partlyResolvedFixture from '../fixtures/alertmanager-v4-partly-resolved.json'
import { call, callJson, makeToken, rows } from './factories'

type FixtureAlert = (typeof firingFixture)['alerts'][number]

/** The fixtures' shape, with labels and annotations open to any names (as Alertmanager's are). */
export type AlertmanagerPayload = Omit<typeof firingFixture, 'alerts'> & {
  alerts: (Omit<FixtureAlert, 'labels' | 'annotations'> & {
    labels: Record<string, string>
    annotations: Record<string, string | undefined>
  })[]
}

/** What a real Alertmanager 0.25 sent: two alerts firing, then one of them resolved. */
export const firing: AlertmanagerPayload = firingFixture
export const partlyResolved: AlertmanagerPayload = partlyResolvedFixture

/**
 * The notification Alertmanager sends next, once the second alert resolves too: the group's
 * status turns `resolved` and every alert carries its end time.
 */
export function allResolved(): AlertmanagerPayload {
  const body = structuredClone(partlyResolvedFixture)
  body.status = 'resolved'
  for (const alert of body.alerts) {
    alert.status = 'resolved'
    if (alert.endsAt.startsWith('0001')) alert.endsAt = '2026-11-23T19:03:12Z'
  }
  return body
}

/** The fixture's component and areas, created once per test file. */
export async function fixturePage(): Promise<{ broadband: string; m14: string; m15: string }> {
  const components = await callJson<{ id: string; name: string }[]>('GET', '/api/v1/components')
  const areas = await callJson<{ id: string; name: string }[]>('GET', '/api/v1/areas')
  const broadband =
    components.find((c) => c.name === 'Broadband')?.id ??
    (await callJson('POST', '/api/v1/components', { body: { name: 'Broadband' } })).id
  const area = async (name: string) =>
    areas.find((a) => a.name === name)?.id ??
    (await callJson('POST', '/api/v1/areas', { body: { name } })).id
  return { broadband, m14: await area('M14'), m15: await area('M15') }
}

/** Forgets every alert group and setting, so the next delivery starts a fresh story. */
export async function forgetIntake(): Promise<void> {
  await env.DB.batch(
    ['intake_alerts', 'intake_groups', 'intake_settings'].map((t) =>
      env.DB.prepare(`DELETE FROM ${t}`),
    ),
  )
}

let intakeToken: string | null = null

/** An `intake`-scoped token, as an Alertmanager would be given. */
export async function intakeSecret(): Promise<string> {
  intakeToken ??= (await makeToken(['intake'])).token
  return intakeToken
}

/** POSTs a body to an intake endpoint with an intake token, as the monitoring system would. */
export async function deliver(
  kind: 'alertmanager' | 'generic',
  body: unknown,
  token?: string | null,
): Promise<Response> {
  return call('POST', `/api/v1/intake/${kind}`, {
    body,
    token: token === undefined ? await intakeSecret() : token,
    headers: { 'user-agent': 'Alertmanager/0.25.0' },
  })
}

/** Delivers and parses the answer against the API's own schema, checking its status. */
export async function deliverOk(kind: 'alertmanager' | 'generic', body: unknown, status: number) {
  const res = await deliver(kind, body)
  const text = await res.text()
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`)
  return IntakeAnswer.parse(JSON.parse(text))
}

/** The events recorded for subscribers about an incident, oldest first. */
export async function eventsOf(incidentId: string) {
  return rows<{ event_type: string; update_id: string }>(
    'SELECT event_type, update_id FROM outbox WHERE incident_id = ? ORDER BY created_at, id',
    incidentId,
  )
}

/** Changes the intake settings through the API (as the bootstrap owner). */
export async function setIntake(patch: Record<string, unknown>) {
  return callJson('PATCH', '/api/v1/intake/settings', { body: patch })
}
