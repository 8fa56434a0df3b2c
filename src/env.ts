/**
 * The Worker's bindings: what `wrangler types` generates from wrangler.toml (`Env`), plus the
 * optional settings read from vars and secrets (see README "Settings").
 */
export interface AppEnv extends Env {
  /** Bootstrap owner token; required for the admin API. */
  ADMIN_TOKEN?: string
  /** The first owner's address: made a member (active) when there is no member yet. */
  OWNER_EMAIL?: string
  /** Base URL for links in emails, webhooks and feeds (default: the request's origin). */
  PUBLIC_URL?: string
  /** The page's name (default `Candor`); the API can override it. */
  PAGE_NAME?: string
  /** `true` lets webhook and ops URLs use plain http:// (local development and tests). */
  ALLOW_HTTP_WEBHOOKS?: string
  /** `smtp://user:pass@host:port` (STARTTLS if offered) or `smtps://…` (implicit TLS). */
  SMTP_URL?: string
  /** Sender address for all mail. */
  EMAIL_FROM?: string
  /** Cloudflare Email Service binding, used when SMTP_URL is unset. */
  EMAIL?: SendEmail
  /** Where ops alerts are POSTed (Standard-Webhooks-signed with OPS_WEBHOOK_SECRET). */
  OPS_WEBHOOK_URL?: string
  /** `whsec_…` secret signing ops alerts. */
  OPS_WEBHOOK_SECRET?: string
  /** Where ops alerts are emailed. */
  OPS_EMAIL?: string
  /** Consecutive failed events after which a webhook is disabled (default 5). */
  WEBHOOK_DISABLE_AFTER?: string
  /** Seconds a delivery's claim holds without being extended (default 60). */
  DELIVERY_CLAIM_SECONDS?: string
  /** Days finished deliveries and their attempts are kept (default 30). */
  RETENTION_DELIVERIES_DAYS?: string
  /** Days outbox events are kept after their fan-out, once their deliveries are gone (default 30). */
  RETENTION_EVENTS_DAYS?: string
  /** Cloudflare Access team domain, e.g. `https://acme.cloudflareaccess.com` (with ACCESS_AUD). */
  ACCESS_TEAM_DOMAIN?: string
  /** The AUD tag of the Access application in front of the console (with ACCESS_TEAM_DOMAIN). */
  ACCESS_AUD?: string
  /** Days expired link tokens are kept, so an old link still reads "expired" (default 7). */
  RETENTION_LINK_TOKENS_DAYS?: string
}
