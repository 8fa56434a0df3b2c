import { callCandor } from '../e2e/candor-http'
import type { RunningCandor } from '../e2e/wrangler-dev'

/** Calls Candor's admin API as its owner and returns the status and the parsed body. */
export function adminApi(candor: RunningCandor, method: string, path: string, body?: unknown) {
  return callCandor(candor, method, path, body)
}

export const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString()
