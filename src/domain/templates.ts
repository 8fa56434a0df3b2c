import { selectAreas } from '../db/areas'
import { insertAudit } from '../db/audit'
import { selectComponents } from '../db/components'
import {
  deleteTemplateRow,
  insertTemplate,
  selectTemplate,
  selectTemplateByName,
  selectTemplates,
  updateTemplateRow,
} from '../db/templates'
import { newId } from '../lib/ids'
import type { VerbContext } from './context'
import { CandorError, notFound } from './errors'
import { unknownPlaceholderError } from './template-placeholders'
import type { ComponentStatus, Impact } from './types'

/** What a template prepares: a new incident, or an update to one. */
export const TEMPLATE_KINDS = ['incident', 'update'] as const
export type TemplateKind = (typeof TEMPLATE_KINDS)[number]

/** A saved incident or update, ready to fill in (see template-placeholders.ts). */
export interface Template {
  id: string
  kind: TemplateKind
  name: string
  /** The incident's name; incident templates only. */
  title: string | null
  status: string
  impact: Impact | null
  /** The message. */
  body: string
  components: Record<string, ComponentStatus>
  areaIds: string[]
  workaround: string | null
  createdAt: string
  updatedAt: string
}

/** A template as the API takes it (snake_case, as every input). */
export interface TemplateFields {
  kind: TemplateKind
  name: string
  title?: string | null
  status: string
  impact?: Impact | null
  body: string
  components?: Record<string, ComponentStatus>
  area_ids?: string[]
  workaround?: string | null
}

export type TemplatePatch = Partial<TemplateFields>

export async function listTemplates(db: D1Database): Promise<Template[]> {
  return selectTemplates(db)
}

export async function getTemplate(db: D1Database, id: string): Promise<Template> {
  const template = await selectTemplate(db, id)
  if (!template) throw notFound('template', id)
  return template
}

/** The problems of a template as it would be saved, by field path. */
async function problemsOf(
  db: D1Database,
  t: Template,
): Promise<{ path: string; message: string }[]> {
  const problems: { path: string; message: string }[] = []
  if (t.kind === 'incident' && !t.title) {
    problems.push({
      path: 'title',
      message: 'An incident template needs a title (the incident’s name).',
    })
  }
  if (t.kind === 'update' && t.title) {
    problems.push({
      path: 'title',
      message: 'An update template has no title: updates keep the incident’s name.',
    })
  }
  for (const [path, text] of [
    ['title', t.title],
    ['body', t.body],
  ] as const) {
    const problem = unknownPlaceholderError(path, text)
    if (problem) problems.push(problem)
  }
  const [components, areas] = await Promise.all([selectComponents(db), selectAreas(db)])
  for (const id of Object.keys(t.components)) {
    const component = components.find((c) => c.id === id)
    if (!component || component.isGroup) {
      problems.push({ path: `components.${id}`, message: `No component with id "${id}".` })
    }
  }
  for (const id of t.areaIds) {
    if (!areas.some((a) => a.id === id)) {
      problems.push({ path: 'area_ids', message: `No area with id "${id}".` })
    }
  }
  const sameName = await selectTemplateByName(db, t.name)
  if (sameName && sameName.id !== t.id) {
    throw new CandorError('conflict', `A template named "${t.name}" already exists.`, {
      path: 'name',
    })
  }
  return problems
}

async function assertValid(db: D1Database, t: Template): Promise<void> {
  const problems = await problemsOf(db, t)
  if (problems.length) throw new CandorError('validation_failed', problems[0]!.message, problems)
}

function applyFields(base: Template, input: TemplatePatch, at: string): Template {
  return {
    ...base,
    kind: input.kind ?? base.kind,
    name: input.name ?? base.name,
    title: input.title !== undefined ? input.title || null : base.title,
    status: input.status ?? base.status,
    impact: input.impact !== undefined ? input.impact : base.impact,
    body: input.body ?? base.body,
    components: input.components ?? base.components,
    areaIds: input.area_ids ?? base.areaIds,
    workaround: input.workaround !== undefined ? input.workaround || null : base.workaround,
    updatedAt: at,
  }
}

export async function createTemplate(ctx: VerbContext, input: TemplateFields): Promise<Template> {
  const at = ctx.now.toISOString()
  const blank: Template = {
    id: newId(),
    kind: input.kind,
    name: input.name,
    title: null,
    status: input.status,
    impact: null,
    body: input.body,
    components: {},
    areaIds: [],
    workaround: null,
    createdAt: at,
    updatedAt: at,
  }
  const template = applyFields(blank, input, at)
  await assertValid(ctx.db, template)
  await ctx.db.batch([
    insertTemplate(ctx.db, template),
    insertAudit(
      ctx.db,
      ctx.actor,
      'template.create',
      { type: 'template', id: template.id },
      input,
      at,
    ),
  ])
  return template
}

export async function updateTemplate(
  ctx: VerbContext,
  id: string,
  patch: TemplatePatch,
): Promise<Template> {
  const at = ctx.now.toISOString()
  const template = applyFields(await getTemplate(ctx.db, id), patch, at)
  await assertValid(ctx.db, template)
  await ctx.db.batch([
    updateTemplateRow(ctx.db, template),
    insertAudit(ctx.db, ctx.actor, 'template.update', { type: 'template', id }, patch, at),
  ])
  return template
}

export async function deleteTemplate(ctx: VerbContext, id: string): Promise<void> {
  const template = await getTemplate(ctx.db, id)
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    deleteTemplateRow(ctx.db, id),
    insertAudit(
      ctx.db,
      ctx.actor,
      'template.delete',
      { type: 'template', id },
      { name: template.name },
      at,
    ),
  ])
}
