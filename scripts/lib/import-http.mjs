// HTTP for the Statuspage importer: the source's public v2 API, its Manage API v1, and the
// target Candor's /api/v1.

import { cursorPages, numberedPages } from './import-paging.mjs'

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
 * page of a list, 100 a page; `size` names the size parameter (`limit` or `per_page`) and
 * `first` the first page's number (Statuspage numbers subscriber pages from 0, template and
 * incident pages from 1).
 */
export function manageApi({ manageUrl, pageId, apiKey }) {
  const headers = { authorization: `OAuth ${apiKey}` }
  const base = `${manageUrl}/pages/${encodeURIComponent(pageId)}`
  const size = 100
  const fetchPage = (path, params, sizeParam) => (page) => {
    const query = new URLSearchParams({ ...params, [sizeParam]: String(size), page: String(page) })
    return call('GET', `${base}${path}?${query}`, { headers })
  }
  async function pages(path, params, sizeParam, first) {
    const read = (from) =>
      numberedPages(fetchPage(path, params, sizeParam), { first: from, size }).catch(labelled(path))
    try {
      return await read(first)
    } catch (error) {
      // A server numbering every list from 1 may refuse page 0 with a 422.
      if (first === 0 && error instanceof HttpError && error.status === 422) return read(1)
      throw error
    }
  }
  return { pages }
}

/** Rethrows a paging loop's own error with what list it was reading; HTTP errors say so already. */
const labelled = (what) => (error) => {
  throw error instanceof HttpError ? error : new Error(`${what}: ${error.message}`)
}

/** The target Candor's admin API, with its token. */
export function candorApi(to, token) {
  const headers = { authorization: `Bearer ${token}` }
  const get = (path) => call('GET', `${to}/api/v1${path}`, { headers })
  const size = 100
  return {
    get,
    /** Every item of a list (`path` with its own query), a page of 100 at a time. */
    all: (path) =>
      cursorPages((after) => {
        const query = new URLSearchParams({ limit: String(size) })
        if (after) query.set('after', after)
        return get(`${path}${path.includes('?') ? '&' : '?'}${query}`)
      }, size).catch(labelled(`${to}/api/v1${path}`)),
    /** `get`, answering null on 404. */
    optional: async (path) => {
      try {
        return await get(path)
      } catch (error) {
        if (error instanceof HttpError && error.status === 404) return null
        throw error
      }
    },
    post: (path, body) => call('POST', `${to}/api/v1${path}`, { headers, body }),
    put: (path, body) => call('PUT', `${to}/api/v1${path}`, { headers, body }),
    postCsv: (path, csv) =>
      call('POST', `${to}/api/v1${path}`, { headers, body: csv, type: 'text/csv' }),
  }
}
