import { AA_TEXT_CONTRAST, contrastRatio, formatRatio } from './contrast'
import { invalidField } from './errors'

/** An uploaded image of the page's brand: its key in the BRAND bucket, also its file name. */
export interface BrandImage {
  /** `logo-<16 hex of its SHA-256>.png`: served at `/brand/<key>`. */
  key: string
  /** Its size in pixels (read from the file), for the `<img>` width and height. */
  width: number
  height: number
}

/** A link in the public pages' footer. */
export interface FooterLink {
  label: string
  url: string
}

/** The operator's brand on public pages, emails and the widget; every part optional. */
export interface PageBrand {
  logo: BrandImage | null
  favicon: BrandImage | null
  /** `#rrggbb` (lower case) for links, focus rings and buttons; null: Candor's own blue. */
  accentColor: string | null
  /** "Contact support" in the header of public pages. */
  supportUrl: string | null
  footerLinks: FooterLink[]
}

/** A page that has set nothing of its brand. */
export const NO_BRAND: PageBrand = {
  logo: null,
  favicon: null,
  accentColor: null,
  supportUrl: null,
  footerLinks: [],
}

/** At most this many footer links. */
export const MAX_FOOTER_LINKS = 5

/**
 * The background the accent is shown on — public pages in their light scheme, the widget and
 * the email column are white — and the colour of button text on the accent (buttons take the
 * page's background colour, white, as their text: public/style.css), so one pair covers both.
 */
export const ACCENT_BACKGROUND = '#ffffff'

/**
 * Refuses an accent colour that does not reach WCAG AA (4.5:1) against the white background,
 * with the reason; returns it in lower case.
 */
export function checkAccentColour(colour: string): string {
  const accent = colour.toLowerCase()
  const ratio = contrastRatio(accent, ACCENT_BACKGROUND)
  if (ratio < AA_TEXT_CONTRAST) {
    throw invalidField(
      'accent_color',
      `${accent} has contrast ${formatRatio(ratio)} against the background ${ACCENT_BACKGROUND}; at least ${AA_TEXT_CONTRAST}:1 is needed.`,
    )
  }
  return accent
}

/** What PATCH /api/v1/page may change of the brand; an omitted field keeps its value. */
export interface BrandChanges {
  accent_color?: string | null
  support_url?: string | null
  footer_links?: FooterLink[]
}

/** True when `input` changes any part of the brand that the page's row holds as text. */
export function changesBrand(input: BrandChanges): boolean {
  return (
    input.accent_color !== undefined ||
    input.support_url !== undefined ||
    input.footer_links !== undefined
  )
}

/** The brand with `input` applied, the accent checked for contrast. */
export function applyBrandChanges(brand: PageBrand, input: BrandChanges): PageBrand {
  return {
    ...brand,
    accentColor:
      input.accent_color === undefined
        ? brand.accentColor
        : input.accent_color === null
          ? null
          : checkAccentColour(input.accent_color),
    supportUrl: input.support_url !== undefined ? input.support_url : brand.supportUrl,
    footerLinks: input.footer_links ?? brand.footerLinks,
  }
}

/** The logo's size in the page header: at most 200 × 40 CSS pixels, never enlarged. */
export function logoDisplaySize(logo: BrandImage): { width: number; height: number } {
  const scale = Math.min(1, 200 / logo.width, 40 / logo.height)
  return {
    width: Math.max(1, Math.round(logo.width * scale)),
    height: Math.max(1, Math.round(logo.height * scale)),
  }
}

/** Only http(s) and mailto: links are ever rendered, whatever was stored. */
export function safeLinkHref(url: string | null | undefined): string | null {
  return url && /^(https?:\/\/|mailto:)/i.test(url) ? url : null
}
