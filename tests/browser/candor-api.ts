import type { RunningCandor } from '../e2e/wrangler-dev'

/** Calls Candor's admin API as its owner and returns the status and the parsed body. */
export async function adminApi(
  candor: RunningCandor,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: any }> {
  const res = await fetch(candor.url + path, {
    method,
    headers: { authorization: `Bearer ${candor.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : null }
}

export const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString()
