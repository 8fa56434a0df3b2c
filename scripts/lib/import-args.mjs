// Command-line options of `npm run import:statuspage`.

export const USAGE = `Usage: npm run import:statuspage -- --from <page URL> --to <Candor URL> --token <token>
       [--api-key <Statuspage API key>] [--page-id <id>] [--manage-url <URL>]
       [--ask-unconfirmed] [--json]

  --from            a page serving Statuspage's public API (/api/v2/summary.json …)
  --to, --token     the Candor to copy into, and a token with the write scope
  --api-key         a Manage API key: reads every incident and maintenance (not only the 50
                    most recent) and also copies email subscribers and incident templates
  --page-id         the source page's id (default: the one in its summary.json)
  --manage-url      the Manage API's base (default https://api.statuspage.io/v1)
  --ask-unconfirmed import subscribers who never confirmed, sending each a confirmation email
                    (default: they are reported and left out)
  --json            print the report as JSON`

const VALUED = ['from', 'to', 'token', 'api-key', 'page-id', 'manage-url']
const FLAGS = ['ask-unconfirmed', 'json', 'help']

/** A base URL without trailing slashes (and, for a page, without a trailing /api/v2). */
function baseUrl(value, name) {
  let url
  try {
    url = new URL(value)
  } catch {
    throw new Error(`--${name} must be a URL, not "${value}".`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--${name} must be an http(s) URL.`)
  }
  return url.href.replace(/\/+$/, '').replace(/\/api\/v2$/, '')
}

/** Reads argv (without node and the script) into options; throws with a sentence on misuse. */
export function parseImportArgs(argv) {
  const seen = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s) : [null]
    if (flag && FLAGS.includes(flag)) seen[flag] = true
    else if (flag && VALUED.includes(flag)) {
      const value = inline ?? argv[++i]
      if (value === undefined || value === '') throw new Error(`--${flag} needs a value.`)
      seen[flag] = value
    } else throw new Error(`Unknown argument "${arg}".`)
  }
  if (seen.help) return { help: true }
  for (const required of ['from', 'to', 'token']) {
    if (!seen[required]) throw new Error(`--${required} is required.`)
  }
  return {
    help: false,
    from: baseUrl(seen.from, 'from'),
    to: baseUrl(seen.to, 'to'),
    token: seen.token,
    apiKey: seen['api-key'] ?? null,
    pageId: seen['page-id'] ?? null,
    manageUrl: baseUrl(seen['manage-url'] ?? 'https://api.statuspage.io/v1', 'manage-url'),
    askUnconfirmed: seen['ask-unconfirmed'] === true,
    json: seen.json === true,
  }
}
