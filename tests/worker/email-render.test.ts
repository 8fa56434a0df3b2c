import { describe, expect, it } from 'vitest'
import {
  renderConfirmationEmail,
  renderEventEmail,
  renderWebhookDisabledEmail,
} from '../../src/notify/email/email-render'
import { notificationHeaders } from '../../src/notify/email/email-headers'
import { component, eventMessage, incident, LINKS, maintenance, update } from './email-fixtures'

const subjectOf = (...args: Parameters<typeof eventMessage>) =>
  renderEventEmail(eventMessage(...args), LINKS).subject

describe('event email subjects say what, where and when at a glance', () => {
  it('an open incident: severity, name, areas, ETA and how often it moved', () => {
    expect(subjectOf('incident.updated', { incident: incident() })).toBe(
      '[Major outage] Broadband in M14 — ETA 18:00 UTC, moved twice',
    )
    expect(
      subjectOf('incident.created', {
        incident: incident({
          eta: null,
          eta_history: [],
          eta_moves: 0,
          impact: 'minor',
          components: [],
        }),
      }),
    ).toBe('[Minor issue] Broadband in M14 — no ETA yet')
  })

  it('an ETA on another day carries the day; a passed ETA says so', () => {
    expect(
      subjectOf('incident.updated', { incident: incident() }, '2026-11-24T22:00:00.000Z'),
    ).toBe('[Major outage] Broadband in M14 — ETA Wed 25 Nov 18:00 UTC, moved twice')
    expect(
      subjectOf(
        'incident.updated',
        { incident: incident({ eta_passed: true }) },
        '2026-11-25T19:00:00.000Z',
      ),
    ).toBe('[Major outage] Broadband in M14 — ETA 18:00 UTC passed')
  })

  it('areas: one, two, or the first two and how many more', () => {
    const areas = ['M14', 'M15', 'M16', 'M17'].map((name) => ({ id: name, name }))
    const at = (n: number) =>
      subjectOf('incident.updated', {
        incident: incident({ areas: areas.slice(0, n), eta_moves: 0 }),
      })
    expect(at(0)).toBe('[Major outage] Broadband — ETA 18:00 UTC')
    expect(at(2)).toBe('[Major outage] Broadband in M14 and M15 — ETA 18:00 UTC')
    expect(at(4)).toBe('[Major outage] Broadband in M14, M15 and 2 more — ETA 18:00 UTC')
  })

  it('areas the name already mentions are not repeated', () => {
    const areas = ['M14', 'M15'].map((name) => ({ id: name, name }))
    const named = (name: string, n: number) =>
      subjectOf('incident.updated', {
        incident: incident({ name, areas: areas.slice(0, n), eta_moves: 0 }),
      })
    expect(named('No broadband in M14', 1)).toBe(
      '[Major outage] No broadband in M14 — ETA 18:00 UTC',
    )
    expect(named('No broadband in m14', 2)).toBe(
      '[Major outage] No broadband in m14 (also in M15) — ETA 18:00 UTC',
    )
    expect(named('No broadband in M140', 1)).toBe(
      '[Major outage] No broadband in M140 in M14 — ETA 18:00 UTC',
    )
  })

  it('monitoring, resolved', () => {
    expect(subjectOf('incident.updated', { incident: incident({ status: 'monitoring' }) })).toBe(
      '[Major outage] Broadband in M14 — fix in place, monitoring',
    )
    const resolved = incident({
      status: 'resolved',
      resolved_at: '2026-11-25T17:20:00.000Z',
      components: [component({ status: 'operational' })],
    })
    expect(subjectOf('incident.resolved', { incident: resolved })).toBe(
      '[Resolved] Broadband in M14 — after 2 days 4 h',
    )
  })

  it('maintenance: scheduled, reminder, started, completed', () => {
    const planned = maintenance()
    expect(subjectOf('maintenance.scheduled', { incident: planned })).toBe(
      '[Maintenance] Router upgrade — Tue 24 Nov 01:00–03:00 UTC',
    )
    expect(subjectOf('maintenance.reminder', { incident: planned })).toBe(
      '[Maintenance soon] Router upgrade — Tue 24 Nov 01:00–03:00 UTC',
    )
    expect(
      subjectOf(
        'maintenance.started',
        { incident: maintenance({ status: 'in_progress' }) },
        '2026-11-24T01:00:00.000Z',
      ),
    ).toBe('[Maintenance started] Router upgrade — until 03:00 UTC')
    expect(
      subjectOf('maintenance.completed', {
        incident: maintenance({ status: 'completed', resolved_at: '2026-11-24T02:40:00.000Z' }),
      }),
    ).toBe('[Maintenance completed] Router upgrade')
    expect(
      subjectOf('maintenance.completed', {
        incident: maintenance({
          status: 'completed',
          resolved_at: '2026-11-23T16:00:00.000Z',
          cancelled_at: '2026-11-23T16:00:00.000Z',
        }),
      }),
    ).toBe('[Maintenance cancelled] Router upgrade — was Tue 24 Nov 01:00–03:00 UTC')
  })

  it('a component changing status outside an incident', () => {
    const change = (old_status: string, new_status: string) => ({
      component: component({ name: 'API', status: new_status as 'operational' }),
      component_update: {
        id: 'cu_1',
        component_id: 'cmp_broadband',
        created_at: '2026-11-25T09:00:00.000Z',
        old_status,
        new_status,
      },
    })
    expect(subjectOf('component.updated', change('operational', 'degraded_performance'))).toBe(
      '[Degraded performance] API (was Operational)',
    )
    expect(subjectOf('component.updated', change('partial_outage', 'operational'))).toBe(
      '[Operational] API — back to normal (was Partial outage)',
    )
  })
})

describe('event email body', () => {
  const rendered = renderEventEmail(
    eventMessage('incident.updated', { incident: incident() }),
    LINKS,
  )

  it('the text part says what is wrong, impact, stage, components, areas, ETA and its history, next update, progress, workaround and the latest update', () => {
    const lines = rendered.text.split('\n')
    expect(lines).toContain('What is wrong:')
    expect(lines).toContain('Broadband is down in M14.')
    expect(lines).toContain('Impact:       Major impact')
    expect(lines).toContain(
      'Status:       Identified (step 2 of 4: Investigating → Identified → Monitoring → Resolved)',
    )
    expect(lines).toContain('Components:   Broadband (Major outage)')
    expect(lines).toContain('Areas:        M14')
    expect(lines).toContain('ETA:          Wed 25 Nov, 18:00 UTC')
    expect(lines).toContain(
      'ETA history:  ETA moved 2 times: Mon 23 Nov 18:00 → Tue 24 Nov 18:00 → Wed 25 Nov 18:00 UTC',
    )
    expect(lines).toContain('Next update:  By Wed 25 Nov, 12:00 UTC')
    expect(lines).toContain('Progress:     40 %')
    expect(lines).toContain('Workaround:   Use mobile data; ask us for a MiFi.')
    expect(lines).toContain('Latest update — Identified, Wed 25 Nov, 09:30 UTC:')
    expect(rendered.text).toContain(
      'A cable was cut by roadworks.\nEngineers are splicing it now.\n\nNext steps: Test every street cabinet once spliced.',
    )
  })

  it('the HTML part says the same', () => {
    for (const phrase of [
      'What is wrong',
      'Broadband is down in M14.',
      'Major impact',
      'Broadband (Major outage)',
      'M14',
      'Wed 25 Nov, 18:00 UTC',
      'ETA moved 2 times: Mon 23 Nov 18:00 → Tue 24 Nov 18:00 → Wed 25 Nov 18:00 UTC',
      'By Wed 25 Nov, 12:00 UTC',
      '40 %',
      'Use mobile data; ask us for a MiFi.',
      'A cable was cut by roadworks.<br/>Engineers are splicing it now.',
    ]) {
      expect(rendered.html).toContain(phrase)
    }
  })

  it('every link is in both parts: incident page, manage, unsubscribe', () => {
    for (const url of Object.values(LINKS)) {
      expect(rendered.text).toContain(url)
      expect(rendered.html).toContain(`href="${url.replaceAll('&', '&amp;')}"`)
    }
    expect(rendered.text).toContain(`View the incident: ${LINKS.incident}`)
    expect(rendered.text).toContain(`Unsubscribe: ${LINKS.unsubscribe}`)
  })

  it('the ETA history says a day once, then only when it changes', () => {
    const sameDay = incident({
      eta: '2026-11-25T23:00:00.000Z',
      eta_history: [
        { eta: '2026-11-25T12:00:00.000Z', set_at: '2026-11-25T08:00:00.000Z', update_id: 'a' },
        { eta: '2026-11-25T18:00:00.000Z', set_at: '2026-11-25T11:00:00.000Z', update_id: 'b' },
        { eta: null, set_at: '2026-11-25T17:00:00.000Z', update_id: 'c' },
        { eta: '2026-11-25T23:00:00.000Z', set_at: '2026-11-25T19:00:00.000Z', update_id: 'd' },
        { eta: '2026-11-26T09:00:00.000Z', set_at: '2026-11-25T22:00:00.000Z', update_id: 'e' },
      ],
      eta_moves: 4,
    })
    const { text } = renderEventEmail(
      eventMessage('incident.updated', { incident: sameDay }),
      LINKS,
    )
    expect(text).toContain(
      'ETA moved 4 times: Wed 25 Nov 12:00 → 18:00 → no estimate → 23:00 → Thu 26 Nov 09:00 UTC',
    )
  })

  it('an overdue update and a passed ETA are flagged', () => {
    const late = renderEventEmail(
      eventMessage('incident.updated', {
        incident: incident({ eta_passed: true, update_overdue: true, overdue_minutes: 75 }),
      }),
      LINKS,
    )
    expect(late.text).toContain(
      'ETA:          ⚠ Wed 25 Nov, 18:00 UTC — passed, no new estimate yet',
    )
    expect(late.text).toContain(
      'Next update:  ⚠ Overdue by 1 h 15 min (promised by Wed 25 Nov, 12:00 UTC)',
    )
  })

  it('escapes incident text in HTML and keeps it verbatim in text', () => {
    const hostile = incident({
      name: 'Fibre <script>alert("x")</script> & "quotes"',
      workaround: '<img src=https://evil.example/x.png onerror=alert(1)>',
      incident_updates: [update({ body: 'Cause: <b>unknown</b> & rising' })],
    })
    const { text, html } = renderEventEmail(
      eventMessage('incident.created', { incident: hostile }),
      LINKS,
    )
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>unknown')
    expect(html).toContain(
      'Fibre &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;',
    )
    expect(html).toContain('Cause: &lt;b&gt;unknown&lt;/b&gt; &amp; rising')
    expect(text).toContain('Fibre <script>alert("x")</script> & "quotes"')
    expect(text).toContain('Cause: <b>unknown</b> & rising')
  })

  it('keeps the subject on one line whatever the name holds', () => {
    const subject = subjectOf('incident.updated', {
      incident: incident({ name: 'Broadband\r\nBcc: all@example.net\tdown', eta_moves: 0 }),
    })
    expect(subject).toBe(
      '[Major outage] Broadband Bcc: all@example.net down in M14 — ETA 18:00 UTC',
    )
  })

  it('is a phone-readable HTML document: viewport, one narrow column, inline styles, no images or stylesheets', () => {
    expect(rendered.html).toMatch(/^<!doctype html><html lang="en">/)
    expect(rendered.html).toContain('name="viewport" content="width=device-width, initial-scale=1"')
    expect(rendered.html).toContain('max-width:600px')
    expect(rendered.html).not.toMatch(/<img|<link|<style|<script|class=/)
  })

  it('a maintenance says when and what is planned; a component change says from what to what', () => {
    const planned = renderEventEmail(
      eventMessage('maintenance.scheduled', { incident: maintenance() }),
      LINKS,
    )
    expect(planned.text).toContain('When:         Tue 24 Nov 01:00–03:00 UTC')
    expect(planned.text).toContain('What is planned:\nWe will upgrade the core routers.')
    expect(planned.text).toContain(`View the maintenance: ${LINKS.incident}`)

    const changed = renderEventEmail(
      eventMessage('component.updated', {
        component: component({ name: 'API', status: 'partial_outage' }),
        component_update: {
          id: 'cu_1',
          component_id: 'cmp_broadband',
          created_at: '2026-11-25T09:00:00.000Z',
          old_status: 'operational',
          new_status: 'partial_outage',
        },
      }),
      LINKS,
    )
    expect(changed.text).toContain('Status:       Partial outage (was Operational)')
    expect(changed.text).toContain('Since:        Wed 25 Nov, 09:00 UTC')
    expect(changed.text).toContain(`Open the status page: ${LINKS.incident}`)
  })
})

describe('notices', () => {
  it('the confirmation email links to the confirm page, in both parts, and says the link alone does nothing', () => {
    const url = 'https://status.example.com/subscriptions/confirm/tok_c?a=1&b=2'
    const mail = renderConfirmationEmail({
      pageName: 'Acme Status',
      confirmUrl: url,
      kind: 'email',
    })
    expect(mail.subject).toBe('Confirm your subscription to Acme Status')
    expect(mail.text).toContain(`Confirm my subscription: ${url}`)
    expect(mail.html).toContain(`href="${url.replaceAll('&', '&amp;')}"`)
    expect(mail.text).toContain('nothing happens until you press it')
    expect(mail.text).toContain('48 hours')
  })

  it('the webhook confirmation names the webhook URL', () => {
    const mail = renderConfirmationEmail({
      pageName: 'Acme <Status>',
      confirmUrl: 'https://status.example.com/subscriptions/confirm/tok_w',
      kind: 'webhook',
      url: 'https://hooks.example.net/candor?x=<y>',
    })
    expect(mail.subject).toBe('Confirm your webhook for Acme <Status>')
    expect(mail.text).toContain('https://hooks.example.net/candor?x=<y>')
    expect(mail.html).toContain('https://hooks.example.net/candor?x=&lt;y&gt;')
    expect(mail.html).toContain('Acme &lt;Status&gt;')
  })

  it('the webhook-disabled email says which webhook and why', () => {
    const mail = renderWebhookDisabledEmail({
      pageName: 'Acme Status',
      url: 'https://hooks.example.net/candor',
      reason: '5 events in a row failed (last: HTTP 500 <html>)',
    })
    expect(mail.subject).toBe('Webhook disabled: Acme Status stopped sending to hooks.example.net')
    expect(mail.text).toContain('https://hooks.example.net/candor')
    expect(mail.text).toContain('Why: 5 events in a row failed (last: HTTP 500 <html>)')
    expect(mail.html).toContain('Why: 5 events in a row failed (last: HTTP 500 &lt;html&gt;)')
  })
})

describe('headers', () => {
  it('notificationHeaders gives RFC 8058 one-click unsubscribe and Auto-Submitted', () => {
    expect(notificationHeaders('https://status.example.com/subscriptions/unsubscribe/t')).toEqual({
      'List-Unsubscribe': '<https://status.example.com/subscriptions/unsubscribe/t>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    })
  })
})
