import { describe, expect, it } from 'vitest'
import { cursorPages, numberedPages } from '../../scripts/lib/import-paging.mjs'
import { splitManageIncidents } from '../../scripts/lib/import-map.mjs'

/**
 * The importer's paging loops, over lists held in memory and paged the way the servers do:
 * Statuspage's numbered pages and Candor's `after` cursor.
 */

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `i${1000 + i}` }))

/** A numbered-page server over `list`, counting from `first`; records the pages asked for. */
function numbered(list: { id: string }[], first: number, size: number) {
  const asked: number[] = []
  const fetchPage = async (page: number) => {
    asked.push(page)
    return list.slice((page - first) * size, (page - first + 1) * size)
  }
  return { fetchPage, asked }
}

describe('numberedPages', () => {
  it('reads every page until a short one, from the given first page number', async () => {
    for (const [count, first] of [
      [250, 1],
      [250, 0],
      [7, 1],
    ] as const) {
      const server = numbered(items(count), first, 100)
      const all = await numberedPages(server.fetchPage, { first, size: 100 })
      expect(all).toEqual(items(count))
      const pages = Math.floor(count / 100) + 1
      expect(server.asked).toEqual(Array.from({ length: pages }, (_, i) => first + i))
    }
  })

  it('asks for one empty page after a list that fills its last page exactly', async () => {
    const server = numbered(items(200), 1, 100)
    expect(await numberedPages(server.fetchPage, { first: 1, size: 100 })).toHaveLength(200)
    expect(server.asked).toEqual([1, 2, 3])
  })

  it('stops when a server ignores paging and answers the same full page again', async () => {
    const page = items(100)
    let calls = 0
    const all = await numberedPages(
      async () => {
        calls++
        return page
      },
      { first: 1, size: 100 },
    )
    expect(all).toEqual(page)
    expect(calls).toBe(2)
  })

  it('refuses an answer that is not a list', async () => {
    await expect(numberedPages(async () => ({}), { first: 1, size: 100 })).rejects.toThrow(
      /not a list/,
    )
  })
})

describe('cursorPages', () => {
  /** A cursor server over `list`: the items after the one with id `after`. */
  const cursor = (list: { id: string }[], size: number) => {
    const asked: (string | null)[] = []
    const fetchPage = async (after: string | null) => {
      asked.push(after)
      const from = after === null ? 0 : list.findIndex((i) => i.id === after) + 1
      return list.slice(from, from + size)
    }
    return { fetchPage, asked }
  }

  it('follows the last id of each full page until a short page', async () => {
    const list = items(230)
    const server = cursor(list, 100)
    expect(await cursorPages(server.fetchPage, 100)).toEqual(list)
    expect(server.asked).toEqual([null, list[99]!.id, list[199]!.id])
  })

  it('reads an empty list with one call', async () => {
    const server = cursor([], 100)
    expect(await cursorPages(server.fetchPage, 100)).toEqual([])
    expect(server.asked).toEqual([null])
  })

  it('throws rather than loop or stop short when the server ignores the cursor', async () => {
    const page = items(100)
    await expect(cursorPages(async () => page, 100)).rejects.toThrow(/does not page/)
  })
})

describe('splitManageIncidents', () => {
  it('sets maintenance apart by its status or its scheduled_for, and drafts apart', () => {
    const list = [
      { id: 'a', status: 'resolved', scheduled_for: null },
      { id: 'b', status: 'investigating' },
      { id: 'c', status: 'scheduled', scheduled_for: '2030-01-01T00:00:00Z' },
      { id: 'd', status: 'completed', scheduled_for: null },
      { id: 'e', status: 'in_progress' },
      { id: 'f', status: 'verifying' },
      { id: 'g', status: 'resolved', scheduled_for: '2024-01-01T00:00:00Z' },
      { id: 'h', status: 'investigating', draft: true },
    ]
    const split = splitManageIncidents(list)
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id)
    expect(ids(split.incidents)).toEqual(['a', 'b'])
    expect(ids(split.maintenances)).toEqual(['c', 'd', 'e', 'f', 'g'])
    expect(ids(split.drafts)).toEqual(['h'])
  })
})
