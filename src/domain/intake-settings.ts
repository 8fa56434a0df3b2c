import { insertAudit } from '../db/audit'
import { selectIntakeSettings, upsertIntakeSettings } from '../db/intake'
import { IntakeSettingsJson, type IntakeSettingsPatchBody } from '../schemas/intake'
import type { VerbContext } from './context'
import { invalidField } from './errors'
import type { ComponentStatus, Impact } from './types'

/** What a severity means on the page: the incident's impact and its components' status. */
export interface SeverityRule {
  impact: Impact
  component_status: ComponentStatus
}

/** How alerts become incidents (docs/intake.md). */
export interface IntakeSettings {
  component_label: string
  area_label: string
  severity_label: string
  /** Keyed by severity in lower case. */
  severities: Record<string, SeverityRule>
  /** Assumed when an alert has no severity, or one not in the table. */
  default_severity: string
  /** New incidents wait as drafts for one-click publishing. */
  open_as_draft: boolean
  /** A group whose alerts all resolved resolves the incident, rather than awaiting a human. */
  resolve_when_resolved: boolean
  /** At most one intake-driven notification per incident per this many minutes. */
  notify_interval_minutes: number
  updated_at: string | null
}

export const DEFAULT_INTAKE_SETTINGS: IntakeSettings = {
  component_label: 'component',
  area_label: 'area',
  severity_label: 'severity',
  severities: {
    critical: { impact: 'critical', component_status: 'major_outage' },
    major: { impact: 'major', component_status: 'partial_outage' },
    error: { impact: 'major', component_status: 'partial_outage' },
    warning: { impact: 'minor', component_status: 'degraded_performance' },
    info: { impact: 'none', component_status: 'operational' },
  },
  default_severity: 'warning',
  open_as_draft: false,
  resolve_when_resolved: false,
  notify_interval_minutes: 15,
  updated_at: null,
}

/** The settings in force: the stored ones, or the defaults. */
export async function getIntakeSettings(db: D1Database): Promise<IntakeSettings> {
  const stored = await selectIntakeSettings(db)
  if (!stored) return structuredClone(DEFAULT_INTAKE_SETTINGS)
  const parsed = IntakeSettingsJson.safeParse({
    ...DEFAULT_INTAKE_SETTINGS,
    ...(JSON.parse(stored.settings) as object),
    updated_at: stored.updatedAt,
  })
  return parsed.success ? parsed.data : structuredClone(DEFAULT_INTAKE_SETTINGS)
}

/** The rule for a severity label's value (case-insensitive), falling back to the default. */
export function severityRule(settings: IntakeSettings, severity: string | undefined): SeverityRule {
  const key = severity?.trim().toLowerCase()
  return (
    (key ? settings.severities[key] : undefined) ??
    settings.severities[settings.default_severity] ?? {
      impact: 'minor',
      component_status: 'degraded_performance',
    }
  )
}

/**
 * Changes the settings: given fields replace theirs, `severities` entries are merged (null
 * removes one). 400 if the default severity is not in the resulting table.
 */
export async function patchIntakeSettings(
  ctx: VerbContext,
  patch: IntakeSettingsPatchBody,
): Promise<IntakeSettings> {
  const current = await getIntakeSettings(ctx.db)
  const severities = { ...current.severities }
  for (const [name, rule] of Object.entries(patch.severities ?? {})) {
    const key = name.toLowerCase()
    if (rule === null) delete severities[key]
    else severities[key] = rule
  }
  const next: IntakeSettings = {
    ...current,
    ...patch,
    severities,
    default_severity: (patch.default_severity ?? current.default_severity).toLowerCase(),
    updated_at: ctx.now.toISOString(),
  }
  if (!(next.default_severity in severities)) {
    throw invalidField(
      'default_severity',
      `The default severity "${next.default_severity}" is not in the severity table.`,
    )
  }
  const { updated_at: _, ...stored } = next
  await ctx.db.batch([
    upsertIntakeSettings(ctx.db, stored, next.updated_at!),
    insertAudit(
      ctx.db,
      ctx.actor,
      'intake.settings',
      { type: 'intake', id: null },
      patch,
      next.updated_at!,
    ),
  ])
  return next
}
