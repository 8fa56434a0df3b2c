import { CandorError } from '../../domain/errors'
import { getTemplate, type Template, type TemplateKind } from '../../domain/templates'
import type { FormState } from '../../views/console/fields'

/** A template by id, or null when there is none (or, given `kind`, none of that kind). */
export async function findTemplate(
  db: D1Database,
  id: string,
  kind?: TemplateKind,
): Promise<Template | null> {
  try {
    const template = await getTemplate(db, id)
    return kind === undefined || template.kind === kind ? template : null
  } catch (error) {
    if (error instanceof CandorError && error.code === 'not_found') return null
    throw error
  }
}

/** A template as the new-incident form's values (components and areas that still exist). */
export function templateValues(
  t: Template,
  componentIds: readonly string[],
  areaIds: readonly string[],
): FormState['values'] {
  const values: FormState['values'] = {
    name: t.title ?? '',
    status: t.status,
    body: t.body,
    area_ids: t.areaIds.filter((id) => areaIds.includes(id)),
    workaround: t.workaround ?? '',
  }
  if (t.impact) values.impact = t.impact
  for (const [id, status] of Object.entries(t.components)) {
    if (componentIds.includes(id)) values[`component.${id}`] = status
  }
  return values
}

/**
 * An update template laid over the Post an update form as the incident stands (`start`): its
 * status, message and the component statuses it names replace the incident's; its areas are
 * added (an update only adds areas); its workaround replaces the incident's when it has one.
 * The update form has no name or impact, so a template's are not used.
 */
export function updateTemplateValues(
  t: Template,
  start: FormState['values'],
  componentIds: readonly string[],
  areaIds: readonly string[],
): FormState['values'] {
  const {
    name: _name,
    impact: _impact,
    workaround,
    area_ids,
    ...fromTemplate
  } = templateValues(t, componentIds, areaIds)
  const current = start.area_ids === undefined ? [] : [start.area_ids].flat()
  const added = [area_ids ?? []].flat().filter((id) => !current.includes(id))
  return {
    ...start,
    ...fromTemplate,
    area_ids: [...current, ...added],
    ...(t.workaround ? { workaround } : {}),
  }
}
