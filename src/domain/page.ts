import { insertAudit } from '../db/audit'
import { insertPageIfMissing, selectPage, updatePageRow } from '../db/page'
import { newId } from '../lib/ids'
import type { VerbContext } from './context'
import { invalidField } from './errors'
import type { PageSettings } from './types'

/** The page row, created on first use with a fresh Statuspage-style id. */
export async function ensurePage(db: D1Database, now: Date): Promise<PageSettings> {
  const existing = await selectPage(db)
  if (existing) return existing
  const at = now.toISOString()
  await insertPageIfMissing(db, {
    pageId: newId(),
    name: null,
    timeZone: 'Etc/UTC',
    createdAt: at,
    updatedAt: at,
  }).run()
  return (await selectPage(db))!
}

/** The name shown: the API's setting, else `PAGE_NAME`, else "Candor". */
export function pageName(page: PageSettings, configured: string | undefined): string {
  return page.name ?? configured ?? 'Candor'
}

export async function updatePage(
  ctx: VerbContext,
  input: { name?: string | null; time_zone?: string },
): Promise<PageSettings> {
  if (input.time_zone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: input.time_zone })
    } catch {
      throw invalidField('time_zone', `Unknown time zone "${input.time_zone}".`)
    }
  }
  const page = await ensurePage(ctx.db, ctx.now)
  const name = input.name !== undefined ? input.name : page.name
  const timeZone = input.time_zone ?? page.timeZone
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    updatePageRow(ctx.db, name, timeZone, at),
    insertAudit(ctx.db, ctx.actor, 'page.update', { type: 'page', id: page.pageId }, input, at),
  ])
  return { ...page, name, timeZone, updatedAt: at }
}
