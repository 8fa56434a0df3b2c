// Locally, wrangler dev does not fire Cron Triggers by itself: with --test-scheduled it offers
// /__scheduled, and this ticker calls it every minute, as Cloudflare's scheduler does in
// production.

/** Runs the Worker's scheduled handler at `baseUrl` now and then every `intervalMs`. */
export function startClockTicker(baseUrl, { intervalMs = 60_000, onError = () => {} } = {}) {
  const tick = () =>
    fetch(`${baseUrl}/__scheduled?cron=${encodeURIComponent('* * * * *')}`)
      .then((res) => res.body?.cancel())
      .catch(onError)
  const timer = setInterval(tick, intervalMs)
  tick()
  return () => clearInterval(timer)
}
