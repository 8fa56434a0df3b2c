/**
 * The page's generation: bumped by a trigger with every change to what the public snapshot
 * shows (see migrations/0011_snapshot_generation.sql). 0 before the first change.
 */
export async function selectPageGeneration(db: D1Database): Promise<number> {
  const row = await db
    .prepare('SELECT generation FROM page_generation WHERE id = 1')
    .first<{ generation: number }>()
  return row?.generation ?? 0
}
