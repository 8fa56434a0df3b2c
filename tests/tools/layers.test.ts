import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { layerViolations as check, readSources } from './layer-rules'

const src = path.join(import.meta.dirname, '../../src')

describe('import rules between the parts of src/', () => {
  it('holds for the code as it is', () => {
    const files = readSources(src)
    expect(files.size).toBeGreaterThan(100)
    expect(check(files)).toEqual([])
  })

  it('catches domain reaching up into views or notify', () => {
    const problems = check(
      new Map([
        ['domain/a.ts', "import { formatUtc } from '../views/time'\n"],
        ['domain/intake/b.ts', "import type { X } from '../../notify/webhooks/chat-formats'\n"],
        ['domain/c.ts', "import { ok } from './errors'\nimport { toIso } from '../lib/time'\n"],
      ]),
    )
    expect(problems).toHaveLength(2)
    expect(problems[0]).toContain('src/domain/a.ts')
    expect(problems[1]).toContain('domain → notify')
  })

  it('catches routes calling D1 directly, and views and notify importing each other', () => {
    const problems = check(
      new Map([
        ['routes/a.ts', "import {\n  selectIncident,\n} from '../db/incidents'\n"],
        ['views/b.tsx', "export { x } from '../notify/types'\n"],
        ['notify/email/c.ts', "const m = await import('../../views/layout')\n"],
        ['notify/d.ts', "import { eventEmailHtml } from './email/event-email'\n"],
      ]),
    )
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'src/routes/a.ts',
      'src/views/b.tsx',
      'src/notify/email/c.ts',
    ])
  })

  it('catches domain enums kept in db/ or clock/', () => {
    const problems = check(
      new Map([
        ['db/a.ts', "export type Status = 'on' | 'off'\n"],
        ['clock/b.ts', "export const KINDS = ['x', 'y'] as const\n"],
        ['db/c.ts', 'export interface Row {\n  id: string\n}\n'],
        ['domain/d.ts', "export type Status = 'on' | 'off'\n"],
      ]),
    )
    expect(problems).toHaveLength(2)
  })
})
