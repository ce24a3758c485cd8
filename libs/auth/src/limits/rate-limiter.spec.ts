import { SlidingWindowRateLimiter } from './rate-limiter';

const MINUTE = 60_000;

function limiterAt(start: number) {
  const clock = { now: start };
  return { clock, limiter: new SlidingWindowRateLimiter(MINUTE, () => clock.now) };
}

describe('SlidingWindowRateLimiter', () => {
  it('allows up to the limit in a window, counts down what remains, then refuses', () => {
    const { limiter } = limiterAt(10 * MINUTE);
    const remaining = [1, 2, 3].map(() => limiter.hit('key:a', 3).remaining);
    expect(remaining).toEqual([2, 1, 0]);
    expect(limiter.hit('key:a', 3)).toMatchObject({ allowed: false, remaining: 0, limit: 3 });
  });

  it('keeps buckets apart', () => {
    const { limiter } = limiterAt(10 * MINUTE);
    limiter.hit('key:a', 1);
    expect(limiter.hit('key:a', 1).allowed).toBe(false);
    expect(limiter.hit('key:b', 1).allowed).toBe(true);
  });

  it('tells a caller refused in a full window to come back at the next one, and then lets it in', () => {
    const { clock, limiter } = limiterAt(10 * MINUTE + 45_000);
    // Nothing in the previous window: the current window holds all 2, so room comes back when the window turns
    // and then fades in as the previous window's weight falls.
    limiter.hit('k', 2);
    limiter.hit('k', 2);
    const refused = limiter.hit('k', 2);
    expect(refused.allowed).toBe(false);
    // 15 s left in this window, then 2 * (60 - t) / 60 + 1 <= 2 needs t >= 30 s.
    expect(refused.retryAfterSeconds).toBe(45);
    clock.now += 44_000;
    expect(limiter.hit('k', 2).allowed).toBe(false);
    clock.now += 1_000;
    expect(limiter.hit('k', 2).allowed).toBe(true);
  });

  it('weighs the previous window, so bursts at a window edge do not double the rate', () => {
    const { clock, limiter } = limiterAt(10 * MINUTE + 59_000);
    for (let i = 0; i < 10; i++) expect(limiter.hit('k', 10).allowed).toBe(true);
    clock.now += 2_000; // 1 s into the next window: the previous 10 still weigh 59/60
    const refused = limiter.hit('k', 10);
    expect(refused.allowed).toBe(false);
    // 10 * (59 - t) / 60 + 0 + 1 <= 10 needs t >= 5 s.
    expect(refused.retryAfterSeconds).toBe(5);
    clock.now += 5_000;
    expect(limiter.hit('k', 10).allowed).toBe(true);
  });

  it('does not count refused requests', () => {
    const { clock, limiter } = limiterAt(10 * MINUTE);
    limiter.hit('k', 1);
    for (let i = 0; i < 50; i++) limiter.hit('k', 1);
    clock.now += 2 * MINUTE;
    expect(limiter.hit('k', 1).allowed).toBe(true);
  });

  it('charges an amount (an operation cost), refuses what does not fit, and never fits an amount over the limit', () => {
    const { clock, limiter } = limiterAt(10 * MINUTE);
    expect(limiter.hit('k', 1000, 600)).toMatchObject({ allowed: true, remaining: 400, resetSeconds: 120 });
    const refused = limiter.hit('k', 1000, 500);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    // At the next window: 600 * (60 - t) / 60 + 500 <= 1000 needs t >= 10 s, 60 s from now.
    expect(refused.retryAfterSeconds).toBe(70);
    expect(limiter.hit('k', 1000, 400).allowed).toBe(true);
    expect(limiter.hit('other', 1000, 1001)).toMatchObject({ allowed: false, retryAfterSeconds: 0 });
    clock.now += 70_000;
    expect(limiter.hit('k', 1000, 500).allowed).toBe(false);
  });

  it('treats a limit of 0 as no limit', () => {
    const { limiter } = limiterAt(0);
    for (let i = 0; i < 1000; i++) expect(limiter.hit('k', 0).allowed).toBe(true);
    expect(limiter.size).toBe(0);
  });

  it('forgets idle callers', () => {
    const { clock, limiter } = limiterAt(10 * MINUTE);
    for (let i = 0; i < 100; i++) limiter.hit(`ip:${i}`, 5);
    expect(limiter.size).toBe(100);
    clock.now += 3 * MINUTE;
    limiter.hit('ip:new', 5);
    expect(limiter.size).toBe(1);
  });
});
