import type { Context } from 'hono'
import type { z } from '@hono/zod-openapi'
import type { AppBindings } from '../../app-types'
import type { ConsoleFrame } from '../../views/console/layout'
import type { FormState } from '../../views/console/fields'
import { pageNameOf } from '../html-page'
import { readForm } from '../form-body'
import { issueDetails, problemsOf, type FieldProblem } from '../validation-details'
import { sessionOf } from './console-session'

type Ctx = Context<AppBindings>

/** What the console's frame needs, from the session `consoleSession()` found. */
export async function consoleFrame(c: Ctx): Promise<ConsoleFrame> {
  const session = sessionOf(c)
  return { pageName: await pageNameOf(c), member: session.member, csrfToken: session.csrfToken }
}

/** A posted console form as a form state with no errors yet (the `csrf` field left out). */
export async function readConsoleForm(c: Ctx): Promise<FormState> {
  const body = await readForm(c)
  const values: FormState['values'] = {}
  for (const [name, value] of Object.entries(body)) {
    if (name === 'csrf') continue
    const texts = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === 'string',
    )
    values[name] = texts.length === 1 ? texts[0] : texts
  }
  return { values, errors: {} }
}

/**
 * Field problems as a form's errors, keyed by field name. `fieldOf` maps an input path (e.g.
 * `components.abc`) to the form field that holds it; by default the path's first part. A
 * problem with no field of its own lands on `(form)`.
 */
export function fieldErrors(
  problems: readonly FieldProblem[],
  fieldOf: (path: string) => string = (path) => path.split('.')[0] ?? '(form)',
): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const problem of problems) {
    const field = problem.path === '(body)' ? '(form)' : fieldOf(problem.path)
    errors[field] ??= problem.message
  }
  return errors
}

/** Parses input with an API schema: the value, or the form's errors by field. */
export function parseWith<T extends z.ZodType>(
  schema: T,
  input: unknown,
  fieldOf?: (path: string) => string,
): { ok: true; value: z.infer<T> } | { ok: false; errors: Record<string, string> } {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, errors: fieldErrors(issueDetails(result.error.issues), fieldOf) }
}

/**
 * Runs a domain verb for a form: its result, or — when the verb refuses the input
 * (`validation_failed`) — the form's errors, so the page comes back with what was typed.
 * Any other error goes on to the error handler.
 */
export async function attempt<T>(
  verb: () => Promise<T>,
  fieldOf?: (path: string) => string,
): Promise<{ ok: true; value: T } | { ok: false; errors: Record<string, string> }> {
  try {
    return { ok: true, value: await verb() }
  } catch (error) {
    const problems = problemsOf(error)
    if (!problems) throw error
    return { ok: false, errors: fieldErrors(problems, fieldOf) }
  }
}
