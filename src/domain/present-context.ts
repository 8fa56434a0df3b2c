import { selectComponents } from '../db/components'
import { ensurePage } from './page'
import { groupChildren, type PresentContext } from './present'

/** What presenters need, read from D1 (admin API only; public reads use the snapshot). */
export async function loadPresentContext(
  db: D1Database,
  baseUrl: string,
  now: Date,
): Promise<PresentContext> {
  const [page, components] = await Promise.all([ensurePage(db, now), selectComponents(db)])
  return {
    pageId: page.pageId,
    baseUrl,
    now,
    components: new Map(components.map((x) => [x.id, x])),
    children: groupChildren(components),
    showAffectedReports: true,
  }
}
