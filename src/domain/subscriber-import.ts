import { insertAudit } from '../db/audit'
import { insertEmailSubscribers } from '../db/subscriber-import-rows'
import { isDuplicateAddress, selectKnownEmails } from '../db/subscribers'
import { insertMails } from '../db/transactional-mail'
import { parseCsv } from '../lib/csv'
import { newId } from '../lib/ids'
import { confirmationMail } from './confirmation-mail'
import { LINK_TTL_MS } from './link-purpose'
import type { VerbContext } from './context'
import { CandorError, invalidField } from './errors'
import { issueLinkTokens } from './link-tokens'
import type { SubscriptionChoices } from './subscriber-types'
import { checkEmail, loadCatalog } from './subscription-input'
import type { ConfirmationRequest } from './subscriptions'

/** What a CSV import did, row by row where a row was not added. */
export interface ImportReport {
  added: number
  active: number
  pending: number
  skipped: { line: number; email: string; reason: string }[]
  errors: { line: number; email: string | null; message: string }[]
  ignoredColumns: string[]
}

const IMPORT_COLUMNS = ['email', 'components', 'areas'] as const

/** A component or area named by id or (without regard to case) by name. */
function findByRef<T extends { id: string; name: string }>(list: T[], ref: string): T | undefined {
  return (
    list.find((x) => x.id === ref) ?? list.find((x) => x.name.toLowerCase() === ref.toLowerCase())
  )
}

/** Splits a cell listing several components or areas (`;` or `|` between them). */
function refsIn(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/**
 * Imports email subscribers from CSV with a header row naming the columns `email` and
 * optionally `components` and `areas` (ids or names, separated by `;`). With `consented`
 * (the importer states every address agreed) rows become active at once; otherwise they are
 * pending and each gets a confirmation email. Known addresses are skipped — one that left is
 * never signed up again by an import. Rows with errors are reported; valid rows are kept.
 */
export async function importSubscribers(
  ctx: VerbContext & { baseUrl: string },
  csv: string,
  consented: boolean,
): Promise<{ report: ImportReport; confirmations: ConfirmationRequest[] }> {
  let rows: { line: number; fields: string[] }[]
  try {
    rows = parseCsv(csv)
  } catch (error) {
    throw invalidField('(body)', `The CSV cannot be read: ${(error as Error).message}.`)
  }
  const [header, ...data] = rows
  const names = (header?.fields ?? []).map((f) => f.trim().toLowerCase())
  const column = (name: (typeof IMPORT_COLUMNS)[number]) => names.indexOf(name)
  if (column('email') < 0) {
    throw invalidField(
      '(body)',
      'The first line must name the columns, including "email" (and optionally "components", "areas").',
    )
  }
  const report: ImportReport = {
    added: 0,
    active: 0,
    pending: 0,
    skipped: [],
    errors: [],
    ignoredColumns: names.filter(
      (n) => !(IMPORT_COLUMNS as readonly string[]).includes(n) && n !== '',
    ),
  }
  const catalog = await loadCatalog(ctx.db)
  const candidates: { line: number; email: string; choices: SubscriptionChoices }[] = []
  const seen = new Set<string>()
  for (const row of data) {
    const email = row.fields[column('email')]?.trim() ?? ''
    const problems: string[] = []
    try {
      checkEmail(email)
    } catch {
      problems.push('not an email address')
    }
    if (seen.has(email.toLowerCase())) problems.push('this address is already on an earlier line')
    const componentIds: string[] = []
    for (const ref of refsIn(row.fields[column('components')])) {
      const component = findByRef(catalog.components, ref)
      if (!component) problems.push(`unknown component "${ref}"`)
      else componentIds.push(component.id)
    }
    const areaIds: string[] = []
    for (const ref of refsIn(row.fields[column('areas')])) {
      const area = findByRef(catalog.areas, ref)
      if (!area) problems.push(`unknown area "${ref}"`)
      else areaIds.push(area.id)
    }
    if (problems.length > 0) {
      report.errors.push({ line: row.line, email: email || null, message: problems.join('; ') })
      continue
    }
    seen.add(email.toLowerCase())
    candidates.push({
      line: row.line,
      email,
      choices: { componentIds: [...new Set(componentIds)], areaIds: [...new Set(areaIds)] },
    })
  }

  const known = await selectKnownEmails(
    ctx.db,
    candidates.map((c) => c.email),
  )
  const fresh = candidates.filter((c) => {
    const status = known.get(c.email.toLowerCase())
    if (status === undefined) return true
    report.skipped.push({
      line: c.line,
      email: c.email,
      reason:
        status === 'unsubscribed'
          ? 'this address unsubscribed; it is not signed up again'
          : `already a subscriber (${status})`,
    })
    return false
  })
  if (fresh.length === 0) return { report, confirmations: [] }

  const at = ctx.now.toISOString()
  const rowsToAdd = fresh.map((c) => ({ id: newId(), email: c.email, ...c.choices }))
  const status = consented ? 'active' : 'pending'
  const statements = insertEmailSubscribers(ctx.db, rowsToAdd, {
    status,
    consent: consented ? 'imported_with_consent' : 'double_opt_in',
    at,
    confirmedAt: consented ? at : null,
    confirmExpiresAt: consented
      ? null
      : new Date(ctx.now.getTime() + LINK_TTL_MS.confirm).toISOString(),
  })
  let confirmations: ConfirmationRequest[] = []
  if (!consented) {
    const issued = await issueLinkTokens(
      ctx.db,
      rowsToAdd.map((r) => r.id),
      'confirm',
      ctx.baseUrl,
      ctx.now,
    )
    statements.push(issued.statement)
    const expiresAt = new Date(ctx.now.getTime() + LINK_TTL_MS.confirm).toISOString()
    const mails = issued.links.map((link, index) =>
      confirmationMail(
        { to: rowsToAdd[index]!.email, confirmUrl: link.url, kind: 'email' },
        expiresAt,
      ),
    )
    statements.push(insertMails(ctx.db, mails, at))
    confirmations = mails.map((m) => m.request)
  }
  statements.push(
    insertAudit(
      ctx.db,
      ctx.actor,
      'subscribers.import',
      { type: 'subscriber', id: null },
      { added: rowsToAdd.length, consented, errors: report.errors.length },
      at,
    ),
  )
  try {
    await ctx.db.batch(statements)
  } catch (error) {
    if (isDuplicateAddress(error)) {
      throw new CandorError(
        'conflict',
        'Some of these addresses subscribed while the import ran; nothing was imported. Try again.',
      )
    }
    throw error
  }
  report.added = rowsToAdd.length
  report[status] = rowsToAdd.length
  return { report, confirmations }
}
