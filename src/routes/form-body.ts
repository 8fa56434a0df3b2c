import type { Context } from 'hono'
import type { BodyData } from 'hono/utils/body'
import { CandorError } from '../domain/errors'

/**
 * The fields of a posted form, every value of a repeated field kept. A body that cannot be
 * read as a form (say, a multipart part without a name) is a 400, not an unexpected error.
 */
export async function readForm(c: Context): Promise<BodyData<{ all: true }>> {
  try {
    return await c.req.parseBody({ all: true })
  } catch {
    throw new CandorError('bad_request', 'The form could not be read. Please send it again.')
  }
}
