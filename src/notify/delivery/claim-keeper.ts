/**
 * Keeps a consumer run's claims alive while it works: every third of the claim period it
 * extends the claims still held, so a claim never runs out under a slow send, and runs out
 * one claim period after the run stops (it finished, or it died).
 */
export class ClaimKeeper {
  private readonly held = new Set<string>()
  private timer: ReturnType<typeof setInterval> | undefined
  private ticking = false

  constructor(
    private readonly extend: (ids: string[], at: string) => Promise<unknown>,
    private readonly leaseMs: number,
  ) {}

  /** Starts extending the claims on `ids`. */
  hold(ids: Iterable<string>): void {
    for (const id of ids) this.held.add(id)
    this.timer ??= setInterval(() => void this.tick(), Math.max(this.leaseMs / 3, 100))
  }

  /** The claim on `id` needs no keeping any more (its outcome is recorded). */
  release(id: string): void {
    this.held.delete(id)
  }

  /** Stops extending anything. */
  stop(): void {
    clearInterval(this.timer)
    this.timer = undefined
    this.held.clear()
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.held.size === 0) return
    this.ticking = true
    try {
      await this.extend([...this.held], new Date().toISOString())
    } catch (error) {
      console.error('extending claims failed; they run out unless the next try works', error)
    } finally {
      this.ticking = false
    }
  }
}
