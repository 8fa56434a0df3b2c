import { insertAudit } from '../db/audit'
import { updateBrandImageRow } from '../db/page-brand'
import { bytesToHex } from '../lib/encoding'
import type { BrandImage } from './brand'
import type { VerbContext } from './context'
import { CandorError, type ErrorCode } from './errors'
import {
  IMAGE_EXTENSIONS,
  IMAGE_NAMES,
  IMAGE_TYPES,
  formatOfType,
  readImageFacts,
  type ImageFormat,
} from './image-files'
import { ensurePage } from './page'
import type { PageSettings } from './types'

/**
 * The page's logo and favicon: checked from their bytes, stored in the BRAND R2 bucket under
 * a content-addressed key, and named in the page's row. SVG is refused: an SVG file is a
 * document that can carry scripts and links, and a logo served from our origin must not be one.
 */

export type BrandImageKind = 'logo' | 'favicon'

interface KindRules {
  label: string
  formats: readonly ImageFormat[]
  maxBytes: number
}

export const BRAND_IMAGE_RULES: Record<BrandImageKind, KindRules> = {
  logo: { label: 'The logo', formats: ['png', 'jpeg', 'webp'], maxBytes: 512 * 1024 },
  favicon: { label: 'The favicon', formats: ['png', 'ico'], maxBytes: 128 * 1024 },
}

/** A long-lived answer: the key changes whenever the bytes do. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable'

/** The keys brand files are stored and served under. */
export const BRAND_KEY = /^(logo|favicon)-[0-9a-f]{16}\.(png|jpg|webp|ico)$/

const listed = (formats: readonly ImageFormat[]) => {
  const names = formats.map((f) => IMAGE_NAMES[f])
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]
}

function refuse(kind: BrandImageKind, code: ErrorCode, message: string): CandorError {
  return new CandorError(code, message, [{ path: kind, message }])
}

/** A checked upload: its format and size, ready to store. */
export interface CheckedImage {
  format: ImageFormat
  width: number
  height: number
  bytes: Uint8Array
}

/**
 * Checks an upload for `kind` from its bytes: not empty, not too big, of an accepted format
 * (an SVG refused by name), its pixel size readable, and — when the sender declared an image
 * type — the type the bytes are. Throws the reason, on the field named after the kind.
 */
export function checkBrandImage(
  kind: BrandImageKind,
  bytes: Uint8Array,
  declaredType: string | null,
): CheckedImage {
  const rules = BRAND_IMAGE_RULES[kind]
  const accepted = listed(rules.formats)
  if (bytes.length === 0) throw refuse(kind, 'validation_failed', `${rules.label} file is empty.`)
  if (bytes.length > rules.maxBytes) {
    throw refuse(
      kind,
      'payload_too_large',
      `${rules.label} is ${Math.ceil(bytes.length / 1024)} KB; at most ${rules.maxBytes / 1024} KB is accepted.`,
    )
  }
  const facts = readImageFacts(bytes)
  if (facts === 'svg') {
    throw refuse(
      kind,
      'unsupported_media_type',
      `SVG is not accepted: an SVG file can carry scripts. Upload ${rules.label.toLowerCase()} as ${accepted}.`,
    )
  }
  if (!facts || !rules.formats.includes(facts.format)) {
    const what = facts ? `a ${IMAGE_NAMES[facts.format]} image` : 'not an image Candor reads'
    throw refuse(
      kind,
      'unsupported_media_type',
      `${rules.label} must be ${accepted}; this file is ${what}.`,
    )
  }
  const declared = declaredType ? formatOfType(declaredType) : null
  if (declared && declared !== facts.format) {
    throw refuse(
      kind,
      'unsupported_media_type',
      `The file is a ${IMAGE_NAMES[facts.format]} image, but its type says ${declaredType}.`,
    )
  }
  if (facts.width < 1 || facts.height < 1) {
    throw refuse(
      kind,
      'validation_failed',
      `${rules.label}'s size in pixels could not be read; the file may be damaged.`,
    )
  }
  return { format: facts.format, width: facts.width, height: facts.height, bytes }
}

/** The key of a checked image: the kind, 16 hex digits of its SHA-256, its extension. */
export async function brandKeyOf(kind: BrandImageKind, image: CheckedImage): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', image.bytes))
  return `${kind}-${bytesToHex(digest).slice(0, 16)}.${IMAGE_EXTENSIONS[image.format]}`
}

const imageOf = (page: PageSettings, kind: BrandImageKind) => page.brand[kind]

/**
 * Sets the page's logo or favicon: stores the file (a replaced one is deleted once the row
 * names the new one), then the row and its audit entry. Nothing is stored when it is refused.
 */
export async function putBrandImage(
  ctx: VerbContext,
  bucket: R2Bucket,
  kind: BrandImageKind,
  bytes: Uint8Array,
  declaredType: string | null,
): Promise<PageSettings> {
  const checked = checkBrandImage(kind, bytes, declaredType)
  const page = await ensurePage(ctx.db, ctx.now)
  const key = await brandKeyOf(kind, checked)
  const previous = imageOf(page, kind)?.key ?? null
  await bucket.put(key, checked.bytes, {
    httpMetadata: {
      contentType: IMAGE_TYPES[checked.format],
      cacheControl: IMMUTABLE_CACHE_CONTROL,
    },
  })
  const image: BrandImage = { key, width: checked.width, height: checked.height }
  try {
    await writeImage(ctx, page.pageId, kind, image, {
      bytes: bytes.length,
      type: IMAGE_TYPES[checked.format],
    })
  } catch (error) {
    if (key !== previous) await bucket.delete(key)
    throw error
  }
  if (previous && previous !== key) await bucket.delete(previous)
  return { ...page, brand: { ...page.brand, [kind]: image }, updatedAt: ctx.now.toISOString() }
}

/** Removes the page's logo or favicon (nothing to do when there is none). */
export async function removeBrandImage(
  ctx: VerbContext,
  bucket: R2Bucket,
  kind: BrandImageKind,
): Promise<PageSettings> {
  const page = await ensurePage(ctx.db, ctx.now)
  const previous = imageOf(page, kind)
  if (!previous) return page
  await writeImage(ctx, page.pageId, kind, null, { removed: previous.key })
  await bucket.delete(previous.key)
  return { ...page, brand: { ...page.brand, [kind]: null }, updatedAt: ctx.now.toISOString() }
}

/** The row's change and its audit entry, in one batch. */
async function writeImage(
  ctx: VerbContext,
  pageId: string,
  kind: BrandImageKind,
  image: BrandImage | null,
  details: Record<string, unknown>,
) {
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    updateBrandImageRow(ctx.db, kind, image, at),
    insertAudit(
      ctx.db,
      ctx.actor,
      `page.${kind}.${image ? 'set' : 'remove'}`,
      { type: 'page', id: pageId },
      { ...details, ...(image ? { key: image.key } : {}) },
      at,
    ),
  ])
}

/**
 * A stored brand file for serving — without its body when `conditions` (the request's
 * If-None-Match and the like) say the reader's copy is current — or null when there is none.
 */
export async function readBrandImage(
  bucket: R2Bucket,
  key: string,
  conditions: Headers,
): Promise<R2Object | R2ObjectBody | null> {
  if (!BRAND_KEY.test(key)) return null
  return bucket.get(key, { onlyIf: conditions })
}
