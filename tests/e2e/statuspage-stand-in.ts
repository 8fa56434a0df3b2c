import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A Statuspage page for the importer to read: a local server answering with given documents
 * (a real summary.json, and Manage API v1 lists shaped as Atlassian's document describes).
 */

const ahead = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()

/**
 * The Manage API v1 lists of the page whose summary is `summary`: two active email
 * subscribers, one unconfirmed, a webhook, two incident templates, and a history of one
 * maintenance and one resolved incident.
 */
export function statuspageDocuments(summary: any) {
  const pageId = summary.page.id
  const componentId = summary.components[0].id
  const subscriber = (id: string, email: string, components: string[]) => ({
    id,
    skip_confirmation_notification: false,
    mode: 'email',
    email,
    components,
    created_at: '2024-03-01T10:00:00.000Z',
  })
  const active = [
    subscriber('fw1r7z73crqm', 'ana@example.com', [componentId]),
    subscriber('fw1r7z73crqn', 'bo@example.com', []),
  ]
  const unconfirmed = [subscriber('fw1r7z73crqp', 'cy@example.com', [])]
  const webhook = {
    id: 'fw1r7z73crqw',
    mode: 'webhook',
    endpoint: 'http://example.com/',
    email: 'ops@example.com',
    created_at: '2024-03-01T10:00:00.000Z',
  }
  const templates = [
    {
      id: '889lrjyq1thj',
      name: 'Korea down',
      title: 'Voice in South Korea is down',
      body: 'We are looking into it.',
      group_id: 'd0b1h76v33xk',
      update_status: 'investigating',
      should_tweet: false,
      should_send_notifications: true,
      components: [{ ...summary.components[0], status: 'major_outage' }],
    },
    {
      id: '889lrjyq1thk',
      name: 'Planned work',
      title: 'Planned work',
      body: 'Upgrades.',
      group_id: 'd0b1h76v33xk',
      update_status: 'scheduled',
      should_tweet: false,
      should_send_notifications: true,
      components: [],
    },
  ]
  const update = (id: string, incident: string, status: string, body: string, at: string) => ({
    id,
    incident_id: incident,
    affected_components: [],
    body,
    created_at: at,
    display_at: at,
    status,
    deliver_notifications: true,
  })
  // Statuspage's v1 incidents carry no started_at: an incident began when it was created.
  const history = [
    {
      id: 'mmt4b1ptq3w1',
      name: 'Upgrading the Seoul exchange',
      status: 'scheduled',
      impact: 'maintenance',
      created_at: '2024-03-02T08:00:00.000Z',
      scheduled_for: ahead(72),
      scheduled_until: ahead(74),
      components: [summary.components[0]],
      incident_updates: [
        update('u3', 'mmt4b1ptq3w1', 'scheduled', 'New switches.', '2024-03-02T08:00:00.000Z'),
      ],
    },
    {
      id: 'p31zjtct2jer',
      name: 'Voice degraded in Seoul',
      status: 'resolved',
      impact: 'minor',
      created_at: '2024-02-10T09:00:00.000Z',
      resolved_at: '2024-02-10T10:30:00.000Z',
      scheduled_for: null,
      components: [summary.components[0]],
      incident_updates: [
        update(
          'u2',
          'p31zjtct2jer',
          'resolved',
          'Calls connect again.',
          '2024-02-10T10:30:00.000Z',
        ),
        update('u1', 'p31zjtct2jer', 'investigating', 'Calls drop.', '2024-02-10T09:00:00.000Z'),
      ],
    },
  ]
  return { pageId, componentId, active, unconfirmed, webhook, templates, history }
}

/** A local stand-in for a Statuspage page and its Manage API, answering the given documents. */
export async function startStatuspage(
  documents: Record<string, unknown>,
): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = []
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    seen.push(`${req.method} ${url.pathname}${url.search} ${req.headers.authorization ?? ''}`)
    const state = url.searchParams.get('state')
    const page = url.searchParams.get('page')
    const body = documents[`${url.pathname}?state=${state}`] ?? documents[url.pathname]
    // Lists answer their one page; later pages are empty, as Statuspage's are.
    const isLaterPage =
      Array.isArray(body) &&
      page !== null &&
      page !== (/(templates|incidents)$/.test(url.pathname) ? '1' : '0')
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}')
    } else {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(isLaterPage ? [] : body))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server }
}
