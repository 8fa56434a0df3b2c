import type { BrandImage, FooterLink, PageBrand } from '../domain/brand'

/** The brand columns of the page's row (migration 0026). */
export interface PageBrandRow {
  logo_key: string | null
  logo_width: number | null
  logo_height: number | null
  favicon_key: string | null
  accent_color: string | null
  support_url: string | null
  footer_links: string | null
}

function footerLinksOf(text: string | null): FooterLink[] {
  try {
    const parsed: unknown = JSON.parse(text ?? '[]')
    return Array.isArray(parsed) ? (parsed as FooterLink[]) : []
  } catch {
    return []
  }
}

/** The brand a page row holds; a favicon's pixel size is not kept (0 × 0). */
export function brandOfRow(row: PageBrandRow): PageBrand {
  const logo: BrandImage | null = row.logo_key
    ? { key: row.logo_key, width: row.logo_width ?? 0, height: row.logo_height ?? 0 }
    : null
  return {
    logo,
    favicon: row.favicon_key ? { key: row.favicon_key, width: 0, height: 0 } : null,
    accentColor: row.accent_color,
    supportUrl: row.support_url,
    footerLinks: footerLinksOf(row.footer_links),
  }
}

/** Rewrites the brand's text settings: accent colour, support link, footer links. */
export function updateBrandTextRow(db: D1Database, brand: PageBrand, at: string) {
  return db
    .prepare(
      `UPDATE page_settings SET accent_color = ?, support_url = ?, footer_links = ?, updated_at = ?
       WHERE id = 1`,
    )
    .bind(brand.accentColor, brand.supportUrl, JSON.stringify(brand.footerLinks), at)
}

/** Names the page's logo or favicon (null: none). */
export function updateBrandImageRow(
  db: D1Database,
  kind: 'logo' | 'favicon',
  image: BrandImage | null,
  at: string,
) {
  if (kind === 'favicon') {
    return db
      .prepare('UPDATE page_settings SET favicon_key = ?, updated_at = ? WHERE id = 1')
      .bind(image?.key ?? null, at)
  }
  return db
    .prepare(
      `UPDATE page_settings SET logo_key = ?, logo_width = ?, logo_height = ?, updated_at = ?
       WHERE id = 1`,
    )
    .bind(image?.key ?? null, image?.width ?? null, image?.height ?? null, at)
}
