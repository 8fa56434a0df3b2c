import { env, exports } from 'cloudflare:workers'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consoleRoutes } from '../../src/routes/console'
import {
  browser,
  ORIGIN,
  signedInMember,
  invite,
  withCsrf,
  type ConsoleMember,
} from './console-helpers'
import {
  callJson,
  makeArea,
  makeComponent,
  makeIncident,
  makeMaintenance,
  makeToken,
  rows,
} from './factories'
import { nastyString } from './fuzz-helpers'
import { hookUrl } from './harness'
import { hookName, makeWebhook, waitFor } from './pipeline-helpers'
import { subscribeApi, uniqueEmail } from './subscriptions-helpers'

/**
 * Every console form, walked from the router itself and posted with generated bodies by a
 * signed-in owner (same origin, the session's form token): the field names of the screen that
 * holds the form with odd values (empty, long, unicode, out-of-range numbers, bad dates,
 * repeated and unknown fields), at real ids and at made-up ones; CSV files for the import; JSON
 * for the passkey steps. Never a 5xx; a 4xx is an HTML page (JSON for the passkey steps) and
 * writes nothing; a 303 goes to a console page.
 */

const RUNS = 15
/** Fewer runs where each needs a member signed in afresh. */
const SIGN_OUT_RUNS = 3
const JSON_RUNS = 8

type Owner = ConsoleMember
let owner: Owner

/** Real ids by kind, filled in beforeAll. */
const ids: Record<string, string[]> = {}

const seen = { requests: 0, rejected: 0, redirected: 0, shown: 0 }

// ---------------------------------------------------------------------------------------------
// What a request may have written

/** Written in the background by queue consumers after an earlier accepted write. */
const BACKGROUND = new Set([
  'deliveries',
  'delivery_attempts',
  'dead_letters',
  'ops_alerts',
  'ops_alert_sends',
  'page_generation',
  'idempotency_keys',
  'incident_link_tokens',
  // Each mail's manage and unsubscribe links are issued as the mail is sent.
  'link_tokens',
])
/** Tables whose rows are compared whole, not just counted (the console edits them in place). */
const WHOLE = new Set([
  'components',
  'areas',
  'templates',
  'api_tokens',
  'page_settings',
  'intake_settings',
  'passkeys',
  'incident_components',
  'incident_areas',
  'subscriber_components',
  'subscriber_areas',
])

let tables: string[] = []

/** Row counts of every table (whole rows of some) and of the audit log. */
async function written(): Promise<Record<string, string | number>> {
  const results = await env.DB.batch(
    tables.map((name) =>
      env.DB.prepare(
        WHOLE.has(name) ? `SELECT * FROM "${name}"` : `SELECT COUNT(*) AS n FROM "${name}"`,
      ),
    ),
  )
  const out: Record<string, string | number> = {}
  tables.forEach((name, i) => {
    const rows = results[i]!.results as Record<string, unknown>[]
    out[name] = WHOLE.has(name)
      ? rows
          .map((row) => JSON.stringify(row))
          .sort()
          .join('\n')
      : (rows[0]!.n as number)
  })
  return out
}

/** What changed between two looks at D1. */
function changed(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.keys(before).filter((name) => before[name] !== after[name])
}

/** After an accepted request: when it wrote, waits until what it set off has landed. */
async function settleAfter(before: Record<string, unknown>) {
  if (changed(before, await written()).length > 0) await settle()
}

/** Waits until D1 stops changing (what an accepted write set off in the background). */
async function settle(quietMs = 100, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs
  let last = JSON.stringify(await written())
  let quietSince = Date.now()
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50))
    const now = JSON.stringify(await written())
    if (now !== last) {
      last = now
      quietSince = Date.now()
    } else if (Date.now() - quietSince >= quietMs) return
  }
}

// ---------------------------------------------------------------------------------------------
// The routes and the fields of their forms

const routePaths = (method: string) => [
  ...new Set(
    consoleRoutes.routes
      .filter((r) => r.method === method && !r.path.endsWith('*'))
      .map((r) => r.path),
  ),
]
const POSTS = routePaths('POST')
const GETS = new Set(routePaths('GET'))

/** The passkey steps a script sends as JSON. */
const isJsonStep = (path: string) => /^\/passkeys\/(register|sign-in)\//.test(path)
const isSignOut = (path: string) => path.startsWith('/sign-out')
const CSV_IMPORT = '/subscribers/import'

/** The kind of thing a route's `:param` names, by the path it sits in. */
function kindOf(path: string, param: string): string {
  if (param === 'deliveryId') return 'delivery'
  if (param === 'token') return 'link'
  if (path.startsWith('/components/areas/')) return 'area'
  return path.split('/')[1]!
}

/** Each kind's real ids, some of another kind, and made-up ones. */
function idFor(kind: string): fc.Arbitrary<string> {
  const real = ids[kind] ?? []
  const others = Object.entries(ids)
    .filter(([k]) => k !== kind)
    .flatMap(([, v]) => v)
  return fc.oneof(
    ...(real.length ? [{ weight: 6, arbitrary: fc.constantFrom(...real) }] : []),
    { weight: 1, arbitrary: fc.constantFrom(...others) },
    { weight: 1, arbitrary: fc.constantFrom('nosuchid', 'new', '0', '-1', 'x'.repeat(300)) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/) },
    { weight: 1, arbitrary: nastyString.filter((s) => s !== '') },
  )
}

const lonesome = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
/** A path segment: encoded, or as given when it looks encoded already (`%00`, `%E0%A4%A`). */
const segment = (value: string) =>
  value.startsWith('%') ? value : encodeURIComponent(value.replace(lonesome, '\ufffd'))

/** The route's path with each `:param` replaced. */
function fill(path: string, values: Record<string, string>) {
  return path.replace(/:([A-Za-z_]+)/g, (_, name: string) => values[name]!)
}

/** The route's path with its params filled with real ids (the first of each kind). */
function realUrl(path: string): string | null {
  let missing = false
  const url = path.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const id = ids[kindOf(path, name)]?.[0]
    if (!id) missing = true
    return id ?? ''
  })
  return missing ? null : `/console${url}`
}

/** The screens that may hold a route's form: the route's own path shortened, and a few more. */
function holders(path: string): string[] {
  const out: string[] = []
  for (let p = path; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) if (GETS.has(p)) out.push(p)
  if (path.startsWith('/incidents')) out.push('/incidents/new')
  if (path.startsWith('/components/')) out.push('/components')
  if (path.startsWith('/passkeys/') || isSignOut(path)) out.push('/account')
  out.push('/')
  return [...new Set(out)]
}

interface FormFields {
  /** Each field's name and the values the screen offers for it (options, defaults). */
  fields: Map<string, Set<string>>
}

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
  return m ? unescape(m[1]!) : undefined
}

/** The forms of a page: where each posts (action and any button's formaction) and its fields. */
function formsOf(html: string): { targets: string[]; fields: Map<string, Set<string>> }[] {
  const forms = []
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, open, inner] = match as unknown as [string, string, string]
    const targets = [attr(open, 'action') ?? '']
    const fields = new Map<string, Set<string>>()
    const add = (name: string | undefined, value: string | undefined) => {
      if (!name || name === 'csrf') return
      if (!fields.has(name)) fields.set(name, new Set())
      if (value !== undefined) fields.get(name)!.add(value)
    }
    for (const [tag] of inner.matchAll(/<(input|button)\b[^>]*>/g)) {
      const formaction = attr(tag, 'formaction')
      if (formaction) targets.push(formaction)
      add(attr(tag, 'name'), attr(tag, 'value'))
    }
    for (const m of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      add(attr(m[1]!, 'name'), unescape(m[2]!))
    }
    for (const m of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attr(m[1]!, 'name')
      add(name, undefined)
      for (const [option] of m[2]!.matchAll(/<option\b[^>]*>/g)) add(name, attr(option, 'value'))
    }
    forms.push({ targets: targets.map((t) => t.split('?')[0]!), fields })
  }
  return forms
}

/** The fields of the form that posts to `path`, read from the screens that hold it. */
async function fieldsOf(path: string): Promise<FormFields> {
  const url = realUrl(path)
  const fields = new Map<string, Set<string>>()
  let found = false
  const pages: string[] = []
  for (const holder of holders(path)) {
    const holderUrl = realUrl(holder)
    if (!holderUrl) continue
    const res = await browser('GET', holderUrl.replace(/\/$/, ''), { cookie: owner.cookie })
    if (res.status !== 200) continue
    const html = await res.text()
    pages.push(html)
    for (const form of formsOf(html)) {
      if (!url || !form.targets.includes(url)) continue
      found = true
      for (const [name, values] of form.fields) {
        if (!fields.has(name)) fields.set(name, new Set())
        for (const v of values) fields.get(name)!.add(v)
      }
    }
  }
  if (!found) {
    // No form posts to this exact path (an id of another row): every field of its screens.
    for (const html of pages.slice(0, 1)) {
      for (const form of formsOf(html))
        for (const [name, values] of form.fields) {
          if (!fields.has(name)) fields.set(name, new Set())
          for (const v of values) fields.get(name)!.add(v)
        }
    }
  }
  return { fields }
}

// ---------------------------------------------------------------------------------------------
// Generated bodies

/** Values as people and scripts type them, and as they should never be. */
function valueFor(offered: string[]): fc.Arbitrary<string> {
  const all = Object.values(ids).flat()
  return fc.oneof(
    { weight: 4, arbitrary: nastyString },
    ...(offered.length ? [{ weight: 4, arbitrary: fc.constantFrom(...offered) }] : []),
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ minLength: 500, maxLength: 4000 }) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.integer().map(String),
        fc.double().map(String),
        fc.constantFrom(
          '-1',
          '0',
          '101',
          '1e309',
          '99999999999999999999',
          'NaN',
          'Infinity',
          '0x10',
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '2026-02-30',
        '2026-13-01T10:00',
        '2026-11-20T25:61',
        '0000-00-00T00:00',
        '+275760-09-13T00:00',
        '1969-12-31T23:59',
        '9999-12-31T23:59',
        '24:00',
        'tomorrow',
        '2026-11-20T10:00',
        '2026-11-20',
        '10:00',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(...all) },
    { weight: 1, arbitrary: fc.emailAddress() },
    { weight: 1, arbitrary: fc.webUrl() },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'http://[',
        '//[::1',
        'http://a b/',
        'http://:80',
        'javascript:alert(1)',
        '//evil.example/console/subscribers',
        '/\\evil.example',
        '/console/subscribers?q=%ZZ',
        'mailto:x@example.com',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'Europe/Berlin',
        'Not/AZone',
        'UTC',
        'owner',
        'editor',
        'viewer',
        'admin',
        'write',
        'intake',
        'slack',
        'json',
        'up',
        'down',
        'true',
        'on',
      ),
    },
  )
}

const two = (n: number) => String(n).padStart(2, '0')

/** A `datetime-local` value: around now mostly, at the edges of the calendar sometimes. */
const localTime = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: -3 * 86_400_000, max: 30 * 86_400_000 }) },
      { weight: 1, arbitrary: fc.integer({ min: -2e12, max: 3e14 }) },
    ),
    fc.constantFrom('', ':00', ':59.999'),
  )
  .map(([offset, seconds]) => {
    const at = new Date(Date.now() + offset)
    const year = String(at.getUTCFullYear()).padStart(4, '0')
    return `${year}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())}T${two(at.getUTCHours())}:${two(at.getUTCMinutes())}${seconds}`
  })

/** A value a person might type in the field called `name`. */
function plausible(name: string): fc.Arbitrary<string> {
  if (/email/.test(name)) return fc.oneof(fc.emailAddress(), fc.constant(uniqueEmail('typed')))
  if (/url/.test(name)) return fc.oneof(fc.webUrl(), fc.constant(hookUrl(hookName('typed'))))
  if (/exact|scheduled|start|until/.test(name)) return localTime
  if (/minutes|votes|share|remind/.test(name))
    return fc.integer({ min: -5, max: 100_000 }).map(String)
  return fc.oneof(
    fc.string({ minLength: 1, maxLength: 60 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    fc.constantFrom('Fibre cut {{component}}', '{{eta}} {{next_update}} {{area}}', '{{nope}}'),
  )
}

/** Pairs of field names and values: the form's own names mostly, repeated, and unknown ones. */
function pairsFor(form: FormFields): fc.Arbitrary<[string, string][]> {
  const names = [...form.fields.keys()]
  const offered = (name: string) => [...(form.fields.get(name) ?? [])]
  const anyName = fc.oneof(
    ...(names.length ? [{ weight: 5, arbitrary: fc.constantFrom(...names) }] : []),
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('component.nosuch', 'severity.9.name', 'back', '__proto__'),
    },
  )
  const random = fc.array(
    anyName.chain((name) => valueFor(offered(name)).map((v): [string, string] => [name, v])),
    { maxLength: 10 },
  )
  // Every field of the form, each with a value it offers or an odd one: gets further in.
  const whole =
    names.length === 0
      ? fc.constant([] as [string, string][])
      : fc
          .tuple(
            ...names.map((name) =>
              fc.option(
                fc.oneof(
                  {
                    weight: 3,
                    arbitrary: offered(name).some((v) => v !== '')
                      ? fc.constantFrom(...offered(name))
                      : plausible(name),
                  },
                  { weight: 1, arbitrary: valueFor(offered(name)) },
                ),
                { freq: 4 },
              ),
            ),
          )
          .map((values) =>
            values.flatMap((v, i): [string, string][] => (v === null ? [] : [[names[i]!, v]])),
          )
  return fc.oneof(random, whole)
}

const BOUNDARY = '----candor-console-fuzz-41c9'

interface Part {
  name: string
  value: string
  filename?: string
  type?: string
}

/** A multipart/form-data body written out by hand, names quoted as browsers quote them. */
function multipart(parts: Part[]): string {
  const quote = (name: string) => name.replace(/"/g, '%22').replace(/\r?\n|\r/g, ' ')
  return (
    parts
      .map(
        (p) =>
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${quote(p.name)}"${
            p.filename !== undefined ? `; filename="${quote(p.filename)}"` : ''
          }\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n${p.value}\r\n`,
      )
      .join('') + `--${BOUNDARY}--\r\n`
  )
}

interface Posted {
  path: string
  headers: Record<string, string>
  body: string
}

/** A form post of `pairs` (with the session's form token), urlencoded or multipart. */
function formRequest(url: string, pairs: [string, string][], multi: boolean, who: Owner): Posted {
  const all: [string, string][] = [['csrf', who.csrf], ...pairs]
  return multi
    ? {
        path: url,
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        body: multipart(all.map(([name, value]) => ({ name, value }))),
      }
    : {
        path: url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(all).toString(),
      }
}

/** A route's url with its params filled from their kinds' ids (and made-up ones). */
function urlFor(path: string): fc.Arbitrary<string> {
  const params = [...path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1]!)
  if (params.length === 0) return fc.constant(`/console${path}`)
  return fc
    .tuple(...params.map((p) => idFor(kindOf(path, p))))
    .map(
      (values) =>
        `/console${fill(path, Object.fromEntries(params.map((p, i) => [p, segment(values[i]!)])))}`,
    )
}

/** A CSV cell: an address, a reference to a component or area, or junk. */
const csvCell = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom('__component__', '__area__', 'No such thing', '', '"', '""', 'a;b|c', '=cmd|x'),
  nastyString,
)

/** A CSV file: a header of known columns (and unknown ones) and rows of cells. */
const csvFile = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom('email', 'components', 'areas', 'EMAIL', ' email '),
        fc.string({ maxLength: 10 }),
      ),
      {
        minLength: 0,
        maxLength: 4,
      },
    ),
    fc.array(fc.array(csvCell, { maxLength: 5 }), { maxLength: 8 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([header, lines, eol, bom]) => {
    const cell = (c: string) =>
      c === '__component__'
        ? (ids.components?.[0] ?? '')
        : c === '__area__'
          ? (ids.area?.[0] ?? '')
          : c
    const text = [header, ...lines].map((line) => line.map(cell).join(',')).join(eol)
    return (bom ? '\ufeff' : '') + text
  })

/** The import form as multipart: a file (or not, or several), consent or not, odd parts. */
function importRequest(who: Owner): fc.Arbitrary<Posted> {
  const file = fc.record({
    name: fc.constantFrom('file', 'file', 'file', 'files', 'consented'),
    value: fc.oneof(csvFile, nastyString, fc.string({ minLength: 1000, maxLength: 8000 })),
    filename: fc.option(
      fc.constantFrom('subscribers.csv', '', 'a"b.csv', '../../x.csv', 'ünï.csv'),
      {
        nil: undefined,
      },
    ),
    type: fc.option(fc.constantFrom('text/csv', 'application/octet-stream', 'image/png', ';;'), {
      nil: undefined,
    }),
  })
  const consent = fc.record({
    name: fc.constant('consented'),
    value: fc.constantFrom('true', 'on', '', 'false', 'TRUE'),
  })
  return fc
    .array(fc.oneof({ weight: 3, arbitrary: file }, { weight: 1, arbitrary: consent }), {
      maxLength: 4,
    })
    .map((parts) => ({
      path: `/console${CSV_IMPORT}`,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: multipart([{ name: 'csrf', value: who.csrf }, ...parts]),
    }))
}

// ---------------------------------------------------------------------------------------------
// Sending and checking

async function send(request: Posted, who: Owner): Promise<Response> {
  return exports.default.fetch(
    new Request(`${ORIGIN}${request.path}`, {
      method: 'POST',
      headers: { ...request.headers, cookie: who.cookie, origin: ORIGIN },
      body: request.body,
      redirect: 'manual',
    }),
  )
}

/**
 * Posts and checks the answer: never a 5xx; a 4xx is a page (JSON for a script's step) and
 * wrote nothing; a 303 goes to a console page; a 200 is a page.
 */
async function postAndCheck(
  request: Posted,
  who: Owner,
  json = false,
): Promise<{ status: number; text: string }> {
  const before = await written()
  const res = await send(request, who)
  const text = await res.text()
  const what = `POST ${request.path} ${request.body.slice(0, 400)}\n→ ${res.status} ${res.headers.get('location') ?? ''} ${text.replace(/\s+/g, ' ').slice(0, 300)}`
  seen.requests++
  expect(res.status, what).toBeLessThan(500)
  const type = res.headers.get('content-type') ?? ''
  if (res.status >= 400) {
    seen.rejected++
    expect(type, what).toMatch(json ? /^(application\/json|text\/html)/ : /^text\/html/)
    expect(changed(before, await written()), `wrote on a ${res.status}: ${what}`).toEqual([])
  } else if (res.status >= 300) {
    seen.redirected++
    expect(res.status, what).toBe(303)
    const location = res.headers.get('location') ?? ''
    expect(location, what).toMatch(/^\/console(\/|\?|$)/)
    await settleAfter(before)
    // And the page it sends to is there (a signed-out member goes to the sign-in page).
    const landing = await browser('GET', location, { cookie: who.cookie })
    expect([landing.status, location], what).toEqual([200, location])
  } else {
    seen.shown++
    expect(type, what).toMatch(json ? /^application\/json/ : /^text\/html/)
    await settleAfter(before)
  }
  return { status: res.status, text }
}

/** Stores a passkey for a member directly (its key is never used). */
async function storePasskey(memberId: string, name: string): Promise<string> {
  const id = `cred-${crypto.randomUUID()}`
  await env.DB.prepare(
    `INSERT INTO passkeys (id, member_id, public_key, counter, transports, name, created_at)
     VALUES (?, ?, 'AAAA', 0, '["internal"]', ?, '2026-11-20T10:00:00.000Z')`,
  )
    .bind(id, memberId, name)
    .run()
  return id
}

beforeAll(async () => {
  tables = (
    await rows<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name`,
    )
  )
    .map((r) => r.name)
    .filter((name) => !BACKGROUND.has(name))

  owner = await withCsrf(await signedInMember('owner'))
  const component = await makeComponent()
  const group = await makeComponent({ name: `Group ${crypto.randomUUID().slice(0, 6)}` })
  const area = await makeArea()
  const incident = await makeIncident({
    components: { [component.id]: 'major_outage' },
    area_ids: [area.id],
  })
  const resolved = await makeIncident({ status: 'resolved' })
  const maintenance = await makeMaintenance({ component_ids: [component.id] })
  const template = await callJson('POST', '/api/v1/templates', {
    body: {
      kind: 'incident',
      name: `Fuzz ${crypto.randomUUID().slice(0, 6)}`,
      title: '{{component}} is down',
      status: 'investigating',
      body: 'We are looking into {{component}}.',
      components: { [component.id]: 'partial_outage' },
      area_ids: [area.id],
    },
  })
  const subscriberEmail = uniqueEmail('fuzzed')
  expect((await subscribeApi({ email: subscriberEmail })).status).toBe(202)
  const [subscriber] = await rows<{ id: string }>(
    'SELECT id FROM subscribers WHERE email = ?',
    subscriberEmail,
  )
  const webhook = await makeWebhook(hookName('console-fuzz'))
  const member = await signedInMember('editor')
  const invited = await invite('viewer')
  const token = await makeToken(['write'])
  const passkey = await storePasskey(owner.id, 'Fuzzed key')
  const theirPasskey = await storePasskey(member.id, 'Not yours')
  const [delivery] = await waitFor(
    () => rows<{ id: string }>('SELECT id FROM deliveries WHERE subscriber_id = ?', webhook.id),
    (found) => found.length > 0,
    10_000,
    'a delivery to the webhook',
  )
  Object.assign(ids, {
    incidents: [incident.id, resolved.id],
    maintenance: [maintenance.id],
    components: [component.id, group.id],
    area: [area.id],
    templates: [template.id],
    subscribers: [subscriber!.id],
    webhooks: [webhook.id],
    delivery: [delivery!.id],
    members: [member.id, invited.id],
    tokens: [token.id],
    passkeys: [passkey, theirPasskey],
    link: ['not-a-link-token'],
  })
  await settle()
}, 60_000)

afterAll(() => {
  console.log(
    `fuzz (console): ${seen.requests} requests, ${seen.rejected} refused (4xx), ${seen.redirected} redirected (303), ${seen.shown} shown (200)`,
  )
})

// First, while the rows made above are as they were made.
describe('found by the fuzzer', () => {
  const incidentForms = () => [
    '/console/incidents',
    '/console/incidents/preview',
    `/console/incidents/${ids.incidents![0]!}/updates`,
    `/console/incidents/${ids.incidents![0]!}/preview`,
  ]
  const typed: [string, string][] = [
    ['name', 'Fibre cut'],
    ['body', 'We are looking into it.'],
    ['status', 'investigating'],
    ['impact', 'minor'],
  ]
  const fieldErrors = (html: string) =>
    Object.fromEntries(
      [...html.matchAll(/class="field-error" id="[a-z-]*?-?([a-z_]+)-error">([^<]*)</g)].map(
        (m) => [m[1]!, m[2]!],
      ),
    )

  it('a time pick named like an Object property (`__proto__`, `toString`) is a field error, not a 500', async () => {
    for (const path of incidentForms()) {
      for (const [field, pick] of [
        ['eta', '__proto__'],
        ['eta', 'constructor'],
        ['next_update_at', 'toString'],
      ] as const) {
        const res = await postAndCheck(
          formRequest(
            path,
            [
              ...typed,
              ...(field === 'eta' ? [['next_update_at', '1h'] as [string, string]] : []),
              [field, pick],
            ],
            false,
            owner,
          ),
          owner,
        )
        expect([path, pick, res.status]).toEqual([path, pick, 400])
        const errors = fieldErrors(res.text)
        expect([path, pick, errors[field]]).toEqual([
          path,
          pick,
          field === 'next_update_at' && /\/incidents\/[^/]+\/(updates|preview)$/.test(path)
            ? 'Say when the next update will come, or choose “No further updates promised”.'
            : 'Choose one of the options.',
        ])
      }
    }
  })

  it('a refused ETA does not call the Message that was typed missing', async () => {
    for (const path of incidentForms()) {
      const res = await postAndCheck(
        formRequest(
          path,
          [...typed, ['eta', 'exact'], ['eta_exact', 'soon'], ['next_update_at', '1h']],
          false,
          owner,
        ),
        owner,
      )
      expect([path, res.status]).toEqual([path, 400])
      // Only the ETA is refused (in the page's zone, whatever the fuzzing above set it to).
      const errors = fieldErrors(res.text)
      expect([path, Object.keys(errors)]).toEqual([path, ['eta']])
      expect(errors.eta).toMatch(/^Give a date and time \(in [A-Za-z_/+-]+\)\.$/)
    }
  })
})

describe('every console form, fuzzed as an owner', () => {
  it('walks every form there is', () => {
    expect(POSTS).toContain('/incidents/:id/updates')
    expect(POSTS).toContain(CSV_IMPORT)
    expect(POSTS.filter(isJsonStep)).toHaveLength(4)
  })

  for (const path of POSTS.filter((p) => !isJsonStep(p) && !isSignOut(p) && p !== CSV_IMPORT)) {
    it(`POST ${path}`, async () => {
      const form = await fieldsOf(path)
      const requests = fc
        .tuple(urlFor(path), pairsFor(form), fc.boolean())
        .map(([url, pairs, multi]) => formRequest(url, pairs, multi, owner))
      await fc.assert(
        fc.asyncProperty(requests, async (request) => {
          await postAndCheck(request, owner)
        }),
        { numRuns: RUNS },
      )
    }, 60_000)
  }

  it(`POST ${CSV_IMPORT} with generated multipart bodies`, async () => {
    await fc.assert(
      fc.asyncProperty(importRequest(owner), async (request) => {
        await postAndCheck(request, owner)
      }),
      { numRuns: RUNS * 2 },
    )
  }, 60_000)

  for (const path of POSTS.filter(isSignOut)) {
    it(`POST ${path} (each run signed in afresh)`, async () => {
      const form = await fieldsOf(path)
      await fc.assert(
        fc.asyncProperty(pairsFor(form), fc.boolean(), async (pairs, multi) => {
          const member = await withCsrf(await signedInMember('viewer'))
          await settle()
          const res = await postAndCheck(
            formRequest(`/console${path}`, pairs, multi, member),
            member,
          )
          // Signed out, or the form refused (a part the browser would never send).
          expect([303, 403]).toContain(res.status)
        }),
        { numRuns: SIGN_OUT_RUNS },
      )
    }, 60_000)
  }

  for (const path of POSTS.filter(isJsonStep)) {
    it(`POST ${path} with generated JSON`, async () => {
      const body = fc.oneof(
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc
          .record(
            { response: fc.jsonValue(), name: fc.jsonValue(), id: fc.jsonValue() },
            { requiredKeys: [] },
          )
          .map((v) => JSON.stringify(v)),
        fc.constantFrom('', '{', 'null', '[]', '{"response":{}}', '{"response":"x"}'),
      )
      await fc.assert(
        fc.asyncProperty(body, async (text) => {
          const res = await postAndCheck(
            {
              path: `/console${path}`,
              headers: { 'content-type': 'application/json', 'x-candor-csrf': owner.csrf },
              body: text,
            },
            owner,
            true,
          )
          // Only asking for options succeeds without a browser's answer.
          if (path.endsWith('/verify')) expect(res.status).toBeGreaterThanOrEqual(400)
        }),
        { numRuns: JSON_RUNS },
      )
    }, 60_000)
  }
})
