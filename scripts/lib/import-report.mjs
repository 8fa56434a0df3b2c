// What an import did, section by section: created, updated (updates appended), skipped, failed.

export const SECTIONS = [
  'components',
  'incidents',
  'postmortems',
  'maintenances',
  'subscribers',
  'templates',
]

/** An empty report. */
export function newReport() {
  // `seen`: how many incidents and maintenances the source gave, and from where: `manage-v1`
  // (its whole history) or `public-v2` (the 50 most recent of each).
  const report = { seen: null, sections: {}, notes: [] }
  for (const name of SECTIONS) {
    report.sections[name] = { created: 0, updated: 0, skipped: 0, failed: 0, details: [] }
  }
  return report
}

/** Counts one outcome in a section, with a line saying what and why when there is one. */
export function record(report, section, outcome, what, why) {
  report.sections[section][outcome]++
  if (outcome !== 'created' || why) {
    report.sections[section].details.push({ outcome, what, ...(why ? { why } : {}) })
  }
}

/** True when anything failed. */
export const anyFailed = (report) => SECTIONS.some((s) => report.sections[s].failed > 0)

/** The report as lines a person reads. */
export function formatReport(report) {
  const lines = []
  if (report.seen) {
    const { incidents, maintenances, from } = report.seen
    const where =
      from === 'manage-v1'
        ? 'the whole history, through the Manage API v1'
        : 'the most recent, through the public API v2'
    lines.push(`seen          ${incidents} incidents and ${maintenances} maintenances: ${where}`)
  }
  for (const name of SECTIONS) {
    const s = report.sections[name]
    lines.push(
      `${name.padEnd(13)} ${s.created} created, ${s.updated} updated, ${s.skipped} skipped, ${s.failed} failed`,
    )
    for (const d of s.details) {
      if (d.outcome === 'skipped' && !d.why) continue
      lines.push(`  ${d.outcome}: ${d.what}${d.why ? ` — ${d.why}` : ''}`)
    }
  }
  for (const note of report.notes) lines.push(`note: ${note}`)
  return lines.join('\n')
}
