import { selectAreas } from '../db/areas'
import { selectComponents } from '../db/components'
import { CandorError } from './errors'
import type { Incident } from './types'

/**
 * Placeholders a template's title and body may hold, filled when an incident or update is
 * posted from the console: the affected components' names, the areas' names, the ETA and the
 * next update's time (in the page's time zone). Any other `{{…}}` is refused when a template is
 * saved and when a form is posted, so no customer ever reads a half-filled sentence.
 */
export const PLACEHOLDERS = ['component', 'area', 'eta', 'next_update'] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g

/** What a placeholder needs when it has nothing to say, as the form's words. */
const NEEDS: Record<Placeholder, string> = {
  component: 'choose at least one component',
  area: 'choose at least one area',
  eta: 'choose an ETA',
  next_update: 'choose when the next update comes',
}

/** The placeholders `text` uses that Candor does not know (as written, without braces). */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDERS)
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name))
}

/** A refusal for a field holding unknown placeholders, or null when it has none. */
export function unknownPlaceholderError(path: string, text: string | null | undefined) {
  const unknown = text ? unknownPlaceholders(text) : []
  if (unknown.length === 0) return null
  return {
    path,
    message: `Unknown placeholder {{${unknown[0]}}}: use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
  }
}

/** "A", "A and B", "A, B and C". */
function listWords(names: string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** A time as customers read it in the page's zone: "Tue 24 Nov, 18:00 GMT". */
export function placeholderTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(iso))
}

/** The text fields an incident form fills, and what their placeholders are filled from. */
export interface FillableInput {
  name?: string
  body: string
  components?: Record<string, string>
  area_ids?: string[]
  eta?: string | null
  next_update_at?: string | null
}

/**
 * Fills the placeholders of `input.name` and `input.body` from what the form itself says (or,
 * for an update, what the incident already has where the form says nothing). Refuses
 * (`validation_failed`, by field) an unknown placeholder or one with nothing to fill it.
 */
export async function fillIncidentPlaceholders<T extends FillableInput>(
  db: D1Database,
  input: T,
  timeZone: string,
  current?: Incident,
): Promise<T> {
  const texts = [input.name, input.body].join('\n')
  if (!PLACEHOLDER.test(texts)) return input
  PLACEHOLDER.lastIndex = 0
  const [components, areas] = await Promise.all([selectComponents(db), selectAreas(db)])
  const componentIds =
    input.components && Object.keys(input.components).length > 0
      ? Object.keys(input.components)
      : (current?.componentStatuses.map((s) => s.componentId) ?? [])
  const areaIds = new Set([...(input.area_ids ?? []), ...(current?.areas.map((a) => a.id) ?? [])])
  const eta = input.eta !== undefined ? input.eta : (current?.eta ?? null)
  const next =
    input.next_update_at !== undefined ? input.next_update_at : (current?.nextUpdateAt ?? null)
  const values: Record<Placeholder, string> = {
    component: listWords(components.filter((c) => componentIds.includes(c.id)).map((c) => c.name)),
    area: listWords(areas.filter((a) => areaIds.has(a.id)).map((a) => a.name)),
    eta: eta ? placeholderTime(eta, timeZone) : '',
    next_update: next ? placeholderTime(next, timeZone) : '',
  }
  const problems: { path: string; message: string }[] = []
  const fill = (path: 'name' | 'body', text: string) =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name as Placeholder]
      if (value === undefined) {
        problems.push(unknownPlaceholderError(path, whole)!)
      } else if (value === '') {
        problems.push({ path, message: `This uses {{${name}}}: ${NEEDS[name as Placeholder]}.` })
      }
      return value ?? whole
    })
  const filled = { ...input, body: fill('body', input.body) }
  if (input.name !== undefined) filled.name = fill('name', input.name)
  if (problems.length) throw new CandorError('validation_failed', problems[0]!.message, problems)
  return filled
}
