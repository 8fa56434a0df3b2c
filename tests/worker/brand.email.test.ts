import { afterEach, describe, expect, it } from 'vitest'
import { clearBrand } from './brand-helpers'
import { callJson, makeComponent, makeIncident } from './factories'
import { mailTo } from './harness'
import { makeEmailSubscriber, waitFor } from './pipeline-helpers'

/** The brand in subscriber emails, through the queues and the real SMTP server. */

const address = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}@example.net`

afterEach(clearBrand)

describe('a subscriber email', () => {
  it("carries the page's name on a bar of its accent colour", async () => {
    await callJson('PATCH', '/api/v1/page', {
      body: { name: 'Acme Broadband', accent_color: '#B42318' },
    })
    const component = await makeComponent()
    const to = address('branded')
    await makeEmailSubscriber(to, { componentIds: [component.id] })
    await makeIncident({
      name: 'Broadband down in M14',
      impact: 'major',
      components: { [component.id]: 'major_outage' },
    })
    const [mail] = await waitFor(
      () => mailTo(to),
      (m) => m.length === 1,
      15_000,
      'the notice',
    )
    expect(mail!.html).toMatch(
      /<td style="background:#b42318;color:#ffffff;[^"]*">Acme Broadband<\/td>/,
    )
    // The text part is unchanged by the brand.
    expect(mail!.text).not.toContain('#b42318')
  })

  it('has no bar when the page has no accent', async () => {
    const component = await makeComponent()
    const to = address('plain')
    await makeEmailSubscriber(to, { componentIds: [component.id] })
    await makeIncident({
      name: 'Broadband slow in M15',
      impact: 'minor',
      components: { [component.id]: 'degraded_performance' },
    })
    const [mail] = await waitFor(
      () => mailTo(to),
      (m) => m.length === 1,
      15_000,
      'the notice',
    )
    expect(mail!.html).toContain('Broadband slow in M15')
    expect(mail!.html).not.toMatch(/<td style="background:#[0-9a-f]{6};color:#ffffff/)
  })
})
