import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { AppBindings } from '../app-types'
import { EMBED_CSS } from '../views/embed-page'

/**
 * What a response is, for its headers: a `page` of ours (refuses framing), the `embed` made to be
 * framed by any site, or `shared` data other sites load (badge, widget data, feeds, API v2).
 */
export type HeaderKind = 'page' | 'embed' | 'shared'

const SHARED_PATHS = new Set([
  '/badge.svg',
  '/widget.json',
  '/widget-text.json',
  '/feed.atom',
  '/feed.rss',
  '/maintenance.ics',
])
const SHARED_PREFIXES = ['/api/v2/', '/api/v1/stats/']

/** The kind of answer at a path. */
export function headerKindOf(path: string): HeaderKind {
  if (path === '/embed') return 'embed'
  if (SHARED_PATHS.has(path) || SHARED_PREFIXES.some((prefix) => path.startsWith(prefix))) {
    return 'shared'
  }
  return 'page'
}

/** CSP source for a constant inline style: `'sha256-<base64 of its digest>'`. */
export async function hashSource(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`
}

type Handler = MiddlewareHandler<AppBindings>
type Variants = Record<HeaderKind, { http: Handler; https: Handler }>

/**
 * The variants of secureHeaders, built once per isolate. Scripts are our own files only
 * ('self': /local-time.js, the console's enhancements). The embed's one inline style is allowed by
 * hash, not by nonce: public answers are rendered once per snapshot build and reused with an ETag,
 * so a per-request nonce could not be in the cached HTML.
 */
async function buildVariants(): Promise<Variants> {
  const embedStyle = await hashSource(EMBED_CSS)
  const pagePolicy = {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    connectSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  }
  const embedPolicy = {
    defaultSrc: ["'none'"],
    // /local-time.js, from our origin (the framed document's own, whichever site frames it).
    scriptSrc: ["'self'"],
    // The hashed inline styles, and the accent colour's stylesheet from /brand/.
    styleSrc: [embedStyle, "'self'"],
    imgSrc: ["'self'"],
    formAction: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ['*'],
  }
  const variant = (kind: HeaderKind, https: boolean): Handler =>
    secureHeaders({
      contentSecurityPolicy: kind === 'embed' ? embedPolicy : pagePolicy,
      xFrameOptions: kind === 'embed' ? false : 'DENY',
      // Other sites must be able to show the badge and frame the embed.
      crossOriginResourcePolicy: kind === 'page' ? 'same-origin' : 'cross-origin',
      crossOriginOpenerPolicy: kind === 'page',
      referrerPolicy: 'strict-origin-when-cross-origin',
      strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
      // A handler's own header wins: pages reached through a token send no referrer at all.
      overwrite: false,
    })
  const both = (kind: HeaderKind) => ({ http: variant(kind, false), https: variant(kind, true) })
  return { page: both('page'), embed: both('embed'), shared: both('shared') }
}

/**
 * Security headers on every answer (hono/secure-headers): a Content-Security-Policy with no
 * `'unsafe-inline'`, `X-Content-Type-Options: nosniff`, `Referrer-Policy`, framing refused
 * except for /embed, and Strict-Transport-Security over https only. See docs/security.md.
 */
export function securityHeaders(): Handler {
  let variants: Variants | undefined
  return async function securityHeaders(c, next) {
    variants ??= await buildVariants()
    const https = new URL(c.req.url).protocol === 'https:'
    const kind = variants[headerKindOf(c.req.path)]
    return (https ? kind.https : kind.http)(c, next)
  }
}
