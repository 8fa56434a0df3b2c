import { encodeBracketForm, type FormObject } from '../../src/routes/manage-v1/bracket-form'
import { v1, v1Json } from './manage-v1-helpers'

/**
 * Incident calls to the Manage API v1 in three encodings: JSON, a bracketed form with `[]` on
 * arrays (`incident[component_ids][]=…`), and one repeating the key without them.
 */
export type IncidentEncoding = 'json' | 'form' | 'form-no-brackets'
export const INCIDENT_ENCODINGS: IncidentEncoding[] = ['json', 'form', 'form-no-brackets']

type Options = Parameters<typeof v1>[2]

/** The options that send `body` in `encoding`. */
export function sent(encoding: IncidentEncoding, body: FormObject, extra: Options = {}): Options {
  if (encoding === 'form-no-brackets') {
    return {
      ...extra,
      rawBody: encodeBracketForm(body, { arrayBrackets: false }),
      contentType: 'application/x-www-form-urlencoded',
    }
  }
  return { ...extra, encoding, body }
}

/** A v1 call with a body, expected to answer `status`, checked against the document. */
export function v1Send<T = any>(
  method: string,
  path: string,
  specPath: string,
  status: number,
  encoding: IncidentEncoding,
  body: FormObject,
  extra: Options = {},
): Promise<T> {
  return v1Json<T>(method, path, specPath, status, sent(encoding, body, extra))
}
