import { insertAudit } from '../db/audit'
import { updateSubscriberReader } from '../db/subscriber-reader'
import { selectSubscriber } from '../db/subscribers'
import { isLanguage, LANGUAGES, type Language } from '../i18n/languages'
import { knownTimeZone } from '../i18n/time-zones'
import type { VerbContext } from './context'
import { invalidField } from './errors'
import type { Subscriber } from './subscriber-types'
import { getSubscriber } from './subscriber-list'
import { viewManage, type LinkOutcome } from './subscription-links'
import type { SubscriptionContext } from './subscriptions'

/**
 * A subscriber's own time zone and language: what its emails are written in. Null (or an empty
 * form field) means the page's, and follows the page when its settings change.
 */
export interface ReaderChoice {
  /** An IANA zone; omitted keeps the current one. */
  time_zone?: string | null
  /** en, de, fr, es or ar; omitted keeps the current one. */
  language?: string | null
}

/** The choice checked: a known zone by its canonical name, a language Candor speaks, or null. */
export function checkReaderChoice(
  input: ReaderChoice,
  current: Pick<Subscriber, 'timeZone' | 'language'>,
): { timeZone: string | null; language: Language | null } {
  let timeZone = current.timeZone
  if (input.time_zone !== undefined) {
    const given = input.time_zone?.trim() ?? ''
    timeZone = given === '' ? null : knownTimeZone(given)
    if (timeZone === null && given !== '') {
      throw invalidField(
        'time_zone',
        `Unknown time zone "${given}": give an IANA name such as Europe/London, or nothing for the page's.`,
      )
    }
  }
  let language = current.language
  if (input.language !== undefined) {
    const given = input.language?.trim() ?? ''
    if (given !== '' && !isLanguage(given)) {
      throw invalidField(
        'language',
        `Unknown language "${given}": give one of ${LANGUAGES.join(', ')}, or nothing for the page's.`,
      )
    }
    language = given === '' ? null : (given as Language)
  }
  return { timeZone, language }
}

/** Ops set a subscriber's time zone and language (the admin API), with the audit row. */
export async function setSubscriberReader(
  ctx: VerbContext,
  id: string,
  input: ReaderChoice,
): Promise<Subscriber> {
  const subscriber = await getSubscriber(ctx.db, id)
  const chosen = checkReaderChoice(input, subscriber)
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    updateSubscriberReader(ctx.db, id, chosen, at),
    insertAudit(
      ctx.db,
      ctx.actor,
      'subscriber.update',
      { type: 'subscriber', id },
      { time_zone: chosen.timeZone, language: chosen.language },
      at,
    ),
  ])
  return (await selectSubscriber(ctx.db, id)) ?? subscriber
}

/**
 * A subscriber chooses its own time zone and language on its manage page (the link in its
 * emails authorises it). Refused input changes nothing; only an active subscription changes.
 */
export async function chooseReader(
  ctx: SubscriptionContext,
  token: string,
  input: ReaderChoice,
): Promise<LinkOutcome<Subscriber>> {
  const found = await viewManage(ctx.db, token, ctx.now)
  if (!found.ok) return found
  const subscriber = found.value
  const chosen = checkReaderChoice(input, subscriber)
  if (subscriber.status !== 'active') return found
  await updateSubscriberReader(ctx.db, subscriber.id, chosen, ctx.now.toISOString(), 'active').run()
  return { ok: true, value: (await selectSubscriber(ctx.db, subscriber.id)) ?? subscriber }
}
