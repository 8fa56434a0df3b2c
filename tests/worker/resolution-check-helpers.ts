import { expect } from 'vitest'
import type { ReceivedMail } from '../support/global-setup'
import { call, callJson, publicJson } from './factories'

/** The counts a reader of each public surface sees for one incident. */
export async function countsEverywhere(incidentId: string) {
  const native = await callJson('GET', `/api/v1/incidents/${incidentId}`)
  const v2 = await publicJson('/api/v2/incidents.json')
  const fromV2 = v2.incidents.find((i: { id: string }) => i.id === incidentId)
  expect(fromV2, 'the incident in /api/v2/incidents.json').toBeDefined()
  const page = await call('GET', `/incidents/${incidentId}`, { token: null })
  return {
    native: native.resolution_check,
    v2: fromV2.resolution_check,
    nativeAffected: native.affected_reports,
    v2Affected: fromV2.affected_reports,
    pageHtml: await page.text(),
  }
}

/** The path of an answer link ("Fixed for me: …" or "Still broken: …") in a mail's text. */
export function answerPath(mail: ReceivedMail, label: 'Fixed for me' | 'Still broken'): string {
  const match = new RegExp(`${label}: (https?://\\S+/resolution/\\S+)`).exec(mail.text)
  expect(match, `a "${label}" link in "${mail.subject}"`).not.toBeNull()
  return new URL(match![1]!).pathname
}

/** "Customers say: 1 fixed for me, 0 still broken." as the incident page prints it. */
export function pageCountsText(html: string): string | null {
  const match = /data-testid="answer-counts">([\s\S]*?)<\/p>/.exec(html)
  return match
    ? match[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim()
    : null
}
