import type { ClaimHolder } from '../../db/deliveries'
import {
  claimMail,
  extendMailClaims,
  recordMailAttempt,
  selectMails,
  selectStuckMailIds,
  touchMails,
  type MailRow,
} from '../../db/transactional-mail'
import { ensurePage, pageName } from '../../domain/page'
import type { AppEnv } from '../../env'
import type { Language } from '../../i18n/languages'
import { ClaimKeeper } from './claim-keeper'
import { confirmationTemplate } from '../email/confirmation-mail'
import { memberLinkTemplate } from '../email/member-link-mail'
import type { Verdict } from './send-verdicts'
import { createMailer } from '../email/mailer'
import { stableMessageId } from '../email/message-id'
import { backoffSeconds } from './retry-schedule'
import type { MailQueueMessage, OutgoingEmail } from '../types'

/** What a template gets besides its params. */
export interface MailContext {
  pageName: string
  /** The page's default language and time zone. */
  language: Language
  timeZone: string
}

/** A template: the mail (less its recipient and Message-ID) from its params. */
export type MailTemplate = (
  params: Record<string, unknown>,
  ctx: MailContext,
) => Omit<OutgoingEmail, 'to' | 'messageId'>

/**
 * The templates transactional mail can use, by the name stored on its row. A new kind of mail
 * (a sign-in link, an invitation) adds its template here and records rows with insertMails.
 */
export const MAIL_TEMPLATES: Record<string, MailTemplate> = {
  confirmation: confirmationTemplate,
  member_link: memberLinkTemplate,
}

/** A recorded mail not sent by this long has lost its queue message: the sweep sends it again. */
export const MAIL_STUCK_AFTER_MS = 2 * 60_000

const ACK: Verdict = { ack: true }

/** Puts recorded mails on the DELIVERIES queue (at most 100 per call of the queue). */
export async function enqueueMails(
  queue: Queue<MailQueueMessage> | Queue,
  ids: string[],
): Promise<void> {
  for (let i = 0; i < ids.length; i += 100) {
    await queue.sendBatch(ids.slice(i, i + 100).map((mailId) => ({ body: { mailId } })))
  }
}

/**
 * Sends transactional mail named by DELIVERIES messages, once each: every mail is claimed before
 * it is sent, the claims are extended while the batch runs, and each outcome is recorded as soon
 * as the mail server answers. A temporary failure is retried with backoff (the message moves to
 * the dead-letter queue when its retries are spent); a permanent one, or a mail past its expiry,
 * is given up. Every send of a mail carries the Message-ID derived from its id.
 */
export async function processMail(
  env: AppEnv,
  messages: Message<MailQueueMessage>[],
  now: Date,
  holder: ClaimHolder,
): Promise<Map<Message<unknown>, Verdict>> {
  const db = env.DB
  const at = now.toISOString()
  const verdicts = new Map<Message<unknown>, Verdict>()
  const byId = new Map<string, Message<MailQueueMessage>>()
  for (const message of messages) {
    if (byId.has(message.body.mailId)) verdicts.set(message, ACK)
    else byId.set(message.body.mailId, message)
  }
  const open: { message: Message<MailQueueMessage>; mail: MailRow }[] = []
  const expired: D1PreparedStatement[] = []
  for (const mail of await selectMails(db, [...byId.keys()])) {
    const message = byId.get(mail.id)!
    if (mail.status === 'sent' || mail.status === 'dead') continue
    if (Date.parse(mail.expiresAt) <= now.getTime() || !mail.params) {
      const error = 'expired before it could be sent'
      expired.push(
        recordMailAttempt(db, {
          id: mail.id,
          status: 'dead',
          error,
          at,
          claimedBy: null,
          attempted: false,
        }),
      )
      continue
    }
    open.push({ message, mail })
  }
  // Gone, finished or expired: nothing more to do.
  for (const message of byId.values()) verdicts.set(message, ACK)
  if (expired.length > 0) await db.batch(expired)
  if (open.length === 0) return verdicts

  const claims = await db.batch(open.map(({ mail }) => claimMail(db, mail.id, now, holder)))
  const claimed = open.filter((item, i) => {
    if (claims[i]!.meta.changes === 1) return true
    verdicts.set(item.message, { ack: false, delaySeconds: Math.ceil(holder.leaseMs / 1000) })
    return false
  })
  if (claimed.length === 0) return verdicts

  const keeper = new ClaimKeeper(
    (ids, when) => extendMailClaims(db, ids, holder.by, when).run(),
    holder.leaseMs,
  )
  keeper.hold(claimed.map((c) => c.mail.id))
  const session = createMailer(env).open()
  try {
    const page = await ensurePage(db, now)
    const context: MailContext = {
      pageName: pageName(page, env.PAGE_NAME),
      language: page.language,
      timeZone: page.timeZone,
    }
    for (const { message, mail } of claimed) {
      const result = await sendOne(env, session, mail, context)
      const status = result.ok ? 'sent' : result.temporary ? 'failed' : 'dead'
      const record = recordMailAttempt(db, {
        id: mail.id,
        status,
        error: result.ok ? null : result.error,
        at: new Date().toISOString(),
        claimedBy: holder.by,
        attempted: true,
      })
      try {
        await record.run()
        verdicts.set(
          message,
          status === 'failed'
            ? { ack: false, delaySeconds: backoffSeconds(message.attempts) }
            : ACK,
        )
      } catch (error) {
        console.error(`recording the outcome of mail ${mail.id} failed`, error)
        verdicts.set(message, { ack: false, delaySeconds: backoffSeconds(message.attempts) })
      }
      keeper.release(mail.id)
    }
  } finally {
    keeper.stop()
    await session.close()
  }
  return verdicts
}

async function sendOne(
  env: AppEnv,
  session: ReturnType<ReturnType<typeof createMailer>['open']>,
  mail: MailRow,
  context: MailContext,
) {
  const template = MAIL_TEMPLATES[mail.template]
  if (!template) {
    return { ok: false as const, temporary: false, error: `no mail template "${mail.template}"` }
  }
  let email: OutgoingEmail
  try {
    email = {
      ...template(mail.params ?? {}, context),
      to: mail.recipient,
      messageId: stableMessageId(mail.id, env),
    }
  } catch (error) {
    return { ok: false as const, temporary: true, error: `could not render: ${String(error)}` }
  }
  return session.send(email)
}

/**
 * Re-sends transactional mail stuck pending (recorded, but the queue send failed or was lost)
 * or claimed by a run that vanished. The consumer claims before sending, so a mail whose
 * message was only slow is still sent once.
 */
export async function requeueStuckMail(
  env: { DB: D1Database; DELIVERIES: Queue },
  now = new Date(),
  limit = 500,
): Promise<number> {
  const before = new Date(now.getTime() - MAIL_STUCK_AFTER_MS).toISOString()
  const ids = await selectStuckMailIds(env.DB, before, limit)
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100)
    await enqueueMails(env.DELIVERIES, chunk)
    await touchMails(env.DB, chunk, now.toISOString()).run()
  }
  return ids.length
}
