/** The answer for one request: allowed or not, and what to tell the caller in headers and errors. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Requests left in the current window after this one (0 when refused). */
  remaining: number;
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

  /** Counts one request for `bucket` against `limit` requests per window (0 or less: no limit). */
  hit(bucketKey: string, limit: number): RateDecision {
    if (limit <= 0) return { allowed: true, limit, remaining: Number.POSITIVE_INFINITY, retryAfterSeconds: 0 };
    const now = this.now();
    this.sweep(now);
    const windowStart = now - (now % this.windowMs);
    const bucket = this.roll(this.buckets.get(bucketKey), windowStart);
    const elapsed = now - windowStart;
    const weight = (this.windowMs - elapsed) / this.windowMs;
    const estimate = bucket.previous * weight + bucket.current;
    if (estimate + 1 > limit) {
      this.buckets.set(bucketKey, bucket);
      return { allowed: false, limit, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(this.waitMs(bucket, elapsed, limit) / 1000)) };
    }
    bucket.current += 1;
    this.buckets.set(bucketKey, bucket);
    return { allowed: true, limit, remaining: Math.max(0, Math.floor(limit - estimate - 1)), retryAfterSeconds: 0 };
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
   * How long until one more request fits. Within this window the previous window's weight keeps falling, which
   * suffices when the current window alone still has room; otherwise the current count becomes the previous one at
   * the next window and has to fade enough.
   */
  private waitMs(bucket: Bucket, elapsed: number, limit: number): number {
    const left = this.windowMs - elapsed;
    if (bucket.current + 1 <= limit && bucket.previous > 0) {
      // previous * (left - t) / window + current + 1 <= limit
      return Math.max(0, left - ((limit - bucket.current - 1) * this.windowMs) / bucket.previous);
    }
    // At the next window: current * (window - t) / window + 1 <= limit
    return left + Math.max(0, this.windowMs * (1 - (limit - 1) / bucket.current));
  }

  /** Drops buckets idle for two windows, at most once per window, so memory follows the active callers. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    const stale = now - (now % this.windowMs) - this.windowMs;
    for (const [key, bucket] of this.buckets) if (bucket.windowStart < stale) this.buckets.delete(key);
  }
}
