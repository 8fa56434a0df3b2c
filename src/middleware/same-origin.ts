import type { Context, MiddlewareHandler } from 'hono'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import type { AppBindings } from '../app-types'

type Ctx = Context<AppBindings>

/** The origins our own forms post from: this request's, and PUBLIC_URL's when it is set. */
function ownOrigins(c: Ctx): string[] {
  const origins = [new URL(c.req.url).origin]
  if (c.env.PUBLIC_URL) {
    try {
      origins.push(new URL(c.env.PUBLIC_URL).origin)
    } catch {
      // An unreadable PUBLIC_URL adds nothing.
    }
  }
  return origins
}

/**
 * hono/csrf lets a form post through when the browser says it is `Sec-Fetch-Site: same-origin`
 * or its `Origin` is one of ours. The Sec-Fetch-Site rule matters on pages sent with
 * `Referrer-Policy: no-referrer`: browsers then post their forms with `Origin: null`.
 */
const checkForm = csrf({ origin: (origin, c) => ownOrigins(c as Ctx).includes(origin) })

/** True when hono/csrf lets this request through. */
export async function passesCsrf(c: Ctx): Promise<boolean> {
  let passed = false
  try {
    await checkForm(c, async () => {
      passed = true
    })
  } catch (error) {
    if (!(error instanceof HTTPException && error.status === 403)) throw error
  }
  return passed
}

/**
 * Refuses form posts that come from another site (hono/csrf, with PUBLIC_URL's origin accepted
 * as well as the request's own), answering with `refuse`. Posts with neither `Origin` nor
 * `Sec-Fetch-Site` pass: they come from no browser (mail clients, RFC 8058 one-click), and the
 * token in the URL is what authorises them. `exempt` lets a route accept some posts from anywhere.
 */
export function sameOriginForms(options: {
  refuse: (c: Ctx) => Response | Promise<Response>
  exempt?: (c: Ctx) => boolean | Promise<boolean>
}): MiddlewareHandler<AppBindings> {
  return async function sameOriginForms(c, next) {
    const fromBrowser =
      c.req.header('origin') !== undefined || c.req.header('sec-fetch-site') !== undefined
    if (fromBrowser && !(await options.exempt?.(c)) && !(await passesCsrf(c))) {
      return options.refuse(c)
    }
    await next()
  }
}

/**
 * Whether a request that hono/csrf does not judge (a `fetch` with a JSON body) comes from a
 * page of ours: `Sec-Fetch-Site`, when sent, must be `same-origin`; an `Origin` other than
 * `null` (sent under `Referrer-Policy: no-referrer`) must be ours; and one of them must be there.
 */
export function fromOwnOrigin(c: Ctx): boolean {
  const site = c.req.header('sec-fetch-site')
  const origin = c.req.header('origin')
  if (site !== undefined && site !== 'same-origin') return false
  if (origin !== undefined && origin !== 'null' && !ownOrigins(c).includes(origin)) return false
  return site === 'same-origin' || (origin !== undefined && origin !== 'null')
}

const JSON_TYPE = /^application\/json\b/i

/** Whether a request's body is declared as JSON. */
export function sendsJson(c: Ctx): boolean {
  return JSON_TYPE.test(c.req.header('content-type') ?? '')
}
