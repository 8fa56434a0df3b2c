import { beforeEach, describe, expect, it } from 'vitest'
import { IntakeSettingsJson } from '../../src/schemas/intake'
import { IncidentSchema } from '../../src/schemas/statuspage'
import { call, callJson, errorOf, makeToken, tableCounts } from './factories'
import {
  deliver,
  deliverOk,
  firing,
  fixturePage,
  forgetIntake,
  intakeSecret,
  setIntake,
} from './intake-helpers'

beforeEach(forgetIntake)

describe('intake settings', () => {
  it('start from the documented defaults', async () => {
    const settings = IntakeSettingsJson.parse(await callJson('GET', '/api/v1/intake/settings'))
    expect(settings).toMatchObject({
      component_label: 'component',
      area_label: 'area',
      severity_label: 'severity',
      default_severity: 'warning',
      open_as_draft: false,
      resolve_when_resolved: false,
      notify_interval_minutes: 15,
      updated_at: null,
    })
    expect(settings.severities.critical).toEqual({
      impact: 'critical',
      component_status: 'major_outage',
    })
    expect(settings.severities.warning).toEqual({
      impact: 'minor',
      component_status: 'degraded_performance',
    })
    expect(settings.severities.info).toEqual({ impact: 'none', component_status: 'operational' })
  })

  it('changed through the API, decide how the next alert is mapped', async () => {
    const page = await fixturePage()
    const changed = IntakeSettingsJson.parse(
      await setIntake({
        component_label: 'service',
        area_label: 'site',
        severity_label: 'priority',
        severities: { P1: { impact: 'major', component_status: 'partial_outage' }, info: null },
      }),
    )
    expect(changed.severities.p1).toEqual({ impact: 'major', component_status: 'partial_outage' })
    expect(changed.severities.info).toBeUndefined()
    expect(changed.updated_at).not.toBeNull()
    expect(IntakeSettingsJson.parse(await callJson('GET', '/api/v1/intake/settings'))).toEqual(
      changed,
    )

    const body = structuredClone(firing)
    body.groupKey = '{}:{alertname="Mapped"}'
    body.alerts = [
      {
        ...firing.alerts[0]!,
        fingerprint: 'bb00000000000001',
        // The old label names mean nothing now; the new ones are read.
        labels: { alertname: 'BroadbandDown', service: 'broadband', site: 'm15', priority: 'P1' },
      },
    ]
    const answer = await deliverOk('alertmanager', body, 201)
    expect(answer.alerts[0]!.unmapped).toEqual([])
    const incident = IncidentSchema.parse(
      await callJson('GET', `/api/v1/incidents/${answer.alerts[0]!.incident_id}`),
    )
    expect(incident.impact).toBe('major')
    expect(incident.components.map((c) => [c.id, c.status])).toEqual([
      [page.broadband, 'partial_outage'],
    ])
    expect(incident.areas.map((a) => a.id)).toEqual([page.m15])
  })

  it('an unknown severity is taken as the default one, and said so', async () => {
    await fixturePage()
    await setIntake({ default_severity: 'critical' })
    const body = structuredClone(firing)
    body.groupKey = '{}:{alertname="Odd"}'
    body.alerts = [
      {
        ...firing.alerts[1]!,
        fingerprint: 'cc00000000000001',
        labels: { ...firing.alerts[1]!.labels, severity: 'sev9' },
      },
    ]
    const answer = await deliverOk('alertmanager', body, 201)
    expect(answer.alerts[0]!.unmapped).toEqual([
      { label: 'severity', value: 'sev9', reason: expect.stringContaining('critical') },
    ])
    const incident = await callJson('GET', `/api/v1/incidents/${answer.alerts[0]!.incident_id}`)
    expect(incident.impact).toBe('critical')
  })

  it('refuse bad values with the field paths and change nothing', async () => {
    const before = await callJson('GET', '/api/v1/intake/settings')
    const counts = await tableCounts()
    const cases: [Record<string, unknown>, string][] = [
      [{ default_severity: 'nosuch' }, 'default_severity'],
      [{ severities: { warning: null } }, 'default_severity'],
      [{ notify_interval_minutes: -1 }, 'notify_interval_minutes'],
      [{ component_label: 'has space' }, 'component_label'],
      [
        { severities: { p2: { impact: 'huge', component_status: 'operational' } } },
        'severities.p2.impact',
      ],
      [{ open_as_draft: 'yes' }, 'open_as_draft'],
      [{ surprise: true }, 'surprise'],
    ]
    for (const [body, path] of cases) {
      const { status, code, details } = await errorOf(
        await call('PATCH', '/api/v1/intake/settings', { body }),
      )
      expect([status, code]).toEqual([400, 'validation_failed'])
      expect((details as { path: string }[]).map((d) => d.path)).toContain(path)
    }
    expect(await callJson('GET', '/api/v1/intake/settings')).toEqual(before)
    expect(await tableCounts()).toEqual(counts)
  })

  it('need write or owner: read and intake tokens are refused', async () => {
    const writer = await makeToken(['write'])
    expect((await call('GET', '/api/v1/intake/settings', { token: writer.token })).status).toBe(200)
    for (const scopes of [['read'], ['intake']]) {
      const { token } = await makeToken(scopes)
      expect((await errorOf(await call('GET', '/api/v1/intake/settings', { token }))).status).toBe(
        403,
      )
      const patch = await call('PATCH', '/api/v1/intake/settings', {
        token,
        body: { open_as_draft: true },
      })
      expect((await errorOf(patch)).status).toBe(403)
    }
    expect((await callJson('GET', '/api/v1/intake/settings')).open_as_draft).toBe(false)
  })
})

describe('intake scopes', () => {
  it('an intake token (or owner) is needed: none 401, read or write alone 403, nothing written', async () => {
    await fixturePage()
    const counts = await tableCounts()
    const noToken = await deliver('alertmanager', firing, null)
    expect((await errorOf(noToken)).status).toBe(401)
    const wrong = await deliver('alertmanager', firing, 'cnd_not-a-real-token')
    expect((await errorOf(wrong)).status).toBe(401)
    for (const scopes of [['read'], ['write'], ['read', 'write']]) {
      const { token } = await makeToken(scopes)
      const res = await deliver('alertmanager', firing, token)
      const error = await errorOf(res)
      expect([error.status, error.code]).toEqual([403, 'forbidden'])
      const generic = await deliver(
        'generic',
        { fingerprint: 'x', status: 'firing', title: 'X' },
        token,
      )
      expect((await errorOf(generic)).status).toBe(403)
    }
    // Minting the tokens above wrote rows; no delivery did.
    const after = await tableCounts()
    expect(after.incidents).toBe(counts.incidents)
    expect(after.incident_updates).toBe(counts.incident_updates)
    expect(after.outbox).toBe(counts.outbox)

    expect((await deliver('alertmanager', firing, await intakeSecret())).status).toBe(201)
    await forgetIntake()
    // The bootstrap owner token is everything, so it works too.
    expect((await deliver('alertmanager', firing, 'test-admin-token')).status).toBe(201)
  })
})
