import { beforeAll, describe, expect, it } from 'vitest'
import { callJson, makeComponent, rows } from './factories'
import { INCIDENT_ENCODINGS, sent, v1Send } from './manage-v1-incident-calls'
import { expectRefused, pageId, v1Json } from './manage-v1-helpers'

const LIST = '/pages/{page_id}/incident_templates'
let page: string
const unique = (name: string) => `${name} ${crypto.randomUUID().slice(0, 8)}`

beforeAll(async () => {
  page = await pageId()
})

describe.each(INCIDENT_ENCODINGS)(
  'incident templates through the Manage API v1 (%s)',
  (encoding) => {
    it("create and list, landing in Candor's templates", async () => {
      const api = await makeComponent({ status: 'operational' })
      const web = await makeComponent({ status: 'degraded_performance' })
      const name = unique('API down')
      const created = await v1Send(
        'POST',
        `/pages/${page}/incident_templates`,
        LIST,
        201,
        encoding,
        {
          template: {
            name,
            title: 'API unavailable',
            body: 'We are investigating errors on the API.',
            update_status: 'identified',
            should_tweet: 'true',
            should_send_notifications: 'true',
            component_ids: [api.id, web.id],
            components: { [api.id]: 'major_outage' },
          },
        },
      )
      expect(created).toMatchObject({
        name,
        title: 'API unavailable',
        body: 'We are investigating errors on the API.',
        update_status: 'identified',
        should_tweet: false,
      })
      const statuses = Object.fromEntries(
        created.components.map((c: { id: string; status: string }) => [c.id, c.status]),
      )
      expect(statuses).toEqual({ [api.id]: 'major_outage', [web.id]: 'degraded_performance' })

      const native = await callJson<{ id: string; kind: string; components: unknown }[]>(
        'GET',
        '/api/v1/templates',
      )
      expect(native.find((t) => t.id === created.id)).toMatchObject({
        kind: 'incident',
        components: { [api.id]: 'major_outage', [web.id]: 'degraded_performance' },
      })
      const audit = await rows('SELECT action FROM audit_log WHERE target_id = ?', created.id)
      expect(audit).toEqual([{ action: 'template.create' }])

      const listed = await v1Json<{ id: string }[]>(
        'GET',
        `/pages/${page}/incident_templates.json`,
        LIST,
        200,
      )
      expect(listed.map((t) => t.id)).toContain(created.id)
      const paged = await v1Json<{ id: string }[]>(
        'GET',
        `/pages/${page}/incident_templates?per_page=1&page=1`,
        LIST,
        200,
      )
      expect(paged).toHaveLength(1)
    })

    it('refuses bad templates with 422, an unknown page with 404, no key with 401', async () => {
      const path = `/pages/${page}/incident_templates`
      await expectRefused(
        422,
        'POST',
        path,
        sent(encoding, { template: { name: unique('No title'), body: 'x' } }),
      )
      await expectRefused(
        422,
        'POST',
        path,
        sent(encoding, {
          template: { name: unique('Bad'), title: 'T', body: 'x', update_status: 'on_fire' },
        }),
      )
      await expectRefused(
        422,
        'POST',
        path,
        sent(encoding, {
          template: { name: unique('Bad'), title: 'T', body: 'x', component_ids: ['nosuchcomp01'] },
        }),
      )
      await expectRefused(
        404,
        'POST',
        '/pages/notthispage1/incident_templates',
        sent(encoding, { template: { name: unique('Elsewhere'), title: 'T', body: 'x' } }),
      )
      await expectRefused(401, 'GET', path, { key: null })
    })
  },
)
