import { RegistryError, type Violation, isUuid } from '@registry/core';
import { ClusterCode, PassportStatus } from '@registry/prisma-client';

/** What an export covers. `asOf` bounds it in time, so that the same request gives the same bytes later on. */
export interface ExportFilter {
  cluster: ClusterCode | null;
  manufacturerId: string | null;
  status: PassportStatus | null;
  /** Passports changed (revised or moved to another status) at or after this time. */
  updatedSince: Date | null;
  /** Only passports and revisions created at or before this time. */
  asOf: Date;
}

/** The filters as they appear in a manifest and in query strings: only those given, dates in ISO 8601 UTC. */
export type FilterParams = Partial<Record<'cluster' | 'manufacturerId' | 'status' | 'updatedSince', string>>;

const PARAMETERS = ['cluster', 'manufacturerId', 'status', 'updatedSince', 'asOf'] as const;
/** A date, or a date and time with a zone (a time without one would be read differently by different parties). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Reads and validates the query parameters of an export. Every problem is reported at once, each naming its
 * parameter; unknown parameters are refused so that a typo does not silently export everything.
 */
export function parseExportFilter(query: Record<string, unknown>, now: Date = new Date()): ExportFilter {
  const violations: Violation[] = [];
  const text = (name: string): string | null => {
    const value = query[name];
    if (value === undefined || value === '') return null;
    if (typeof value !== 'string') {
      violations.push({ path: name, message: 'must be given once', keyword: 'type' });
      return null;
    }
    return value.trim();
  };

  for (const name of Object.keys(query)) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      violations.push({ path: name, message: `is not a parameter of exports; use ${PARAMETERS.join(', ')}`, keyword: 'unknown' });
    }
  }

  const cluster = text('cluster');
  if (cluster !== null && !Object.hasOwn(ClusterCode, cluster)) {
    violations.push({ path: 'cluster', message: `must be one of ${Object.keys(ClusterCode).join(', ')}`, keyword: 'enum' });
  }
  const status = text('status');
  if (status !== null && !Object.hasOwn(PassportStatus, status)) {
    violations.push({ path: 'status', message: `must be one of ${Object.keys(PassportStatus).join(', ')}`, keyword: 'enum' });
  }
  const manufacturerId = text('manufacturerId');
  if (manufacturerId !== null && !isUuid(manufacturerId)) {
    violations.push({ path: 'manufacturerId', message: 'must be an organization id (a UUID)', keyword: 'uuid' });
  }
  const updatedSince = isoDate('updatedSince', text('updatedSince'), violations);
  const asOf = isoDate('asOf', text('asOf'), violations);
  if (asOf && asOf.getTime() > now.getTime()) {
    violations.push({ path: 'asOf', message: 'must not be in the future: an export cannot cover data that does not exist yet', keyword: 'range' });
  }
  if (updatedSince && asOf && updatedSince > asOf) {
    violations.push({ path: 'updatedSince', message: 'must not be after asOf', keyword: 'range' });
  }

  if (violations.length > 0) {
    throw RegistryError.invalid(`Invalid export parameters: ${violations.map((v) => `${v.path} ${v.message}`).join('; ')}`, violations);
  }
  return {
    cluster: cluster as ClusterCode | null,
    manufacturerId: manufacturerId?.toLowerCase() ?? null,
    status: status as PassportStatus | null,
    updatedSince,
    asOf: asOf ?? now,
  };
}

function isoDate(name: string, value: string | null, violations: Violation[]): Date | null {
  if (value === null) return null;
  const date = ISO_DATE.test(value) && realDay(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    violations.push({
      path: name,
      message: `must be an ISO 8601 date (2026-01-31) or date-time with a zone (2026-01-31T12:00:00Z), got "${value}"`,
      keyword: 'format',
    });
    return null;
  }
  return date;
}

/** Whether the date part names a day of the calendar (Date would read 2026-02-30 as 2 March). */
function realDay(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** The filters that were given, as the manifest records them and as query strings repeat them. */
export function filterParams(filter: ExportFilter): FilterParams {
  const params: FilterParams = {};
  if (filter.cluster) params.cluster = filter.cluster;
  if (filter.manufacturerId) params.manufacturerId = filter.manufacturerId;
  if (filter.status) params.status = filter.status;
  if (filter.updatedSince) params.updatedSince = filter.updatedSince.toISOString();
  return params;
}
