import type { ComponentGroup } from '../../domain/component-groups'
import type { PageSettings } from '../../domain/types'

/** Responses of the Manage API v1 that the public v2 presenters do not already give. */

/** The page as Statuspage's `Page` object: what Candor knows, and what it offers readers. */
export function presentV1Page(page: PageSettings, name: string, url: string) {
  return {
    // What a client set that Candor keeps but does not use; Candor's own facts come after.
    ...page.statuspageFields,
    id: page.pageId,
    created_at: page.createdAt,
    updated_at: page.updatedAt,
    name,
    url,
    time_zone: page.timeZone,
    hidden_from_search: false,
    viewers_must_be_team_members: false,
    allow_page_subscribers: true,
    allow_incident_subscribers: true,
    allow_email_subscribers: true,
    allow_sms_subscribers: false,
    allow_rss_atom_feeds: true,
    allow_webhook_subscribers: true,
  }
}

/** A group as Statuspage's `GroupComponent` (and the admin API's `ComponentGroup`). */
export function presentGroup({ group, componentIds }: ComponentGroup, pageId: string) {
  return {
    id: group.id,
    page_id: pageId,
    name: group.name,
    description: group.description,
    components: componentIds,
    position: group.position,
    created_at: group.createdAt,
    updated_at: group.updatedAt,
  }
}
