import { OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppBindings } from '../app-types'
import { errorBody } from '../middleware/errors'
import { ErrorSchema } from '../schemas/inputs'
import { issueDetails } from './validation-details'

/** A sub-app whose schema failures become the API's 400 `validation_failed` (docs/api.md). */
export function newApiApp(): OpenAPIHono<AppBindings> {
  return new OpenAPIHono<AppBindings>({
    defaultHook: (result, c) => {
      if (result.success) return
      const details = issueDetails(result.error.issues)
      const first = details[0]
      return c.json(
        errorBody(
          'validation_failed',
          first ? `Invalid ${first.path}: ${first.message}` : 'The request is not valid.',
          details,
        ),
        400,
      )
    },
  })
}

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true }
}

/** A JSON response. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description }
}

const errorResponse = (description: string) => jsonResponse(ErrorSchema, description)

/** The error answers every authenticated route may give. */
export const authErrors = {
  401: errorResponse('Missing, invalid or revoked token'),
  403: errorResponse('The token lacks the needed scope'),
} as const

/** The error answers of a route that takes a body. */
export const bodyErrors = {
  400: errorResponse('Invalid input; details lists the fields'),
  413: errorResponse('Body larger than 64 KB'),
  415: errorResponse('Body is not application/json'),
} as const

export const notFoundError = { 404: errorResponse('Unknown id') } as const
export const conflictError = { 409: errorResponse('Conflicting state') } as const

export const bearerSecurity = [{ Bearer: [] }]
