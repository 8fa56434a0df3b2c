import { z } from '@hono/zod-openapi'
import { MAX_FOOTER_LINKS } from '../domain/brand'

/** The brand fields of the page's settings: what PATCH /api/v1/page takes and GET answers. */

const PROTOCOLS_WEB = ['http:', 'https:']

/** A URL of one of `protocols`, with a host when it is a web address. */
function linkOf(protocols: readonly string[], message: string) {
  return z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .refine((text) => {
      try {
        const url = new URL(text)
        return protocols.includes(url.protocol) && (url.protocol === 'mailto:' || url.host !== '')
      } catch {
        return false
      }
    }, message)
}

/** An http(s) URL with a host; javascript:, data: and other schemes are refused. */
export const webLink = () =>
  linkOf(PROTOCOLS_WEB, 'Give a link that starts with https:// or http://.')

export const FooterLinkSchema = z
  .strictObject({
    label: z.string().trim().min(1).max(80).openapi({ example: 'Terms' }),
    url: webLink().openapi({ example: 'https://example.com/terms' }),
  })
  .openapi('FooterLink')

/** The brand fields of `PageInput` (each optional; null removes). */
export const BRAND_INPUT_FIELDS = {
  accent_color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Give a colour as #rrggbb, e.g. #0550ae.')
    .nullable()
    .optional()
    .openapi({
      description:
        "The page's accent colour, `#rrggbb`: links, focus rings and buttons on public pages (in their light scheme; dark mode keeps its own palette), link colour in the widget's embed page and the header bar of subscriber emails. Refused (400, naming `accent_color`, with the ratio) when its WCAG 2.x contrast against the white background — which is also the text colour of buttons on it — is below 4.5:1. Null: Candor's own blue.",
      example: '#0550ae',
    }),
  support_url: linkOf(
    [...PROTOCOLS_WEB, 'mailto:'],
    'Give a link that starts with https://, http:// or mailto:.',
  )
    .nullable()
    .optional()
    .openapi({
      description:
        '"Contact support" in the header of every public page: an http(s) or mailto: URL (javascript: and other schemes are refused). Null removes it.',
      example: 'https://example.com/support',
    }),
  footer_links: z
    .array(FooterLinkSchema)
    .max(MAX_FOOTER_LINKS)
    .optional()
    .openapi({
      description: `Up to ${MAX_FOOTER_LINKS} links shown in the footer of public pages, in order; each an http(s) URL with its label. The list sent replaces the one kept; [] removes them all.`,
    }),
}

/** The brand fields of `PageSettings`. */
export const BRAND_SETTINGS_FIELDS = {
  logo_url: z.string().nullable().openapi({
    description:
      'The logo shown in the header of public pages (alt text: the page name), at a content-addressed URL served with `Cache-Control: public, max-age=31536000, immutable`. Set with PUT /api/v1/page/logo; null when there is none.',
    example: 'https://status.example.com/brand/logo-3f2a9c0d1e4b5a67.png',
  }),
  logo_width: z
    .number()
    .int()
    .nullable()
    .openapi({ description: "The logo's width in pixels, as read from the file." }),
  logo_height: z
    .number()
    .int()
    .nullable()
    .openapi({ description: "The logo's height in pixels, as read from the file." }),
  favicon_url: z.string().nullable().openapi({
    description:
      'The icon of public pages (`<link rel="icon">`), like the logo\'s URL. Set with PUT /api/v1/page/favicon; null: Candor\'s own.',
  }),
  accent_color: z
    .string()
    .nullable()
    .openapi({ description: 'The accent colour (`#rrggbb`), or null.' }),
  support_url: z
    .string()
    .nullable()
    .openapi({ description: 'The "Contact support" link, or null.' }),
  footer_links: z.array(FooterLinkSchema).openapi({ description: 'The footer links, in order.' }),
}
