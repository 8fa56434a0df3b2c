import type { PageBrand } from '../domain/brand'

/** The path a brand file is served at. */
export const brandFilePath = (key: string) => `/brand/${key}`

/** The brand fields of the page's settings as the API answers them (URLs made absolute). */
export function brandSettingsJson(brand: PageBrand, baseUrl: string) {
  return {
    logo_url: brand.logo ? `${baseUrl}${brandFilePath(brand.logo.key)}` : null,
    logo_width: brand.logo?.width ?? null,
    logo_height: brand.logo?.height ?? null,
    favicon_url: brand.favicon ? `${baseUrl}${brandFilePath(brand.favicon.key)}` : null,
    accent_color: brand.accentColor,
    support_url: brand.supportUrl,
    footer_links: brand.footerLinks,
  }
}
