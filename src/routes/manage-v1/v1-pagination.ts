import type { Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { invalidField } from '../../domain/errors'

/** How a list operation pages: the name of its size parameter and its default and largest size. */
export interface PageRule {
  /** `per_page` (components, groups, subscribers…) or `limit` (incidents). */
  size: 'per_page' | 'limit'
  defaultSize: number
  maxSize: number
}

/** Statuspage's rule for most lists: `per_page`, 100 by default and at most. */
export const PER_PAGE_100: PageRule = { size: 'per_page', defaultSize: 100, maxSize: 100 }

function positiveInt(c: Context<AppBindings>, name: string): number | undefined {
  const raw = c.req.query(name)
  if (raw === undefined || raw === '') return undefined
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw invalidField(name, `${name} must be a whole number from 1.`)
  }
  return Number(raw)
}

/**
 * One page of `items` as Statuspage pages lists: `page` counts from 1; the size parameter is
 * capped at the rule's largest size. 422 for a page or size that is not a whole number from 1.
 */
export function paginate<T>(c: Context<AppBindings>, items: T[], rule: PageRule = PER_PAGE_100) {
  const page = positiveInt(c, 'page') ?? 1
  const size = Math.min(positiveInt(c, rule.size) ?? rule.defaultSize, rule.maxSize)
  return items.slice((page - 1) * size, page * size)
}
