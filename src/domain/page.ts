import { mergeStatuspageFields, type StatuspageFields } from './statuspage-fields'
import { insertAudit } from '../db/audit'
import { insertPageIfMissing, selectPage, updatePageRow } from '../db/page'
import { updateBrandTextRow } from '../db/page-brand'
import { applyBrandChanges, changesBrand, NO_BRAND, type BrandChanges } from './brand'
import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages'
import { newId, randomSecret } from '../lib/ids'
import type { VerbContext } from './context'
import { invalidField } from './errors'
import type { PageSettings } from './types'

/** The resolution-check settings of a new page: 3 "still broken" answers and 30 %. */
export const DEFAULT_PAGE_THRESHOLDS = {
  disputeMinVotes: 3,
  disputeMinShare: 30,
  showAffectedCounts: false,
}

/** The page row, created on first use with a fresh Statuspage-style id. */
export async function ensurePage(db: D1Database, now: Date): Promise<PageSettings> {
  const existing = await selectPage(db)
  if (existing) return existing
  const at = now.toISOString()
  await insertPageIfMissing(
    db,
    {
      pageId: newId(),
      name: null,
      timeZone: 'Etc/UTC',
      language: DEFAULT_LANGUAGE,
      ...DEFAULT_PAGE_THRESHOLDS,
      brand: NO_BRAND,
      createdAt: at,
      updatedAt: at,
    },
    randomSecret(16),
  ).run()
  return (await selectPage(db))!
}

/** The name shown: the API's setting, else `PAGE_NAME`, else "Candor". */
export function pageName(page: PageSettings, configured: string | undefined): string {
  return page.name ?? configured ?? 'Candor'
}

/** What PATCH /api/v1/page may change; an omitted field keeps its value. */
export interface PageChanges extends BrandChanges {
  name?: string | null
  time_zone?: string
  language?: Language
  dispute_min_votes?: number
  dispute_min_share?: number
  show_affected_counts?: boolean
  /** Statuspage settings Candor keeps but does not use (a key sent replaces that key). */
  statuspage_fields?: StatuspageFields
}

/** Changes the page's settings, with its audit row. */
export async function updatePage(ctx: VerbContext, input: PageChanges): Promise<PageSettings> {
  if (input.time_zone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: input.time_zone })
    } catch {
      throw invalidField('time_zone', `Unknown time zone "${input.time_zone}".`)
    }
  }
  const page = await ensurePage(ctx.db, ctx.now)
  const next: PageSettings = {
    ...page,
    name: input.name !== undefined ? input.name : page.name,
    timeZone: input.time_zone ?? page.timeZone,
    language: input.language ?? page.language,
    disputeMinVotes: input.dispute_min_votes ?? page.disputeMinVotes,
    disputeMinShare: input.dispute_min_share ?? page.disputeMinShare,
    showAffectedCounts: input.show_affected_counts ?? page.showAffectedCounts,
    statuspageFields: input.statuspage_fields
      ? mergeStatuspageFields(page.statuspageFields, input.statuspage_fields)
      : page.statuspageFields,
    brand: changesBrand(input) ? applyBrandChanges(page.brand, input) : page.brand,
    updatedAt: ctx.now.toISOString(),
  }
  await ctx.db.batch([
    updatePageRow(ctx.db, next, next.updatedAt),
    ...(changesBrand(input) ? [updateBrandTextRow(ctx.db, next.brand, next.updatedAt)] : []),
    insertAudit(
      ctx.db,
      ctx.actor,
      'page.update',
      { type: 'page', id: page.pageId },
      input,
      next.updatedAt,
    ),
  ])
  return next
}
