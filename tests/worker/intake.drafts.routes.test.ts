import { describe, expect, it } from 'vitest'
import { IncidentSchema } from '../../src/schemas/statuspage'
import { call, callJson, errorOf, makeToken, publicJson } from './factories'
import { allResolved, deliverOk, eventsOf, firing, fixturePage, setIntake } from './intake-helpers'

async function publicIds(path: string, key: string): Promise<string[]> {
  return ((await publicJson(path))[key] as { id: string }[]).map((i) => i.id)
}

async function publicPage(path: string) {
  const res = await call('GET', path, { token: null })
  return { status: res.status, html: await res.text() }
}

describe('incidents held as drafts', () => {
  it('a draft is invisible publicly and notifies nobody until one click publishes it', async () => {
    const page = await fixturePage()
    await setIntake({ open_as_draft: true })

    const answer = await deliverOk('alertmanager', firing, 201)
    expect(answer.alerts[0]).toMatchObject({ outcome: 'opened', draft: true, notified: false })
    const id = answer.alerts[0]!.incident_id!

    // Nowhere public: v2 API, snapshot-backed pages, the incident's own page, history.
    expect(await publicIds('/api/v2/incidents.json', 'incidents')).not.toContain(id)
    expect(await publicIds('/api/v2/incidents/unresolved.json', 'incidents')).not.toContain(id)
    expect(await publicIds('/api/v2/summary.json', 'incidents')).not.toContain(id)
    expect((await publicJson('/api/v2/status.json')).status.indicator).toBe('none')
    const components = (await publicJson('/api/v2/components.json')).components
    expect(components.find((c: { id: string }) => c.id === page.broadband).status).toBe(
      'operational',
    )
    expect((await publicPage(`/incidents/${id}`)).status).toBe(404)
    expect((await publicPage('/')).html).not.toContain('Broadband is down in M14')
    expect((await publicPage('/history')).html).not.toContain('Broadband is down in M14')
    // Nobody told.
    expect(await eventsOf(id)).toEqual([])

    // The admin API lists it, flagged.
    const listed = await callJson<{ id: string; draft: boolean }[]>(
      'GET',
      '/api/v1/incidents?status=unresolved',
    )
    expect(listed.find((i) => i.id === id)).toMatchObject({ draft: true })

    // Later alerts of the group still feed the draft, still telling nobody.
    const again = await deliverOk('alertmanager', firing, 200)
    expect(again.alerts.every((a) => a.draft && !a.notified)).toBe(true)

    // Publishing needs write; a read token is refused and changes nothing.
    const reader = await makeToken(['read'])
    const refused = await call('POST', `/api/v1/incidents/${id}/publish`, { token: reader.token })
    expect((await errorOf(refused)).status).toBe(403)

    const published = IncidentSchema.parse(
      await callJson('POST', `/api/v1/incidents/${id}/publish`, { expect: 200 }),
    )
    expect(published).toMatchObject({ id, draft: false, status: 'investigating' })
    expect(await eventsOf(id)).toMatchObject([{ event_type: 'incident.created' }])
    expect(await publicIds('/api/v2/summary.json', 'incidents')).toContain(id)
    expect((await publicJson('/api/v2/status.json')).status.indicator).toBe('critical')
    const after = (await publicJson('/api/v2/components.json')).components
    expect(after.find((c: { id: string }) => c.id === page.broadband).status).toBe('major_outage')
    const own = await publicPage(`/incidents/${id}`)
    expect(own.status).toBe(200)
    expect(own.html).toContain('Broadband is down in M14')
    expect((await publicPage('/')).html).toContain('Broadband is down in M14')
    expect((await publicPage('/history')).html).toContain('Broadband is down in M14')

    // Once only.
    const twice = await call('POST', `/api/v1/incidents/${id}/publish`)
    expect((await errorOf(twice)).code).toBe('conflict')
    expect(await eventsOf(id)).toHaveLength(1)

    // Publishing was the notice: the group clearing right after is on the timeline only.
    const cleared = await deliverOk('alertmanager', allResolved(), 200)
    expect(cleared.alerts.some((a) => a.update_id !== null)).toBe(true)
    expect(cleared.alerts.every((a) => !a.notified && !a.draft)).toBe(true)
    expect(await eventsOf(id)).toHaveLength(1)
  })

  it('an incident opened by hand is never a draft, and publishing an unknown id is 404', async () => {
    const made = await callJson('POST', '/api/v1/incidents', {
      body: { name: 'By hand', status: 'investigating', impact: 'minor', body: 'Looking.' },
    })
    expect(made.draft).toBe(false)
    const missing = await call('POST', '/api/v1/incidents/nosuchincident/publish')
    expect((await errorOf(missing)).status).toBe(404)
  })
})
