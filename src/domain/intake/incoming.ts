import { sha256Hex } from '../../lib/ids'
import type { AlertmanagerWebhookBody, GenericAlertBody } from '../../schemas/intake'
import type { IntakeSettings } from '../intake-settings'

/** One alert as the intake works with it, whichever system sent it. */
export interface IncomingAlert {
  fingerprint: string
  status: 'firing' | 'resolved'
  /** When this occurrence began (Alertmanager's startsAt): a new value is a new occurrence. */
  startsAt: string | null
  /** A one-line name for it (the incident's name when it opens one). */
  title: string
  /** What it says in a sentence (the incident's body). */
  description: string
  component?: string
  area?: string
  severity?: string
}

/** One delivery: the alerts of one group, and whether the sender says none of them fires. */
export interface IncomingDelivery {
  /** Which incident the alerts feed: Alertmanager's groupKey, or a generic fingerprint. */
  groupKey: string
  groupResolved: boolean
  alerts: IncomingAlert[]
}

/** Alertmanager's fingerprint, or one made from the labels for senders that omit it. */
async function fingerprintOf(alert: AlertmanagerWebhookBody['alerts'][number]): Promise<string> {
  if (alert.fingerprint) return alert.fingerprint
  const labels = Object.entries(alert.labels).sort(([a], [b]) => a.localeCompare(b))
  return (await sha256Hex(JSON.stringify(labels))).slice(0, 16)
}

/** An Alertmanager webhook (version 4) as a delivery, its labels read as the settings say. */
export async function fromAlertmanager(
  body: AlertmanagerWebhookBody,
  settings: IntakeSettings,
): Promise<IncomingDelivery> {
  const alerts: IncomingAlert[] = []
  for (const alert of body.alerts) {
    const { labels, annotations } = alert
    const title =
      annotations.summary ?? annotations.title ?? labels.alertname ?? 'Alert from monitoring'
    alerts.push({
      fingerprint: await fingerprintOf(alert),
      status: alert.status,
      startsAt: alert.startsAt ?? null,
      title,
      description: annotations.description ?? annotations.summary ?? title,
      component: labels[settings.component_label],
      area: labels[settings.area_label],
      severity: labels[settings.severity_label],
    })
  }
  return {
    groupKey: `alertmanager:${body.groupKey}`,
    groupResolved: body.status === 'resolved',
    alerts,
  }
}

/** A generic alert: its own group, keyed by its fingerprint. */
export function fromGeneric(body: GenericAlertBody): IncomingDelivery {
  return {
    groupKey: `generic:${body.fingerprint}`,
    groupResolved: body.status === 'resolved',
    alerts: [
      {
        fingerprint: body.fingerprint,
        status: body.status,
        startsAt: null,
        title: body.title,
        description: body.title,
        component: body.component,
        area: body.area,
        severity: body.severity,
      },
    ],
  }
}
