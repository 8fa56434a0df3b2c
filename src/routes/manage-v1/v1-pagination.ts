import type { Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { invalidField } from '../../domain/errors'

/** How a list operation pages: the name of its size parameter and its default and largest size. */
export interface PageRule {
  /** `per_page` (components, groups, subscribers…) or `limit` (incidents). */
  size: 'per_page' | 'limit'
  defaultSize: number
  maxSize: number
  /** The number of the first page: 1, but 0 for the subscriber list (Atlassian's document). */
  firstPage?: 0 | 1
}

/** Statuspage's rule for most lists: `per_page`, 100 by default and at most. */
export const PER_PAGE_100: PageRule = { size: 'per_page', defaultSize: 100, maxSize: 100 }

function wholeFrom(c: Context<AppBindings>, name: string, least: number): number | undefined {
  const raw = c.req.query(name)
  if (raw === undefined || raw === '') return undefined
  if (!/^\d+$/.test(raw) || Number(raw) < least) {
    throw invalidField(name, `${name} must be a whole number from ${least}.`)
  }
  return Number(raw)
}

/** The page asked for, counted from 1 whatever the rule's first page (422 when not a page). */
export function pageNumber(c: Context<AppBindings>, rule: PageRule = PER_PAGE_100): number {
  const first = rule.firstPage ?? 1
  return (wholeFrom(c, 'page', first) ?? first) - first + 1
}

/** The page size asked for, capped at the rule's largest (422 when not a whole number from 1). */
export function pageSize(c: Context<AppBindings>, rule: PageRule = PER_PAGE_100): number {
  return Math.min(wholeFrom(c, rule.size, 1) ?? rule.defaultSize, rule.maxSize)
}

/**
 * One page of `items` as Statuspage pages lists: `page` counts from the rule's first page (1,
 * or 0 for subscribers); the size parameter is capped at the rule's largest size. 422 for a
 * page before the first or a size that is not a whole number from 1.
 */
export function paginate<T>(c: Context<AppBindings>, items: T[], rule: PageRule = PER_PAGE_100) {
  const page = pageNumber(c, rule)
  const size = pageSize(c, rule)
  return items.slice((page - 1) * size, page * size)
}
