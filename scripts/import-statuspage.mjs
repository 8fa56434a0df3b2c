// `npm run import:statuspage -- --from <page> --to <Candor> --token <token> [--api-key K]`:
// copies a page that serves Statuspage's API — components, groups, incidents with every update
// and scheduled maintenance (the 50 most recent of each the public API lists; with a Manage API
// key the whole history with its postmortems, and email subscribers and incident templates) —
// into Candor through its /api/v1, telling nobody. Running it again changes nothing. It prints
// what it saw, copied, skipped and could not copy, and exits 1 when anything failed.

import { pathToFileURL } from 'node:url'
import { parseImportArgs, USAGE } from './lib/import-args.mjs'
import { importSubscribers, importTemplates } from './lib/import-audience.mjs'
import { importComponents, importIncidents, importMaintenances } from './lib/import-content.mjs'
import { candorApi, manageApi, sourceApi } from './lib/import-http.mjs'
import { splitManageIncidents } from './lib/import-map.mjs'
import { anyFailed, formatReport, newReport, record } from './lib/import-report.mjs'

/**
 * Reads the source's v2 documents; the lists fall back to what summary.json holds when a
 * page does not serve them.
 */
async function readPublic(source, report) {
  const summary = await source.get('/summary.json')
  const [components, incidents, maintenances] = await Promise.all([
    source.optional('/components.json'),
    source.optional('/incidents.json'),
    source.optional('/scheduled-maintenances.json'),
  ])
  const pick = (doc, key, path) => {
    if (doc) return doc[key] ?? []
    report.notes.push(`${path} is not served; used what summary.json lists`)
    return summary[key] ?? []
  }
  return {
    page: summary.page,
    components: pick(components, 'components', 'components.json'),
    incidents: pick(incidents, 'incidents', 'incidents.json'),
    maintenances: pick(maintenances, 'scheduled_maintenances', 'scheduled-maintenances.json'),
  }
}

/**
 * The source's whole history of incidents and maintenances, from the Manage API's incidents
 * list (which holds both), in place of the public lists' 50 most recent.
 */
async function readHistory(manage, source, report) {
  const split = splitManageIncidents(await manage.pages('/incidents', {}, 'limit', 1))
  for (const draft of split.drafts) {
    record(report, 'incidents', 'skipped', draft.name, 'a draft at the source')
  }
  return { ...source, incidents: split.incidents, maintenances: split.maintenances }
}

/** Runs an import with parsed options; returns the report. */
export async function importStatuspage(options) {
  const report = newReport()
  let source = await readPublic(sourceApi(options.from), report)
  const manage = options.apiKey
    ? manageApi({
        manageUrl: options.manageUrl,
        pageId: options.pageId ?? source.page?.id,
        apiKey: options.apiKey,
      })
    : null
  if (manage) source = await readHistory(manage, source, report)
  report.seen = {
    from: manage ? 'manage-v1' : 'public-v2',
    incidents: source.incidents.length,
    maintenances: source.maintenances.length,
  }
  const candor = candorApi(options.to, options.token)
  const componentIds = await importComponents(candor, source.components, report)
  await importIncidents(candor, source.incidents, componentIds, report)
  await importMaintenances(candor, source.maintenances, componentIds, report)
  if (manage) {
    const allSourceIds = source.components.filter((c) => !c.group).map((c) => c.id)
    await importSubscribers(candor, manage, componentIds, allSourceIds, options, report)
    await importTemplates(candor, manage, componentIds, report)
  } else {
    report.notes.push('no --api-key: subscribers and templates were not copied')
    report.notes.push(
      'no --api-key: the public API lists the 50 most recent incidents and maintenances; older ones were not seen',
    )
  }
  return report
}

async function main() {
  let options
  try {
    options = parseImportArgs(process.argv.slice(2))
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`)
    process.exit(2)
  }
  if (options.help) {
    console.log(USAGE)
    return
  }
  try {
    const report = await importStatuspage(options)
    console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report))
    if (anyFailed(report)) process.exitCode = 1
  } catch (error) {
    console.error(`The import stopped: ${error.message}`)
    process.exitCode = 1
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
