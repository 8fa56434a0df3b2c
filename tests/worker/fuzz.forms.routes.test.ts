import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeArea, makeComponent, makeIncident } from './factories'
import { cleanHeaders, nastyString, queryString, sendAndCheck, tally } from './fuzz-helpers'

/**
 * Bad input, generated, at the public forms and pages: the subscribe forms, the confirm,
 * manage and unsubscribe pages and the answer and reopen links with made-up tokens, the
 * "fixed for me" and "I'm affected" buttons, and the pages and feeds with odd query strings.
 * Never a 5xx; a 4xx is a readable HTML page and leaves D1 as it was.
 */

const RUNS = 20
const ORIGIN = 'http://candor.test'

let incidentId = ''
let componentId = ''
let areaId = ''

beforeAll(async () => {
  const component = await makeComponent()
  componentId = component.id
  areaId = (await makeArea()).id
  const incident = await makeIncident({
    components: { [component.id]: 'major_outage' },
    area_ids: [areaId],
  })
  incidentId = incident.id
})

afterAll(() => {
  console.log(
    `fuzz (forms): ${tally.requests} requests, ${tally.rejected} rejected (4xx), ${tally.accepted} accepted, ${tally.settled} waits for background work (${tally.settleMs} ms)`,
  )
})

const FIELDS = [
  'email',
  'url',
  'components',
  'areas',
  'choice',
  'area',
  'action',
  'List-Unsubscribe',
]

/** A field value: junk, or something that looks right, or a real id. */
const fieldValue = fc.oneof(
  nastyString,
  fc.emailAddress(),
  fc.webUrl(),
  fc.constantFrom('fixed', 'still_broken', 'leave', 'save', 'One-Click', 'on'),
  fc.constant('__component__'),
  fc.constant('__area__'),
)

const formFields = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), fc.string()), fieldValue),
  {
    maxLength: 6,
  },
)

const BOUNDARY = '----candor-fuzz-7f3a'

/** A multipart/form-data body written out by hand, names quoted as browsers quote them. */
function multipart(pairs: [string, string][]): string {
  const quote = (name: string) => name.replace(/"/g, '%22').replace(/\r?\n|\r/g, ' ')
  const parts = pairs.map(
    ([name, value]) =>
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`,
  )
  return `${parts.join('')}--${BOUNDARY}--\r\n`
}

/** A form body in one of the encodings browsers use, or in one they do not. */
const formBody = fc
  .tuple(formFields, fc.constantFrom('urlencoded', 'multipart', 'json', 'text', 'none'))
  .map(([pairs, encoding]) => {
    const filled = pairs.map(([k, v]): [string, string] => [
      k,
      v === '__component__' ? componentId : v === '__area__' ? areaId : v,
    ])
    switch (encoding) {
      case 'urlencoded':
        return {
          type: 'application/x-www-form-urlencoded',
          body: new URLSearchParams(filled).toString(),
        }
      case 'multipart':
        return { type: `multipart/form-data; boundary=${BOUNDARY}`, body: multipart(filled) }
      case 'json':
        return { type: 'application/json', body: JSON.stringify(Object.fromEntries(filled)) }
      case 'text':
        return { type: 'text/plain', body: filled.map((p) => p.join('=')).join('\n') }
      default:
        return { type: undefined, body: undefined }
    }
  })

/** Tokens that look like ours, and some that do not. */
const bogusToken = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
  nastyString.filter((s) => s.length > 0),
)

/** Origin: ours mostly (so that forms get past the cross-site check), sometimes not. */
const origin = fc.oneof(
  { weight: 4, arbitrary: fc.constant(ORIGIN) },
  { weight: 1, arbitrary: fc.constantFrom('https://evil.example', 'null', '') },
)

const segment = (value: string) =>
  value.startsWith('%')
    ? value
    : encodeURIComponent(
        value.replace(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
          '\ufffd',
        ),
      )

/** A form POST to `path(…)` with a generated body, Origin and client IP. */
function formPost(path: (token: string) => string, token: fc.Arbitrary<string>) {
  return fc
    .record({ token, form: formBody, origin, ip: fc.ipV4(), query: queryString(['saved']) })
    .map(({ token, form, origin, ip, query }) => ({
      method: 'POST',
      path: path(segment(token)) + query,
      headers: cleanHeaders({
        'cf-connecting-ip': ip,
        ...(origin ? { origin } : {}),
        ...(form.type ? { 'content-type': form.type } : {}),
      }),
      body: form.body,
    }))
}

/** A GET of `path(…)` with a generated query string. */
function pageGet(
  path: (token: string) => string,
  token: fc.Arbitrary<string>,
  names: string[] = [],
) {
  return fc
    .record({ token, query: queryString(names), ip: fc.ipV4() })
    .map(({ token, query, ip }) => ({
      method: 'GET',
      path: path(segment(token)) + query,
      headers: { 'cf-connecting-ip': ip },
    }))
}

const none = fc.constant('')
const incident = fc.oneof(
  { weight: 3, arbitrary: fc.constant('__incident__') },
  { weight: 1, arbitrary: bogusToken },
)
const incidentPath = (rest: string) => (id: string) =>
  `/incidents/${id === '__incident__' ? incidentId : id}${rest}`

const CASES: [string, fc.Arbitrary<Parameters<typeof sendAndCheck>[0]>][] = [
  ['GET /subscribe', pageGet(() => '/subscribe', none, ['component', 'area'])],
  ['POST /subscribe', formPost(() => '/subscribe', none)],
  ['POST /subscribe/webhook', formPost(() => '/subscribe/webhook', none)],
  ['GET /subscriptions/confirm/:token', pageGet((t) => `/subscriptions/confirm/${t}`, bogusToken)],
  [
    'POST /subscriptions/confirm/:token',
    formPost((t) => `/subscriptions/confirm/${t}`, bogusToken),
  ],
  [
    'GET /subscriptions/manage/:token',
    pageGet((t) => `/subscriptions/manage/${t}`, bogusToken, ['saved']),
  ],
  ['POST /subscriptions/manage/:token', formPost((t) => `/subscriptions/manage/${t}`, bogusToken)],
  [
    'GET /subscriptions/unsubscribe/:token',
    pageGet((t) => `/subscriptions/unsubscribe/${t}`, bogusToken),
  ],
  [
    'POST /subscriptions/unsubscribe/:token',
    formPost((t) => `/subscriptions/unsubscribe/${t}`, bogusToken),
  ],
  ['GET /resolution/:token', pageGet((t) => `/resolution/${t}`, bogusToken)],
  ['POST /resolution/:token', formPost((t) => `/resolution/${t}`, bogusToken)],
  ['GET /reopen/:token', pageGet((t) => `/reopen/${t}`, bogusToken)],
  ['POST /reopen/:token', formPost((t) => `/reopen/${t}`, bogusToken)],
  ['POST /incidents/:id/resolution', formPost(incidentPath('/resolution'), incident)],
  ['POST /incidents/:id/affected', formPost(incidentPath('/affected'), incident)],
  ['GET /incidents/:id', pageGet(incidentPath(''), incident)],
  ['GET /console', pageGet(() => '/console', none)],
  ['GET /console/sign-in', pageGet(() => '/console/sign-in', none)],
  ['POST /console/sign-in', formPost(() => '/console/sign-in', none)],
  ['GET /console/sign-in/:token', pageGet((t) => `/console/sign-in/${t}`, bogusToken)],
  ['POST /console/sign-in/:token', formPost((t) => `/console/sign-in/${t}`, bogusToken)],
  ['POST /console/sign-out', formPost(() => '/console/sign-out', none)],
  ['POST /console/sign-out-everywhere', formPost(() => '/console/sign-out-everywhere', none)],
  ['GET /', pageGet(() => '/', none, ['component', 'area'])],
  ['GET /history', pageGet(() => '/history', none, ['page', 'component', 'area'])],
  ['GET /embed', pageGet(() => '/embed', none, ['component', 'area', 'theme'])],
]

describe('public forms and pages, fuzzed', () => {
  for (const [name, requests] of CASES) {
    it(
      name,
      async () => {
        await fc.assert(
          fc.asyncProperty(requests, async (request) => {
            await sendAndCheck(request)
          }),
          { numRuns: RUNS },
        )
      },
      120_000,
    )
  }
})

describe('found by the fuzzer', () => {
  it('a multipart form with a nameless part is a 400 page on every form, and changes nothing', async () => {
    const body = [
      '--b0undary',
      'Content-Disposition: form-data; filename="x"',
      '',
      'hello',
      '--b0undary--',
      '',
    ].join('\r\n')
    for (const path of [
      '/subscribe',
      '/subscribe/webhook',
      '/subscriptions/manage/not-a-token',
      '/subscriptions/unsubscribe/not-a-token',
      `/incidents/${incidentId}/resolution`,
      `/incidents/${incidentId}/affected`,
    ]) {
      const res = await sendAndCheck({
        method: 'POST',
        path,
        headers: {
          origin: ORIGIN,
          'cf-connecting-ip': '198.51.100.7',
          'content-type': 'multipart/form-data; boundary=b0undary',
        },
        body,
      })
      expect(res.status, path).toBe(400)
    }
  })
})
