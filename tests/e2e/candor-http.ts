import type { RunningCandor } from './wrangler-dev'

/** What one call to a running Candor answered. */
export interface CandorAnswer {
  status: number
  headers: Headers
  text: string
  json: any
}

/** A JSON request to a running Candor, as curl would send it (the owner's token unless told). */
export async function callCandor(
  candor: RunningCandor,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = candor.token,
): Promise<CandorAnswer> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(candor.url + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : null }
}

/** Waits until `check` holds, failing after `timeoutMs` with what was awaited and the logs. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  logs: () => string = () => '',
): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${logs().slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
