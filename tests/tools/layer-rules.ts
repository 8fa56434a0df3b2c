/**
 * The import rules between the folders of `src/`, checked by reading the sources (no build):
 * routes stay thin, domain never reaches up to what presents or sends it, and the enums the
 * domain speaks in are not kept in storage or scheduling code.
 */
import fs from 'node:fs'
import path from 'node:path'

/** Which top-level parts of `src/` a part must not import from, and why. */
export const FORBIDDEN: Record<string, { parts: string[]; why: string }> = {
  domain: {
    parts: ['views', 'notify', 'routes', 'middleware', 'clock', 'feeds', 'embeds', 'app', 'index'],
    why: 'domain verbs take plain data; presenting and sending are built on them, not beneath',
  },
  db: {
    parts: ['views', 'notify', 'routes', 'middleware', 'clock', 'feeds', 'embeds', 'app', 'index'],
    why: 'db holds SQL and row mappers only',
  },
  routes: { parts: ['db'], why: 'routes reach D1 only through domain verbs' },
  notify: { parts: ['views', 'clock', 'routes'], why: 'notify renders its own mail and sends' },
  views: { parts: ['notify', 'routes', 'db'], why: 'views render what they are given' },
  schemas: { parts: ['db', 'clock', 'notify', 'views', 'routes'], why: 'schemas describe the API' },
  lib: {
    parts: ['domain', 'db', 'notify', 'views', 'routes', 'middleware', 'clock', 'feeds', 'embeds'],
    why: 'lib is the leaf every part may use',
  },
}

/** Parts that must not define the enums the domain uses (string unions, `as const` lists). */
export const NO_DOMAIN_ENUMS = ['db', 'clock']

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
const ENUM = /^export\s+(?:type\s+\w+\s*=\s*['"(]|const\s+\w+\s*=\s*\[[^\]]*\]\s*as\s+const)/gm

/** The relative module specifiers one source text imports or re-exports. */
export function importsOf(text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2]
    if (spec?.startsWith('.')) found.push(spec)
  }
  return found
}

/** The top-level part of `src/` a src-relative path is in: `notify` for `notify/email/mailer.ts`. */
function partOf(relPath: string): string {
  const first = relPath.split('/')[0] ?? ''
  return first.replace(/\.(tsx?|mjs)$/, '')
}

/**
 * Every broken rule among `files`, a map from src-relative path (`domain/errors.ts`) to source
 * text, as readable lines; empty when the layers are in order.
 */
export function layerViolations(files: Map<string, string>): string[] {
  const problems: string[] = []
  for (const [file, text] of files) {
    const from = partOf(file)
    const rule = FORBIDDEN[from]
    if (rule) {
      for (const spec of importsOf(text)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec))
        if (target.startsWith('..')) continue
        const to = partOf(target)
        if (to !== from && rule.parts.includes(to)) {
          problems.push(`src/${file} imports '${spec}' (${from} → ${to}): ${rule.why}`)
        }
      }
    }
    if (NO_DOMAIN_ENUMS.includes(from)) {
      for (const m of text.matchAll(ENUM)) {
        problems.push(`src/${file} defines a domain enum (${m[0].trim()}…): keep it in domain/`)
      }
    }
  }
  return problems
}

/** Reads every .ts/.tsx file under `srcDir` into the map `layerViolations` takes. */
export function readSources(srcDir: string): Map<string, string> {
  const files = new Map<string, string>()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.tsx?$/.test(entry.name)) {
        files.set(
          path.relative(srcDir, full).split(path.sep).join('/'),
          fs.readFileSync(full, 'utf8'),
        )
      }
    }
  }
  walk(srcDir)
  return files
}
