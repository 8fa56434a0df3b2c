import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { getIntakeSettings, patchIntakeSettings } from '../../domain/intake-settings'
import { ensurePage, updatePage } from '../../domain/page'
import type { FormState } from '../../views/console/fields'
import { SettingsPage } from '../../views/console/settings-page'
import { privatePage } from '../html-page'
import { verbContext } from '../context'
import { consoleFrame, readConsoleForm } from './console-form'
import { requireRole } from './console-session'
import { attemptForm } from './refusals'
import { saveBrand } from '../../domain/brand-save'
import { brandFormState, readBrandForm, readBrandUploads } from './settings-brand-form'
import {
  intakeFormState,
  pageFormState,
  readIntakeForm,
  readPageForm,
  severityRows,
} from './settings-form'

/**
 * Page settings (`/console/settings`, owners only): the page's name, time zone,
 * resolution-check threshold and affected counts (as `PATCH /api/v1/page`), its brand (as
 * `PATCH /api/v1/page` and `PUT /api/v1/page/logo`, `/favicon`), and the intake mapping (as
 * `PATCH /api/v1/intake/settings`).
 */
export const settingsRoutes = new Hono<AppBindings>()

type Ctx = Context<AppBindings>

settingsRoutes.use('/settings/*', requireRole('owner'))

const NOTICES: Record<string, string> = {
  page: 'Page settings saved.',
  brand: 'Brand saved.',
  intake: 'Intake settings saved.',
}

/** Every zone the runtime knows, with the one in force even if it is an alias. */
function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone')
  return zones.includes(current) ? zones : [current, ...zones]
}

async function settingsPage(
  c: Ctx,
  refused: { page?: FormState; brand?: FormState; intake?: FormState } = {},
  status: 200 | 400 | 409 = 200,
) {
  const [page, intake] = await Promise.all([
    ensurePage(c.env.DB, new Date()),
    getIntakeSettings(c.env.DB),
  ])
  const intakeState = refused.intake ?? intakeFormState(intake)
  const view = (
    <SettingsPage
      frame={await consoleFrame(c)}
      notice={NOTICES[c.req.query('done') ?? '']}
      fallbackName={c.env.PAGE_NAME ?? 'Candor'}
      timeZones={timeZones(page.timeZone)}
      page={refused.page ?? pageFormState(page)}
      brand={refused.brand ?? brandFormState(page)}
      currentBrand={page.brand}
      intake={intakeState}
      severities={severityRows(intakeState)}
    />
  )
  return privatePage(c, view, status)
}

settingsRoutes.get('/settings', (c) => settingsPage(c))

settingsRoutes.post('/settings', async (c) => {
  const form = await readConsoleForm(c)
  const read = readPageForm(form)
  if (!read.ok) return settingsPage(c, { page: { ...form, errors: read.errors } }, 400)
  const saved = await attemptForm(() => updatePage(verbContext(c), read.value), '(form)')
  if (!saved.ok) return settingsPage(c, { page: { ...form, errors: saved.errors } }, saved.status)
  return c.redirect('/console/settings?done=page', 303)
})

settingsRoutes.post('/settings/brand', async (c) => {
  const form = await readConsoleForm(c)
  const read = readBrandForm(form)
  if (!read.ok) return settingsPage(c, { brand: { ...form, errors: read.errors } }, 400)
  const uploads = await readBrandUploads(c, form)
  const saved = await attemptForm(
    () => saveBrand(verbContext(c), c.env.BRAND, { changes: read.value, ...uploads }),
    '(form)',
  )
  if (!saved.ok) return settingsPage(c, { brand: { ...form, errors: saved.errors } }, saved.status)
  return c.redirect('/console/settings?done=brand#brand', 303)
})

settingsRoutes.post('/settings/intake', async (c) => {
  const form = await readConsoleForm(c)
  const read = readIntakeForm(form)
  if (!read.ok) return settingsPage(c, { intake: { ...form, errors: read.errors } }, 400)
  const saved = await attemptForm(() => patchIntakeSettings(verbContext(c), read.value), '(form)')
  if (!saved.ok) {
    return settingsPage(c, { intake: { ...form, errors: saved.errors } }, saved.status)
  }
  return c.redirect('/console/settings?done=intake#intake', 303)
})
