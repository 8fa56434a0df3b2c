import type { MemberRole } from '../../domain/members'

/** A console screen in the navigation, and the least role that sees it. */
export interface NavEntry {
  key: string
  href: string
  label: string
  role: MemberRole
}

/**
 * The console's screens, in the order of the navigation. Subscribers and webhooks hold
 * addresses and URLs (the `read` scope's limit), so they start at editor.
 */
export const CONSOLE_NAV: readonly NavEntry[] = [
  { key: 'now', href: '/console', label: 'Now', role: 'viewer' },
  { key: 'incidents', href: '/console/incidents', label: 'Incidents', role: 'viewer' },
  { key: 'maintenance', href: '/console/maintenance', label: 'Maintenance', role: 'viewer' },
  { key: 'components', href: '/console/components', label: 'Components', role: 'viewer' },
  { key: 'templates', href: '/console/templates', label: 'Templates', role: 'viewer' },
  { key: 'subscribers', href: '/console/subscribers', label: 'Subscribers', role: 'editor' },
  { key: 'webhooks', href: '/console/webhooks', label: 'Webhooks', role: 'editor' },
  { key: 'ops-alerts', href: '/console/ops-alerts', label: 'Ops alerts', role: 'viewer' },
  { key: 'audit', href: '/console/audit', label: 'Audit log', role: 'viewer' },
  { key: 'settings', href: '/console/settings', label: 'Settings', role: 'owner' },
  { key: 'members', href: '/console/members', label: 'Members', role: 'owner' },
  { key: 'tokens', href: '/console/tokens', label: 'API tokens', role: 'owner' },
  { key: 'account', href: '/console/account', label: 'Your account', role: 'viewer' },
]
