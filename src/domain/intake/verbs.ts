import type { AlertmanagerWebhookBody, GenericAlertBody } from '../../schemas/intake'
import type { VerbContext } from '../context'
import { getIntakeSettings } from '../intake-settings'
import { fromAlertmanager, fromGeneric } from './incoming'
import { receiveAlerts, type AlertResult } from './receive'

/** Takes an Alertmanager webhook (version 4): one group of alerts. */
export async function receiveAlertmanager(
  ctx: VerbContext,
  body: AlertmanagerWebhookBody,
): Promise<AlertResult[]> {
  const settings = await getIntakeSettings(ctx.db)
  return receiveAlerts(ctx, await fromAlertmanager(body, settings), settings)
}

/** Takes one generic alert, its own group keyed by its fingerprint. */
export async function receiveGeneric(
  ctx: VerbContext,
  body: GenericAlertBody,
): Promise<AlertResult[]> {
  const settings = await getIntakeSettings(ctx.db)
  return receiveAlerts(ctx, fromGeneric(body), settings)
}
