import { z } from '@hono/zod-openapi'
import {
  BRAND_IMAGE_RULES,
  putBrandImage,
  removeBrandImage,
  type BrandImageKind,
} from '../domain/brand-images'
import { IMAGE_TYPES } from '../domain/image-files'
import { pageName } from '../domain/page'
import { ErrorSchema } from '../schemas/inputs'
import { PageSettingsSchema } from '../schemas/statuspage'
import { apiRoute } from './api-route'
import { baseUrl, verbContext } from './context'
import { authErrors, jsonResponse, newApiApp } from './openapi-helpers'
import { presentSettings } from './page-settings'

/**
 * The page's logo and favicon: `PUT /api/v1/page/logo` with the image as the body and its
 * Content-Type, `DELETE` to remove; the same for `/favicon`. Each answers the page's settings.
 */
export const pageBrandImageRoutes = newApiApp()

/** The most a body may be on each path (checked before it is read; see app.ts). */
export const BRAND_IMAGE_BODY_LIMITS: Record<string, number> = {
  '/api/v1/page/logo': BRAND_IMAGE_RULES.logo.maxBytes,
  '/api/v1/page/favicon': BRAND_IMAGE_RULES.favicon.maxBytes,
}

const errorResponse = (description: string) => jsonResponse(ErrorSchema, description)

const DESCRIPTIONS: Record<BrandImageKind, { put: string; del: string }> = {
  logo: {
    put: "Upload the page's logo: the image file as the body (PNG, JPEG or WebP, at most 512 KB) with its Content-Type. SVG is refused: it can carry scripts. The type is read from the bytes and must agree with the Content-Type. It is stored under a content-addressed name and shown in the header of public pages (alt text: the page name) at most 200 × 40 CSS pixels; a replaced logo's file is deleted. Refused uploads store nothing.",
    del: "Remove the page's logo: public pages show the page name again.",
  },
  favicon: {
    put: 'Upload the page\'s favicon: the image file as the body (PNG or ICO, at most 128 KB) with its Content-Type. Linked from every public page as `<link rel="icon">`, under a content-addressed name; a replaced favicon\'s file is deleted. Refused uploads store nothing.',
    del: "Remove the page's favicon: public pages use Candor's own again.",
  },
}

function imageRoutes(kind: BrandImageKind) {
  const path = `/page/${kind}`
  const binary = z.string().openapi({ format: 'binary' })
  const types = BRAND_IMAGE_RULES[kind].formats.map((f) => IMAGE_TYPES[f])
  pageBrandImageRoutes.openapi(
    apiRoute({
      access: 'write',
      method: 'put',
      path,
      tags: ['Page'],
      summary: `Upload the page's ${kind}`,
      description: DESCRIPTIONS[kind].put,
      request: {
        body: {
          required: true,
          content: Object.fromEntries(types.map((type) => [type, { schema: binary }])),
        },
      },
      responses: {
        200: jsonResponse(PageSettingsSchema, 'The page, naming the new file'),
        ...authErrors,
        400: errorResponse(`Empty or damaged file; details names \`${kind}\``),
        413: errorResponse(`Larger than ${BRAND_IMAGE_RULES[kind].maxBytes / 1024} KB`),
        415: errorResponse('Not an accepted image type, or the Content-Type disagrees with it'),
      },
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      const page = await putBrandImage(
        verbContext(c),
        c.env.BRAND,
        kind,
        bytes,
        c.req.header('content-type') ?? null,
      )
      return c.json(presentSettings(page, pageName(page, c.env.PAGE_NAME), baseUrl(c)), 200)
    },
  )
  pageBrandImageRoutes.openapi(
    apiRoute({
      access: 'write',
      method: 'delete',
      path,
      tags: ['Page'],
      summary: `Remove the page's ${kind}`,
      description: DESCRIPTIONS[kind].del,
      responses: { 200: jsonResponse(PageSettingsSchema, 'The page'), ...authErrors },
    }),
    async (c) => {
      const page = await removeBrandImage(verbContext(c), c.env.BRAND, kind)
      return c.json(presentSettings(page, pageName(page, c.env.PAGE_NAME), baseUrl(c)), 200)
    },
  )
}

imageRoutes('logo')
imageRoutes('favicon')
