import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

/** The public pages' stylesheet stays small: at most 8 KB once gzipped (as `gzip -9` does). */

const STYLE = path.join(import.meta.dirname, '../../public/style.css')
const GZIPPED_BUDGET_BYTES = 8_000

describe('public/style.css', () => {
  it(`is at most ${GZIPPED_BUDGET_BYTES} bytes gzipped`, async () => {
    const css = await readFile(STYLE)
    const gzipped = gzipSync(css, { level: 9 }).byteLength
    expect(gzipped).toBeGreaterThan(0)
    expect(gzipped).toBeLessThanOrEqual(GZIPPED_BUDGET_BYTES)
  })
})
