// Counts what arrived for the fan-out benchmark: per subscriber (webhook path or email
// recipient) and per message id, with arrival times, so duplicates and losses are exact.

/** A tally of deliveries to `count` subscribers numbered 0…count-1. */
export class DeliveryTally {
  constructor(count) {
    this.count = count
    this.reset()
  }

  /** Forgets everything (before a new run). */
  reset() {
    this.perSubscriber = new Uint32Array(this.count)
    this.messageIds = new Set()
    this.duplicateIds = 0
    this.duplicateSubscribers = 0
    this.badSignatures = 0
    this.unknown = 0
    this.arrivals = 0
    this.first = null
    this.last = null
    this.lastNew = null
    this.reached = 0
    this.sampleBody = null
  }

  /**
   * Records one arrival for subscriber `n` (null when it names none of ours) with message id
   * `messageId` (may be null); `signatureOk` false counts a bad signature.
   */
  record(n, messageId, signatureOk = true, at = Date.now()) {
    this.arrivals++
    this.first ??= at
    this.last = at
    if (!signatureOk) this.badSignatures++
    if (n === null || !(n >= 0 && n < this.count)) {
      this.unknown++
      return
    }
    if (messageId !== null) {
      if (this.messageIds.has(messageId)) this.duplicateIds++
      else this.messageIds.add(messageId)
    }
    if (this.perSubscriber[n]++ === 0) {
      this.reached++
      this.lastNew = at
    } else {
      this.duplicateSubscribers++
    }
  }

  /** Subscribers who got nothing. */
  get lost() {
    return this.count - this.reached
  }

  /** Whether every subscriber got something. */
  get complete() {
    return this.reached === this.count
  }
}
