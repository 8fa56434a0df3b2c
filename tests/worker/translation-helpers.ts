import { call } from './factories'

/**
 * What a reader reads of a page: its text without the script, plus the words in attributes
 * people meet (tooltips, labels for screen readers, the description, the ticking wording).
 */
export function readable(html: string): string {
  const withoutScript = html.replace(/<script\b[\s\S]*?<\/script>/g, ' ')
  const attributes = [
    ...withoutScript.matchAll(/\s(?:title|aria-label|content|data-words)="([^"]*)"/g),
  ].map((m) => m[1])
  const text = withoutScript.replace(/<[^>]+>/g, ' ')
  return `${text} ${attributes.join(' ')}`.replace(/&#39;/g, "'").replace(/\s+/g, ' ')
}

/** A public page as a reader in `lang` asks for it (`?lang=`), with its status and HTML. */
export async function pageIn(
  lang: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; html: string; text: string; headers: Headers }> {
  const url = `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`
  const res = await call('GET', url, { token: null, headers })
  const html = await res.text()
  return { status: res.status, html, text: readable(html), headers: res.headers }
}

/**
 * Words Candor writes in English on its public pages. None may be left on a page in another
 * language (ops-written names in the tests avoid them).
 */
export const CANDOR_ENGLISH = [
  'Skip to content',
  'Subscribe',
  'History',
  'Current incidents',
  'Maintenance in progress',
  'Upcoming',
  'Components',
  'Past incidents',
  'Full history',
  'Last change',
  'Latest update',
  'Full timeline',
  'Next update',
  'Update overdue',
  'promised by',
  'Workaround',
  'Areas',
  'Impact',
  'impact',
  'Operational',
  'Partial outage',
  'Investigating',
  'Identified',
  'Monitoring',
  'Resolved',
  'Scheduled',
  'Progress',
  'Estimate',
  'estimate',
  'ETA',
  'Updates',
  'current stage',
  'Back to the status page',
  'Times are in',
  'calendar of maintenance',
  'Language',
  'Switch',
  'days ago',
  'Today',
  'problems',
  'No data',
  'How our estimates held',
  'promised update',
  'The figures',
  'Are you affected',
  'Is it fixed for you',
  'affected',
  'Fixed for me',
  'Still broken',
  'Your area',
  'Not saying',
  'started',
  'lasted',
  'Started',
  'Page not found',
  'Thank you',
  'counted',
]

/** The English words of `CANDOR_ENGLISH` found in `text` (whole words, as written). */
export function englishLeft(text: string): string[] {
  return CANDOR_ENGLISH.filter((words) =>
    new RegExp(`(^|[^\\p{L}])${words}($|[^\\p{L}])`, 'u').test(text),
  )
}
