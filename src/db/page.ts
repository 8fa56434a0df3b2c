import type { PageSettings } from '../domain/types'
import { DEFAULT_LANGUAGE, isLanguage } from '../i18n/languages'
import { brandOfRow, type PageBrandRow } from './page-brand'

interface PageRow extends PageBrandRow {
  page_id: string
  name: string | null
  time_zone: string
  language: string
  dispute_min_votes: number
  dispute_min_share: number
  show_affected_counts: number
  statuspage_fields: string | null
  created_at: string
  updated_at: string
}

export async function selectPage(db: D1Database): Promise<PageSettings | null> {
  const row = await db.prepare('SELECT * FROM page_settings WHERE id = 1').first<PageRow>()
  return row
    ? {
        pageId: row.page_id,
        name: row.name,
        timeZone: row.time_zone,
        language: isLanguage(row.language) ? row.language : DEFAULT_LANGUAGE,
        disputeMinVotes: row.dispute_min_votes,
        disputeMinShare: row.dispute_min_share,
        showAffectedCounts: row.show_affected_counts === 1,
        statuspageFields: JSON.parse(row.statuspage_fields ?? '{}') as Record<string, unknown>,
        brand: brandOfRow(row),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }
    : null
}

/**
 * Creates the single page row if it does not exist yet (first run), with a fresh random salt
 * for hashing readers' IP addresses.
 */
export function insertPageIfMissing(
  db: D1Database,
  page: PageSettings,
  voterSalt: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO page_settings (id, page_id, name, time_zone, dispute_min_votes,
         dispute_min_share, show_affected_counts, voter_salt, created_at, updated_at)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      page.pageId,
      page.name,
      page.timeZone,
      page.disputeMinVotes,
      page.disputeMinShare,
      page.showAffectedCounts ? 1 : 0,
      voterSalt,
      page.createdAt,
      page.updatedAt,
    )
}

/** Rewrites the page's changeable settings. */
export function updatePageRow(
  db: D1Database,
  page: Pick<
    PageSettings,
    | 'name'
    | 'timeZone'
    | 'language'
    | 'disputeMinVotes'
    | 'disputeMinShare'
    | 'showAffectedCounts'
    | 'statuspageFields'
  >,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE page_settings SET name = ?, time_zone = ?, language = ?, dispute_min_votes = ?,
         dispute_min_share = ?, show_affected_counts = ?, statuspage_fields = ?, updated_at = ?
       WHERE id = 1`,
    )
    .bind(
      page.name,
      page.timeZone,
      page.language,
      page.disputeMinVotes,
      page.disputeMinShare,
      page.showAffectedCounts ? 1 : 0,
      JSON.stringify(page.statuspageFields ?? {}),
      at,
    )
}

/** The salt for readers' IP hashes; never leaves the database otherwise. */
export async function selectVoterSalt(db: D1Database): Promise<string | null> {
  const row = await db
    .prepare('SELECT voter_salt FROM page_settings WHERE id = 1')
    .first<{ voter_salt: string | null }>()
  return row?.voter_salt ?? null
}
