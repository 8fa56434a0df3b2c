import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { listAreas } from '../../domain/areas'
import { listComponents } from '../../domain/components'
import { getIncident, listIncidents, postIncidentUpdate } from '../../domain/incidents'
import { cancelMaintenance } from '../../domain/maintenance-cancel'
import { createMaintenance } from '../../domain/maintenances'
import { roleReaches } from '../../domain/members'
import { ensurePage } from '../../domain/page'
import type { Incident } from '../../domain/types'
import { CancelMaintenanceInput } from '../../schemas/inputs'
import { EMPTY_FORM, valueOf, valuesOf, type FormState } from '../../views/console/fields'
import { MaintenanceListPage } from '../../views/console/maintenance-list-page'
import { MaintenancePage } from '../../views/console/maintenance-page'
import { privatePage } from '../html-page'
import { verbContext } from '../context'
import { consoleFrame, parseWith, readConsoleForm } from './console-form'
import { sessionOf } from './console-session'
import { maintenanceFieldOf, readMaintenanceUpdate, readNewMaintenance } from './maintenance-form'
import { attemptForm } from './refusals'

/**
 * The maintenance screen (`/console/maintenance`): what is under way, upcoming and recent, a
 * Schedule maintenance form, and one maintenance's page with Post an update and Cancel. The
 * forms call the verbs `/api/v1/maintenances` calls.
 */
export const maintenanceRoutes = new Hono<AppBindings>()

type Ctx = Context<AppBindings>

// A change here shows on the public page and reaches subscribers as an API change does.

const NOTICES: Record<string, string> = {
  scheduled: 'Maintenance scheduled.',
  updated: 'Update posted.',
  cancelled: 'Maintenance cancelled.',
}

const RECENT_SHOWN = 20

function canWrite(c: Ctx): boolean {
  return roleReaches(sessionOf(c).member.role, 'editor')
}

async function timeZoneOf(c: Ctx): Promise<string> {
  return (await ensurePage(c.env.DB, new Date())).timeZone
}

async function listPage(c: Ctx, form: FormState, fresh: boolean, status: 200 | 400 | 409 = 200) {
  const [all, components, areas, timeZone] = await Promise.all([
    listIncidents(c.env.DB, 'maintenance', 'all', 200),
    listComponents(c.env.DB),
    listAreas(c.env.DB),
    timeZoneOf(c),
  ])
  const byStart = (a: Incident, b: Incident) =>
    (a.scheduledFor ?? '').localeCompare(b.scheduledFor ?? '')
  const page = (
    <MaintenanceListPage
      frame={await consoleFrame(c)}
      notice={NOTICES[c.req.query('done') ?? '']}
      timeZone={timeZone}
      inProgress={all.filter((m) => m.status === 'in_progress' || m.status === 'verifying')}
      upcoming={all.filter((m) => m.status === 'scheduled').sort(byStart)}
      recent={all.filter((m) => m.status === 'completed').slice(0, RECENT_SHOWN)}
      components={components}
      areas={areas}
      form={canWrite(c) ? { state: form, fresh } : null}
    />
  )
  return privatePage(c, page, status)
}

maintenanceRoutes.get('/maintenance', (c) => listPage(c, EMPTY_FORM, true))

maintenanceRoutes.post('/maintenance', async (c) => {
  const form = await readConsoleForm(c)
  const read = readNewMaintenance(form, await timeZoneOf(c))
  if (!read.ok) return listPage(c, { ...form, errors: read.errors }, false, 400)
  const done = await attemptForm(
    () => createMaintenance(verbContext(c), read.value),
    '(form)',
    maintenanceFieldOf,
  )
  if (!done.ok) return listPage(c, { ...form, errors: done.errors }, false, done.status)
  return c.redirect(`/console/maintenance/${done.value.id}?done=scheduled`, 303)
})

interface DetailForms {
  update?: FormState
  cancel?: FormState
}

async function detailPage(
  c: Ctx,
  id: string,
  forms: DetailForms = {},
  status: 200 | 400 | 409 = 200,
) {
  const [maintenance, components, timeZone] = await Promise.all([
    getIncident(c.env.DB, id, 'maintenance'),
    listComponents(c.env.DB),
    timeZoneOf(c),
  ])
  const page = (
    <MaintenancePage
      frame={await consoleFrame(c)}
      notice={NOTICES[c.req.query('done') ?? '']}
      timeZone={timeZone}
      maintenance={maintenance}
      components={components}
      forms={
        canWrite(c)
          ? {
              update: forms.update ?? EMPTY_FORM,
              updateFresh: !forms.update,
              cancel: forms.cancel ?? EMPTY_FORM,
              cancelFresh: !forms.cancel,
            }
          : null
      }
    />
  )
  return privatePage(c, page, status)
}

maintenanceRoutes.get('/maintenance/:id', (c) => detailPage(c, c.req.param('id')))

maintenanceRoutes.post('/maintenance/:id/updates', async (c) => {
  const id = c.req.param('id')
  const form = await readConsoleForm(c)
  const read = readMaintenanceUpdate(form)
  if (!read.ok) return detailPage(c, id, { update: { ...form, errors: read.errors } }, 400)
  const done = await attemptForm(
    () => postIncidentUpdate(verbContext(c), id, 'maintenance', read.value),
    'status',
  )
  if (!done.ok) return detailPage(c, id, { update: { ...form, errors: done.errors } }, done.status)
  return c.redirect(`/console/maintenance/${id}?done=updated`, 303)
})

maintenanceRoutes.post('/maintenance/:id/cancel', async (c) => {
  const id = c.req.param('id')
  const form = await readConsoleForm(c)
  const body = valueOf(form, 'body').trim()
  const read = parseWith(CancelMaintenanceInput, {
    ...(body ? { body } : {}),
    notify: valuesOf(form, 'notify').length > 0,
  })
  if (!read.ok) return detailPage(c, id, { cancel: { ...form, errors: read.errors } }, 400)
  const done = await attemptForm(() => cancelMaintenance(verbContext(c), id, read.value), 'body')
  if (!done.ok) return detailPage(c, id, { cancel: { ...form, errors: done.errors } }, done.status)
  return c.redirect(`/console/maintenance/${id}?done=cancelled`, 303)
})
