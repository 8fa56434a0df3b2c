import { logoDisplaySize, safeLinkHref } from '../../domain/brand'
import { useReader } from '../../i18n/reader-context'
import { accentStylesheetPath } from './accent-style'
import { useBrand } from './brand-context'

/** The brand's parts of a public page's frame (see views/layout.tsx). */

const fileUrl = (key: string) => `/brand/${key}`

/** The icon (the page's favicon, else Candor's) and the accent's stylesheet, in `<head>`. */
export function BrandHead() {
  const brand = useBrand()
  const favicon = brand.favicon
  return (
    <>
      {favicon ? (
        <link
          rel="icon"
          href={fileUrl(favicon.key)}
          type={favicon.key.endsWith('.ico') ? 'image/x-icon' : 'image/png'}
        />
      ) : (
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      )}
      <AccentStylesheet />
    </>
  )
}

/** The accent colour's stylesheet, when the page has one (public pages and the embed). */
export function AccentStylesheet() {
  const accent = useBrand().accentColor
  return accent ? <link rel="stylesheet" href={accentStylesheetPath(accent)} /> : null
}

/** What the header's home link shows: the logo (its alt text the page name), else the name. */
export function BrandName(props: { pageName: string }) {
  const logo = useBrand().logo
  if (!logo) return <>{props.pageName}</>
  const size = logoDisplaySize(logo)
  return (
    <img src={fileUrl(logo.key)} alt={props.pageName} width={size.width} height={size.height} />
  )
}

/** "Contact support" as the last item of the header's navigation, when the page has a link. */
export function SupportNavItem() {
  const href = safeLinkHref(useBrand().supportUrl)
  if (!href) return null
  return (
    <li>
      <a href={href}>{useReader().t('brand.contactSupport')}</a>
    </li>
  )
}

/** The page's footer links, when it has any. */
export function BrandFooterLinks() {
  const brand = useBrand()
  const reader = useReader()
  const links = brand.footerLinks.flatMap((link) => {
    const href = safeLinkHref(link.url)
    return href ? [{ href, label: link.label }] : []
  })
  const support = safeLinkHref(brand.supportUrl)
  if (links.length === 0 && !support) return null
  return (
    <nav aria-label={reader.t('brand.footerLinks')}>
      <p>
        {links.map((link, i) => (
          <>
            {i > 0 ? ' · ' : null}
            <a href={link.href}>{link.label}</a>
          </>
        ))}
        {support ? (
          <>
            {links.length > 0 ? ' · ' : null}
            <a href={support}>{reader.t('brand.contactSupport')}</a>
          </>
        ) : null}
      </p>
    </nav>
  )
}
