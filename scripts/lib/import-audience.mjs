// Copies what only the Manage API v1 gives: email subscribers and incident templates.

import { record } from './import-report.mjs'
import { subscriberCsvChunks, templateInput } from './import-map.mjs'

const why = (error) => error?.message ?? String(error)

/**
 * Email subscribers: those the source calls active are imported as consented (no new
 * confirmation); unconfirmed ones are left out unless `askUnconfirmed`, when each is sent
 * Candor's confirmation email; quarantined ones and other kinds are reported and left out.
 * Candor skips addresses it already has, so a second run adds nobody.
 */
export async function importSubscribers(
  candor,
  manage,
  componentIds,
  allSourceIds,
  options,
  report,
) {
  const email = (state) => manage.pages('/subscribers', { type: 'email', state }, 'limit', 0)
  const [every, active, unconfirmed] = await Promise.all([
    manage.pages('/subscribers', { state: 'all' }, 'limit', 0),
    email('active'),
    email('unconfirmed'),
  ])
  const placed = new Set([...active, ...unconfirmed].map((s) => s.id))
  for (const s of every) {
    if (placed.has(s.id)) continue
    const mode = s.mode ?? 'unknown'
    const what = s.email ?? s.endpoint ?? s.display_phone_number ?? s.id
    record(
      report,
      'subscribers',
      'skipped',
      `${mode} subscriber ${what}`,
      mode === 'email' ? 'quarantined at the source' : `${mode} subscribers are not copied`,
    )
  }
  if (!options.askUnconfirmed) {
    for (const s of unconfirmed) {
      record(report, 'subscribers', 'skipped', s.email, 'never confirmed at the source')
    }
  }
  const batches = [[active, true]]
  if (options.askUnconfirmed) batches.push([unconfirmed, false])
  for (const [subscribers, consented] of batches) {
    for (const csv of subscriberCsvChunks(subscribers, componentIds, allSourceIds)) {
      try {
        const answer = await candor.postCsv(`/subscribers/import?consented=${consented}`, csv)
        for (let i = 0; i < answer.added; i++)
          record(report, 'subscribers', 'created', 'subscriber')
        for (const s of answer.skipped) record(report, 'subscribers', 'skipped', s.email)
        for (const e of answer.errors)
          record(report, 'subscribers', 'failed', e.email ?? `line ${e.line}`, e.message)
      } catch (error) {
        record(
          report,
          'subscribers',
          'failed',
          `${csv.split('\n').length - 2} subscribers`,
          why(error),
        )
      }
    }
  }
}

/** Incident templates, known by name; maintenance templates have no place in Candor. */
export async function importTemplates(candor, manage, componentIds, report) {
  const templates = await manage.pages('/incident_templates', {}, 'per_page', 1)
  const names = new Set((await candor.get('/templates')).map((t) => t.name.toLowerCase()))
  for (const template of templates) {
    const input = templateInput(template, componentIds)
    if (!input) {
      record(report, 'templates', 'skipped', template.name, 'maintenance templates are not copied')
    } else if (names.has(template.name.toLowerCase())) {
      record(report, 'templates', 'skipped', template.name)
    } else {
      try {
        await candor.post('/templates', input)
        names.add(template.name.toLowerCase())
        record(report, 'templates', 'created', template.name)
      } catch (error) {
        record(report, 'templates', 'failed', template.name, why(error))
      }
    }
  }
}
