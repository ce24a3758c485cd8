/** One rate policy as it stands for this request, to tell the caller in RateLimit-* headers. */
export interface RatePolicyState {
  limit: number;
  remaining: number;
  resetSeconds: number;
  /** Its RateLimit-Policy item, e.g. `600;w=60` or `1000000;w=60;comment="cost"`. */
  policy: string;
}

/**
 * RateLimit-Limit, -Remaining and -Reset of the policy closest to being exhausted (the smallest share remaining),
 * and RateLimit-Policy listing every policy, as the IETF RateLimit header fields draft asks when several apply.
 */
export function rateLimitHeaders(states: RatePolicyState[]): Record<string, string> {
  if (states.length === 0) return {};
  const closest = states.reduce((a, b) => (b.remaining / b.limit < a.remaining / a.limit ? b : a));
  return {
    'RateLimit-Limit': String(closest.limit),
    'RateLimit-Remaining': String(closest.remaining),
    'RateLimit-Reset': String(closest.resetSeconds),
    'RateLimit-Policy': states.map((state) => state.policy).join(', '),
  };
}
