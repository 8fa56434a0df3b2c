/**
 * Workers Rate Limiting counts in windows aligned to the wall clock (a 60 s limit restarts at
 * every whole minute). A test that fills a limit and expects the next request refused must not
 * straddle a window's end: this waits, when less than `needSeconds` are left in the current
 * window, until the next one begins.
 */
export async function inOneRateWindow(periodSeconds = 60, needSeconds = 15): Promise<void> {
  const periodMs = periodSeconds * 1000
  const left = periodMs - (Date.now() % periodMs)
  if (left < needSeconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50))
}
