import { safeLinkHref } from '../../domain/brand'
import { useReader } from '../../i18n/reader-context'
import type { ComponentJson } from '../../schemas/statuspage'

/**
 * A component's help link (its `help_url`): "What to do if Broadband is down" while it is not
 * operational, a plain "Help" otherwise. Nothing when it has none.
 */
export function ComponentHelp(props: { component: ComponentJson }) {
  const c = props.component
  const href = safeLinkHref(c.help_url)
  if (!href) return null
  const reader = useReader()
  if (c.status !== 'operational') {
    return (
      <p class="description help">
        <a href={href}>
          {reader.t('brand.componentHelp', { component: c.name, status: c.status })}
        </a>
      </p>
    )
  }
  return (
    <p class="description">
      <a href={href}>
        {reader.rich('brand.help', {
          component: c.name,
          hidden: (chunks) => <span class="visually-hidden">{chunks}</span>,
        })}
      </a>
    </p>
  )
}
