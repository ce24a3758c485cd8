import { RegistryError, type Violation } from '@registry/core';
import type { ClusterCode, PassportStatus } from '@registry/prisma-client';
import { readInventoryFilter, type SearchReference } from './search-criteria';

export interface ReleaseForecastFilter {
  element?: string | null;
  criticalList?: string | null;
  corop?: string | null;
  fromYear: number;
  toYear: number;
  cluster?: ClusterCode | null;
  status?: PassportStatus | null;
}

export interface ReleaseForecastCriteria {
  elements: string[];
  corop: string | null;
  fromYear: number;
  toYear: number;
  cluster: ClusterCode | null;
  status: PassportStatus;
}

const COROP = /^CR(0[1-9]|[1-3][0-9]|40)$/;
export const MIN_FORECAST_YEAR = 1900;
export const MAX_FORECAST_YEAR = 2300;
/** Years in one forecast: the answer has at most this many rows per element. */
export const MAX_FORECAST_YEARS = 100;

/** Checks the forecast's arguments, every problem at once, each naming its argument. */
export function readReleaseForecastFilter(filter: ReleaseForecastFilter, reference: SearchReference): ReleaseForecastCriteria {
  const violations: Violation[] = [];
  const corop = filter.corop?.trim() || null;
  if (corop && !COROP.test(corop)) violations.push({ path: 'corop', message: 'must be a COROP region code, CR01 to CR40', keyword: 'pattern' });
  const badYears = (['fromYear', 'toYear'] as const).filter((path) => {
    const year = filter[path];
    return !Number.isInteger(year) || year < MIN_FORECAST_YEAR || year > MAX_FORECAST_YEAR;
  });
  for (const path of badYears) violations.push({ path, message: `must be a year from ${MIN_FORECAST_YEAR} to ${MAX_FORECAST_YEAR}`, keyword: 'range' });
  if (badYears.length === 0 && filter.toYear < filter.fromYear) {
    violations.push({ path: 'toYear', message: 'must not be before fromYear', keyword: 'minimum' });
  } else if (badYears.length === 0 && filter.toYear - filter.fromYear + 1 > MAX_FORECAST_YEARS) {
    violations.push({ path: 'toYear', message: `must be at most ${MAX_FORECAST_YEARS} years after fromYear`, keyword: 'maximum' });
  }
  let elements: string[] = [];
  try {
    const element = filter.element?.trim();
    elements = readInventoryFilter({ elements: element ? [element] : null, criticalList: filter.criticalList }, reference).elements;
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    const named = ((error.extensions.violations as Violation[] | undefined) ?? []).map((violation) => ({
      ...violation,
      path: violation.path.startsWith('elements') ? 'element' : violation.path,
    }));
    violations.push(...named);
  }
  if (violations.length > 0) throw RegistryError.invalid('The release forecast arguments are invalid', violations);
  return { elements, corop, fromYear: filter.fromYear, toYear: filter.toYear, cluster: filter.cluster ?? null, status: filter.status ?? 'PUBLISHED' };
}
