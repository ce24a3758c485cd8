/** The answer for one request: allowed or not, and what to tell the caller in headers and errors. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Units (requests, or cost) left in the sliding window after this one (0 when refused). */
  remaining: number;
  /** Whole seconds until the whole limit is available again (nothing counted in the sliding window). */
  resetSeconds: number;
  /** When refused: whole seconds after which the next request will be allowed. */
  retryAfterSeconds: number;
}

interface Bucket {
  /** Start of the current window, a multiple of the window length. */
  windowStart: number;
  current: number;
  previous: number;
}

/**
 * A sliding-window counter per bucket (an API key, or an IP address), kept in the memory of this instance.
 *
 * The rate is estimated as the requests of the current fixed window plus those of the previous window weighted by
 * how much of it still overlaps the sliding window. That avoids the double burst a plain fixed window allows at its
 * edges, with two counters per bucket. Refused requests are not counted, so a caller that keeps retrying is let
 * in again as soon as its rate drops.
 */
export class SlidingWindowRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts `amount` units (one request, or an operation's cost) for `bucket` against `limit` units per window (0 or
   * less: no limit). An amount over the limit itself is refused with no retry time: it never fits.
   */
  hit(bucketKey: string, limit: number, amount = 1): RateDecision {
    if (limit <= 0) return { allowed: true, limit, remaining: Number.POSITIVE_INFINITY, retryAfterSeconds: 0, resetSeconds: 0 };
    const now = this.now();
    this.sweep(now);
    const windowStart = now - (now % this.windowMs);
    const bucket = this.roll(this.buckets.get(bucketKey), windowStart);
    const elapsed = now - windowStart;
    const weight = (this.windowMs - elapsed) / this.windowMs;
    const estimate = bucket.previous * weight + bucket.current;
    if (estimate + amount > limit) {
      this.buckets.set(bucketKey, bucket);
      const retryAfterSeconds = amount > limit ? 0 : Math.max(1, Math.ceil(this.waitMs(bucket, elapsed, limit, amount) / 1000));
      return { allowed: false, limit, remaining: 0, retryAfterSeconds, resetSeconds: this.resetSeconds(bucket, elapsed) };
    }
    bucket.current += amount;
    this.buckets.set(bucketKey, bucket);
    return {
      allowed: true,
      limit,
      remaining: Math.max(0, Math.floor(limit - estimate - amount)),
      retryAfterSeconds: 0,
      resetSeconds: this.resetSeconds(bucket, elapsed),
    };
  }

  /** Until the previous window no longer weighs, and the current one has become previous and stopped weighing too. */
  private resetSeconds(bucket: Bucket, elapsed: number): number {
    const left = this.windowMs - elapsed;
    if (bucket.current > 0) return Math.ceil((left + this.windowMs) / 1000);
    return bucket.previous > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Number of buckets held (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  /** The bucket moved forward to the window starting at `windowStart`. */
  private roll(bucket: Bucket | undefined, windowStart: number): Bucket {
    if (!bucket) return { windowStart, current: 0, previous: 0 };
    if (bucket.windowStart === windowStart) return bucket;
    const previous = bucket.windowStart === windowStart - this.windowMs ? bucket.current : 0;
    return { windowStart, current: 0, previous };
  }

  /**
   * How long until `amount` more units fit. Within this window the previous window's weight keeps falling, which
   * suffices when the current window alone still has room; otherwise the current count becomes the previous one at
   * the next window and has to fade enough.
   */
  private waitMs(bucket: Bucket, elapsed: number, limit: number, amount: number): number {
    const left = this.windowMs - elapsed;
    if (bucket.current + amount <= limit && bucket.previous > 0) {
      // previous * (left - t) / window + current + amount <= limit
      return Math.max(0, left - ((limit - bucket.current - amount) * this.windowMs) / bucket.previous);
    }
    // At the next window: current * (window - t) / window + amount <= limit
    return left + Math.max(0, this.windowMs * (1 - (limit - amount) / bucket.current));
  }

  /** Drops buckets idle for two windows, at most once per window, so memory follows the active callers. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    const stale = now - (now % this.windowMs) - this.windowMs;
    for (const [key, bucket] of this.buckets) if (bucket.windowStart < stale) this.buckets.delete(key);
  }
}
