import type { Violation } from '@registry/core';
import type { RegisterPassport } from '@registry/passports';
import { ClusterCode, Granularity } from '@registry/prisma-client';

/**
 * Reads one row of an import into a registerPassport input, checking the shape GraphQL checks for
 * RegisterPassportInput (files bypass it). Violations are JSON pointers into the row, whose passport is under
 * `/passport`. A line of the passports.ndjson export is accepted as it is: see fromExportLine.
 */
export function readImportRow(value: unknown): { input: RegisterPassport; violations: [] } | { input: null; violations: Violation[] } {
  if (!isObject(value))
    return { input: null, violations: [{ path: '/passport', message: 'must be a JSON object (a RegisterPassportInput)', keyword: 'type' }] };
  const row = isExportLine(value) ? fromExportLine(value) : value;
  const violations: Violation[] = [];
  const text = (name: string, required: boolean): string | null => {
    const field = row[name];
    if (field === undefined || field === null) {
      if (required) violations.push({ path: `/passport/${name}`, message: 'is required', keyword: 'required' });
      return null;
    }
    if (typeof field !== 'string') violations.push({ path: `/passport/${name}`, message: 'must be a string', keyword: 'type' });
    return typeof field === 'string' ? field : null;
  };
  const productName = text('productName', true);
  const gtin = text('gtin', true);
  const serialNumber = text('serialNumber', false);
  const batchNumber = text('batchNumber', false);
  const cluster = text('cluster', true);
  if (cluster !== null && !Object.hasOwn(ClusterCode, cluster)) {
    violations.push({ path: '/passport/cluster', message: `must be one of ${Object.keys(ClusterCode).join(', ')}`, keyword: 'enum' });
  }
  const granularity = text('granularity', true);
  if (granularity !== null && !Object.hasOwn(Granularity, granularity)) {
    violations.push({ path: '/passport/granularity', message: `must be one of ${Object.keys(Granularity).join(', ')}`, keyword: 'enum' });
  }
  if (!isObject(row.composition))
    violations.push({ path: '/passport/composition', message: 'must be a JSON object (the composition document)', keyword: 'type' });
  if (row.publish !== undefined && row.publish !== null && typeof row.publish !== 'boolean') {
    violations.push({ path: '/passport/publish', message: 'must be true or false', keyword: 'type' });
  }
  for (const name of Object.keys(row)) {
    if (!INPUT_FIELDS.has(name))
      violations.push({ path: `/passport/${escapePointer(name)}`, message: `is not a field of RegisterPassportInput`, keyword: 'additionalProperties' });
  }
  if (violations.length > 0) return { input: null, violations };
  return {
    input: {
      productName: productName!,
      cluster: cluster as ClusterCode,
      granularity: granularity as Granularity,
      gtin: gtin!,
      serialNumber,
      batchNumber,
      composition: row.composition as Record<string, unknown>,
      publish: row.publish === true,
    },
    violations: [],
  };
}

const INPUT_FIELDS = new Set(['productName', 'cluster', 'granularity', 'gtin', 'serialNumber', 'batchNumber', 'composition', 'publish']);

/** A line of passports.ndjson: a passport with its identity and `revisions` (oldest first). */
function isExportLine(value: Record<string, unknown>): boolean {
  return Array.isArray(value.revisions) && 'manufacturer' in value;
}

/**
 * The registration a passports.ndjson line restores: its identity and its current (last) revision's product name
 * and composition, published unless it is a DRAFT. Earlier revisions, ids, times and signatures are not restored
 * (the registry writes a new first revision, hashed and signed by itself); an ARCHIVED passport comes back PUBLISHED.
 */
export function fromExportLine(line: Record<string, unknown>): Record<string, unknown> {
  const revisions = line.revisions as Record<string, unknown>[];
  const current = revisions.at(-1) ?? {};
  return {
    productName: current.productName ?? line.productName,
    cluster: line.cluster,
    granularity: line.granularity,
    gtin: line.gtin,
    serialNumber: line.serialNumber,
    batchNumber: line.batchNumber,
    composition: current.composition,
    publish: line.status !== 'DRAFT',
  };
}

/** Where a violation of PassportService.prepareRegistration points within an import row. */
export function rowPointer(path: string): string {
  // Composition violations are pointers into the document; the others name an input field.
  return path.startsWith('/') ? `/passport/composition${path}` : `/passport/${escapePointer(path)}`;
}

function escapePointer(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
