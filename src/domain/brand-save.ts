import { checkAccentColour, type BrandChanges } from './brand'
import {
  checkBrandImage,
  putBrandImage,
  removeBrandImage,
  type BrandImageKind,
} from './brand-images'
import type { VerbContext } from './context'
import { CandorError } from './errors'
import { updatePage } from './page'
import type { PageSettings } from './types'

/** An uploaded file: its bytes and the type its sender declared. */
export interface Upload {
  bytes: Uint8Array
  type: string | null
}

/** What the console's brand form changes: the text settings, and each image (or its removal). */
export interface BrandSave {
  changes: BrandChanges
  logo?: Upload | 'remove'
  favicon?: Upload | 'remove'
}

/**
 * Saves the brand form: every part is checked first — the accent's contrast, each image — and
 * every problem is reported at once on its field; only then is anything written.
 */
export async function saveBrand(
  ctx: VerbContext,
  bucket: R2Bucket,
  save: BrandSave,
): Promise<PageSettings> {
  const problems: { path: string; message: string }[] = []
  const collect = (check: () => unknown) => {
    try {
      check()
    } catch (error) {
      if (!(error instanceof CandorError) || !Array.isArray(error.details)) throw error
      problems.push(...(error.details as { path: string; message: string }[]))
    }
  }
  const accent = save.changes.accent_color
  if (accent) collect(() => checkAccentColour(accent))
  const kinds: BrandImageKind[] = ['logo', 'favicon']
  for (const kind of kinds) {
    const upload = save[kind]
    if (upload && upload !== 'remove')
      collect(() => checkBrandImage(kind, upload.bytes, upload.type))
  }
  if (problems.length > 0) {
    throw new CandorError('validation_failed', problems[0]!.message, problems)
  }
  let page = await updatePage(ctx, save.changes)
  for (const kind of kinds) {
    const upload = save[kind]
    if (upload === 'remove') page = await removeBrandImage(ctx, bucket, kind)
    else if (upload) page = await putBrandImage(ctx, bucket, kind, upload.bytes, upload.type)
  }
  return page
}
