// HTTP for the Statuspage importer: the source's public v2 API, its Manage API v1, and the
// target Candor's /api/v1.

/** An HTTP answer that was not 2xx, with what the server said. */
export class HttpError extends Error {
  constructor(method, url, status, text) {
    super(`${method} ${url} answered ${status}: ${text.slice(0, 300)}`)
    this.status = status
    this.text = text
  }
}

async function call(method, url, { headers = {}, body, type } = {}) {
  const init = { method, headers: { accept: 'application/json', ...headers } }
  if (body !== undefined) {
    init.headers['content-type'] = type ?? 'application/json'
    init.body = typeof body === 'string' ? body : JSON.stringify(body)
  }
  const res = await fetch(url, init)
  const text = await res.text()
  if (!res.ok) throw new HttpError(method, url, res.status, text)
  return text ? JSON.parse(text) : null
}

/** The source page's public API: `get('/summary.json')`; `optional` answers null on 404. */
export function sourceApi(from) {
  const get = (path) => call('GET', `${from}/api/v2${path}`)
  const optional = async (path) => {
    try {
      return await get(path)
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return null
      throw error
    }
  }
  return { get, optional }
}

/**
 * The source's Manage API v1 for one page. `pages(path, params, size, first)` fetches every
 * page of a list (Statuspage numbers subscriber pages from 0 and template pages from 1).
 */
export function manageApi({ manageUrl, pageId, apiKey }) {
  const headers = { authorization: `OAuth ${apiKey}` }
  const base = `${manageUrl}/pages/${encodeURIComponent(pageId)}`
  async function pages(path, params, sizeParam, first) {
    const size = 100
    const all = []
    const seen = new Set()
    for (let page = first; page < first + 1000; page++) {
      const query = new URLSearchParams({
        ...params,
        [sizeParam]: String(size),
        page: String(page),
      })
      const batch = await call('GET', `${base}${path}?${query}`, { headers })
      if (!Array.isArray(batch)) throw new Error(`${path} did not answer a list.`)
      const fresh = batch.filter((item) => !seen.has(item.id))
      for (const item of fresh) seen.add(item.id)
      all.push(...fresh)
      // A short page is the last; a page of nothing new means the server ignores paging.
      if (batch.length < size || fresh.length === 0) break
    }
    return all
  }
  return { pages }
}

/** The target Candor's admin API, with its token. */
export function candorApi(to, token) {
  const headers = { authorization: `Bearer ${token}` }
  return {
    get: (path) => call('GET', `${to}/api/v1${path}`, { headers }),
    post: (path, body) => call('POST', `${to}/api/v1${path}`, { headers, body }),
    postCsv: (path, csv) =>
      call('POST', `${to}/api/v1${path}`, { headers, body: csv, type: 'text/csv' }),
  }
}
