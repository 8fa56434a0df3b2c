import type { z } from '@hono/zod-openapi'
import { CandorError } from '../domain/errors'

/** One refused field: its dotted path and why (the API's `details` entries). */
export interface FieldProblem {
  path: string
  message: string
}

/** Zod's issues as the API's `details`: an unknown field is reported at its own path. */
export function issueDetails(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    const at = issue.path.map(String)
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...at, key].join('.'), message: 'unknown field' }))
    }
    return [{ path: at.join('.') || '(body)', message: issue.message }]
  })
}

/** The field problems a domain verb's `validation_failed` carries, if it is one. */
export function problemsOf(error: unknown): FieldProblem[] | null {
  if (!(error instanceof CandorError) || error.code !== 'validation_failed') return null
  const details = Array.isArray(error.details) ? (error.details as unknown[]) : []
  const problems = details.filter(
    (d): d is FieldProblem =>
      typeof d === 'object' && d !== null && typeof (d as FieldProblem).path === 'string',
  )
  return problems.length ? problems : [{ path: '(body)', message: error.message }]
}
