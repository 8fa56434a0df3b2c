import type { Child } from 'hono/jsx'
import type { EmailTone } from './event-email-content'

/**
 * The frame of every email Candor sends: one centred column at most 600 px wide that shrinks
 * to the phone's width, inline styles only (mail clients drop stylesheets), no images.
 */

export const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"

/** Text and background colours per tone, each pair readable (WCAG AA) on its own. */
export const TONE_COLOURS: Record<EmailTone, { text: string; background: string }> = {
  critical: { text: '#b42318', background: '#fef3f2' },
  major: { text: '#b93815', background: '#fff6ed' },
  minor: { text: '#93370d', background: '#fffaeb' },
  none: { text: '#344054', background: '#f2f4f7' },
  maintenance: { text: '#175cd3', background: '#eff8ff' },
  good: { text: '#067647', background: '#ecfdf3' },
}

const MUTED = '#475467'

/** Plain text as paragraphs (blank lines) and line breaks (single newlines), escaped. */
export function TextBlock(props: { text: string }) {
  const paragraphs = props.text.trim().split(/\n\s*\n/)
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p style="margin:0 0 12px;white-space:normal;overflow-wrap:anywhere">
          {paragraph.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  )
}

/** A link that looks like a button and is big enough to tap. */
export function Button(props: { href: string; label: string }) {
  return (
    <p style="margin:20px 0">
      <a
        href={props.href}
        style="display:inline-block;background:#1849a9;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600"
      >
        {props.label}
      </a>
    </p>
  )
}

/** A section heading inside the message. */
export function Heading(props: { children: Child }) {
  return (
    <h2 style="font-size:17px;line-height:1.4;margin:20px 0 8px;color:#101828">{props.children}</h2>
  )
}

/**
 * The whole HTML document: preview text, the column with `header` (a table row, e.g. the
 * brand's bar) and `children`, then `footer`.
 */
export function EmailLayout(props: {
  title: string
  preview: string
  header?: Child
  children: Child
  footer: Child
  /** The language it is written in (default English) and its direction. */
  lang?: string
  dir?: 'ltr' | 'rtl'
}) {
  const rtl = props.dir === 'rtl'
  // Mail clients ignore `text-align: start`: the side is spelled out.
  const align = rtl ? 'right' : 'left'
  return (
    <html lang={props.lang ?? 'en'} dir={rtl ? 'rtl' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{props.title}</title>
      </head>
      <body style="margin:0;padding:0;background:#f2f4f7">
        <div style="display:none;max-height:0;overflow:hidden">{props.preview}</div>
        <table
          role="presentation"
          width="100%"
          cellpadding="0"
          cellspacing="0"
          style="background:#f2f4f7"
        >
          <tr>
            <td align="center" style="padding:16px 8px">
              <table
                role="presentation"
                width="100%"
                cellpadding="0"
                cellspacing="0"
                style="max-width:600px;background:#ffffff;border:1px solid #e4e7ec;border-radius:8px"
              >
                {props.header}
                <tr>
                  <td
                    dir={rtl ? 'rtl' : undefined}
                    style={`padding:24px 20px;font-family:${FONT};font-size:16px;line-height:1.5;color:#101828;text-align:${align}`}
                  >
                    {props.children}
                  </td>
                </tr>
              </table>
              <table
                role="presentation"
                width="100%"
                cellpadding="0"
                cellspacing="0"
                style="max-width:600px"
              >
                <tr>
                  <td
                    dir={rtl ? 'rtl' : undefined}
                    style={`padding:16px 20px;font-family:${FONT};font-size:13px;line-height:1.5;color:${MUTED};text-align:${align}`}
                  >
                    {props.footer}
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  )
}

/** Renders an email view to a complete HTML document. */
export function emailDocument(view: Child): string {
  return `<!doctype html>${String(view)}`
}
