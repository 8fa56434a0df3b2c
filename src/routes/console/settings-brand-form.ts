import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { MAX_FOOTER_LINKS, type BrandChanges } from '../../domain/brand'
import type { BrandSave } from '../../domain/brand-save'
import type { PageSettings } from '../../domain/types'
import { BRAND_INPUT_FIELDS } from '../../schemas/brand'
import { valueOf, valuesOf, type FormState } from '../../views/console/fields'
import { readForm } from '../form-body'
import { parseWith } from './console-form'

/**
 * The brand form (multipart): `logo` and `favicon` files with `remove_logo` and
 * `remove_favicon` boxes, `accent_color`, `support_url`, and `footer_links.<n>.label` / `.url`
 * rows (empty rows left out), read into the API's own brand fields.
 */

const BrandInput = z.strictObject(BRAND_INPUT_FIELDS)

/** The most a posted brand form may be: both images at their largest, and the text fields. */
export const BRAND_FORM_MAX_BYTES = 1024 * 1024

/** The form's values for the brand in force. */
export function brandFormState(page: PageSettings): FormState {
  const values: FormState['values'] = {
    accent_color: page.brand.accentColor ?? '',
    support_url: page.brand.supportUrl ?? '',
  }
  page.brand.footerLinks.forEach((link, i) => {
    values[`footer_links.${i}.label`] = link.label
    values[`footer_links.${i}.url`] = link.url
  })
  return { values, errors: {} }
}

/** The text fields as the brand's changes; an empty field removes that setting. */
export function readBrandForm(
  form: FormState,
): { ok: true; value: BrandChanges } | { ok: false; errors: Record<string, string> } {
  const rows: number[] = []
  const links: { label: string; url: string }[] = []
  for (let i = 0; i < MAX_FOOTER_LINKS; i++) {
    const label = valueOf(form, `footer_links.${i}.label`).trim()
    const url = valueOf(form, `footer_links.${i}.url`).trim()
    if (label === '' && url === '') continue
    rows.push(i)
    links.push({ label, url })
  }
  const text = (name: string) => valueOf(form, name).trim() || null
  const input = {
    accent_color: text('accent_color'),
    support_url: text('support_url'),
    footer_links: links,
  }
  // A problem in the n-th link sent lands on the row it was typed in.
  return parseWith(BrandInput, input, (path) => {
    const [head, index, part] = path.split('.')
    if (head !== 'footer_links' || index === undefined) return head ?? '(form)'
    return `footer_links.${rows[Number(index)] ?? 0}.${part ?? 'label'}`
  })
}

/** The form's images: a chosen file replaces the image; a ticked box alone removes it. */
export async function readBrandUploads(
  c: Context<AppBindings>,
  form: FormState,
): Promise<Pick<BrandSave, 'logo' | 'favicon'>> {
  const body = await readForm(c)
  const result: Pick<BrandSave, 'logo' | 'favicon'> = {}
  for (const kind of ['logo', 'favicon'] as const) {
    const file = body[kind]
    if (file instanceof File && file.size > 0) {
      result[kind] = { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type || null }
    } else if (valuesOf(form, `remove_${kind}`).length > 0) {
      result[kind] = 'remove'
    }
  }
  return result
}
