const DAY_MS = 86_400_000;

/**
 * When a product is expected to reach its end of life: `from` (its installation, or its registration before any)
 * plus its lifetime: whole years on the calendar (2025-06-01 plus 6 years is 2031-06-01), then the fraction of a
 * year in days of 365.25, rounded to whole days; null without a lifetime. The migration lifecycle_events_and_links
 * computes the same in SQL for passports registered before.
 */
export function expectedEndOfLifeOf(from: Date, lifetimeYears: number | null): Date | null {
  if (lifetimeYears === null || !Number.isFinite(lifetimeYears)) return null;
  const whole = Math.trunc(lifetimeYears);
  const end = new Date(from.getTime());
  end.setUTCFullYear(end.getUTCFullYear() + whole);
  return new Date(end.getTime() + Math.round((lifetimeYears - whole) * 365.25) * DAY_MS);
}

/** The lifetime a composition document states (utility.lifetimeYears), or null. */
export function lifetimeYearsOf(composition: Record<string, unknown>): number | null {
  const utility = composition.utility as { lifetimeYears?: unknown } | undefined;
  return typeof utility?.lifetimeYears === 'number' ? utility.lifetimeYears : null;
}
