import { CandorError } from '../../domain/errors'
import { attempt } from './console-form'

/** A verb's result, or the form's errors and the status to answer them with. */
export type Attempted<T> =
  { ok: true; value: T } | { ok: false; errors: Record<string, string>; status: 400 | 409 }

/**
 * Like `attempt()`, and a verb's `conflict` (409: a name taken, a step not allowed now) lands
 * on its field (the conflict's `path`, else `conflictField`) as a readable error instead of an error page. Nothing was written.
 */
export async function attemptForm<T>(
  verb: () => Promise<T>,
  conflictField: string,
  fieldOf?: (path: string) => string,
): Promise<Attempted<T>> {
  try {
    const result = await attempt(verb, fieldOf)
    return result.ok ? result : { ...result, status: 400 }
  } catch (error) {
    if (!(error instanceof CandorError) || error.code !== 'conflict') throw error
    const path = (error.details as { path?: unknown } | undefined)?.path
    const field = typeof path === 'string' ? (fieldOf?.(path) ?? path) : conflictField
    return { ok: false, errors: { [field]: error.message }, status: 409 }
  }
}
