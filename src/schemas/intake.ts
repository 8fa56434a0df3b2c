import { z } from '@hono/zod-openapi'
import { COMPONENT_STATUSES, IMPACTS } from '../domain/types'

/**
 * Bodies of the monitoring intake. Alertmanager's is taken as Alertmanager sends it: fields it
 * may add in later versions are ignored rather than refused.
 */

const labelMap = z.record(z.string(), z.string())

export const AlertmanagerAlert = z
  .object({
    status: z.enum(['firing', 'resolved']),
    labels: labelMap,
    annotations: labelMap.default({}),
    startsAt: z.string().optional(),
    endsAt: z.string().optional(),
    generatorURL: z.string().optional(),
    fingerprint: z.string().min(1).max(200).optional(),
  })
  .openapi('AlertmanagerAlert')

export const AlertmanagerWebhook = z
  .object({
    version: z.literal('4', {
      message: 'Only version 4 of the Alertmanager webhook is understood.',
    }),
    groupKey: z.string().min(1).max(2000),
    status: z.enum(['firing', 'resolved']),
    receiver: z.string().optional(),
    alerts: z.array(AlertmanagerAlert).min(1).max(1000),
    groupLabels: labelMap.optional(),
    commonLabels: labelMap.optional(),
    commonAnnotations: labelMap.optional(),
    externalURL: z.string().optional(),
    truncatedAlerts: z.number().int().optional(),
  })
  .openapi('AlertmanagerWebhook', {
    description:
      "Prometheus Alertmanager's webhook body (version 4), exactly as a webhook_configs receiver sends it.",
  })

const text = (max: number) => z.string().trim().min(1).max(max)

export const GenericAlert = z
  .strictObject({
    fingerprint: text(200).openapi({ description: 'Identifies the alert; repeats are ignored.' }),
    status: z.enum(['firing', 'resolved']),
    title: text(300),
    component: text(200).optional().openapi({ description: 'A component name or id.' }),
    area: text(200).optional().openapi({ description: 'An area name or id.' }),
    severity: text(100).optional().openapi({ description: 'A key of the severity table.' }),
  })
  .openapi('GenericAlert')

export const INTAKE_OUTCOMES = [
  'opened',
  'joined',
  'updated',
  'resolved',
  'ignored-duplicate',
  'ignored',
] as const

export const UnmappedLabel = z
  .object({
    label: z.string(),
    value: z.string(),
    reason: z.string(),
  })
  .openapi('UnmappedLabel')

export const IntakeAnswer = z
  .object({
    alerts: z.array(
      z.object({
        fingerprint: z.string(),
        outcome: z.enum(INTAKE_OUTCOMES).openapi({
          description:
            'opened: a new incident; joined: added to the open one; updated: an update was posted for it (firing again); resolved: recorded as resolved; ignored-duplicate: already known in this state; ignored: resolved but nothing open for it.',
        }),
        incident_id: z.string().nullable(),
        update_id: z.string().nullable().openapi({
          description: 'The incident update this delivery posted, if any.',
        }),
        notified: z.boolean().openapi({ description: 'Whether subscribers are told of it.' }),
        draft: z.boolean(),
        unmapped: z.array(UnmappedLabel),
      }),
    ),
  })
  .openapi('IntakeAnswer')

export const SeverityRule = z
  .strictObject({
    impact: z.enum(IMPACTS),
    component_status: z.enum(COMPONENT_STATUSES),
  })
  .openapi('SeverityRule')

const labelName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'A label name is letters, digits and underscores.')

const settingsFields = {
  component_label: labelName,
  area_label: labelName,
  severity_label: labelName,
  severities: z.record(text(100), SeverityRule),
  default_severity: text(100),
  open_as_draft: z.boolean(),
  resolve_when_resolved: z.boolean(),
  notify_interval_minutes: z.number().int().min(0).max(1440),
}

export const IntakeSettingsJson = z
  .object({ ...settingsFields, updated_at: z.string().nullable() })
  .openapi('IntakeSettings')

export const IntakeSettingsPatch = z
  .strictObject({
    component_label: settingsFields.component_label.optional(),
    area_label: settingsFields.area_label.optional(),
    severity_label: settingsFields.severity_label.optional(),
    severities: z
      .record(text(100), SeverityRule.nullable())
      .optional()
      .openapi({ description: 'Merged into the table; a null entry removes that severity.' }),
    default_severity: settingsFields.default_severity.optional(),
    open_as_draft: settingsFields.open_as_draft.optional(),
    resolve_when_resolved: settingsFields.resolve_when_resolved.optional(),
    notify_interval_minutes: settingsFields.notify_interval_minutes.optional(),
  })
  .openapi('IntakeSettingsPatch')

export type AlertmanagerWebhookBody = z.infer<typeof AlertmanagerWebhook>
export type GenericAlertBody = z.infer<typeof GenericAlert>
export type IntakeAnswerJson = z.infer<typeof IntakeAnswer>
export type IntakeSettingsPatchBody = z.infer<typeof IntakeSettingsPatch>
