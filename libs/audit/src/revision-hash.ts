import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/**
 * What a revision's contentHash covers: its content (the composition document) and the metadata that give it
 * meaning. `previousHash` links each revision to the one before it, so a passport's history is a hash chain:
 * changing any stored revision changes its hash and breaks every link after it.
 */
export interface RevisionContent {
  passportId: string;
  revision: number;
  previousHash: string | null;
  manufacturerId: string;
  cluster: string;
  granularity: string;
  gtin: string;
  serialNumber: string | null;
  batchNumber: string | null;
  productName: string;
  status: string;
  totalMassKg: number;
  composition: unknown;
  /** ISO 8601 time the revision was created, in UTC with milliseconds. */
  createdAt: string;
}

/** RFC 8785 (JSON Canonicalization Scheme) text of a value: the same bytes for the same data, whatever the key order. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised to JSON');
  return text;
}

/** contentHash of a revision: lowercase hex SHA-256 of its canonical JSON. */
export function hashRevision(content: RevisionContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
