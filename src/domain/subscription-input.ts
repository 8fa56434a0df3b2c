import { selectAreas } from '../db/areas'
import { selectComponents } from '../db/components'
import { isEmailAddress } from '../lib/email-address'
import { CandorError, invalidField } from './errors'
import type { SubscriptionChoices } from './subscriber-types'
import type { Area, Component } from './types'

/** Checks of what a subscriber gives: an address, and components and areas to follow. */

/** Everything a subscriber can choose from. */
export interface Catalog {
  components: Component[]
  areas: Area[]
}

/** A trimmed email address, or a 400 at `path`. */
export function checkEmail(raw: string, path = 'email'): string {
  const email = raw.trim()
  if (email.length > 254 || !isEmailAddress(email)) {
    throw invalidField(path, 'Give an email address such as name@example.com.')
  }
  return email
}

/** The components (groups included) and areas a subscriber can choose from. */
export async function loadCatalog(db: D1Database): Promise<Catalog> {
  const [components, areas] = await Promise.all([selectComponents(db), selectAreas(db)])
  return { components, areas }
}

/**
 * Chosen component and area ids, checked against the catalog and without duplicates. Unknown
 * ids are a 404, each at its path (`component_ids.2`). A group covers its components, also
 * ones added to it later; nothing chosen means everything.
 */
export function checkChoices(
  catalog: Catalog,
  input: { componentIds?: string[]; areaIds?: string[] },
): SubscriptionChoices {
  const componentIds = [...new Set(input.componentIds ?? [])]
  const areaIds = [...new Set(input.areaIds ?? [])]
  const unknown: { path: string; message: string }[] = []
  ;(input.componentIds ?? []).forEach((id, index) => {
    if (!catalog.components.some((c) => c.id === id)) {
      unknown.push({ path: `component_ids.${index}`, message: 'unknown component' })
    }
  })
  ;(input.areaIds ?? []).forEach((id, index) => {
    if (!catalog.areas.some((a) => a.id === id)) {
      unknown.push({ path: `area_ids.${index}`, message: 'unknown area' })
    }
  })
  if (unknown.length > 0) {
    throw new CandorError(
      'not_found',
      'Some chosen components or areas do not exist (any more).',
      unknown,
    )
  }
  return { componentIds, areaIds }
}
