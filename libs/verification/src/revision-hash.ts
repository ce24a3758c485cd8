import { canonicalHash } from './canonical-json';

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

/** The fields a revision's contentHash covers, listed once (the Record type makes TypeScript check the list is complete). */
const REVISION_CONTENT_FIELDS = Object.keys({
  passportId: true,
  revision: true,
  previousHash: true,
  manufacturerId: true,
  cluster: true,
  granularity: true,
  gtin: true,
  serialNumber: true,
  batchNumber: true,
  productName: true,
  status: true,
  totalMassKg: true,
  composition: true,
  createdAt: true,
} satisfies Record<keyof RevisionContent, true>) as (keyof RevisionContent)[];

/** Only the fields RevisionContent names, whatever else a stored or exported revision carries. */
export function revisionContent(revision: RevisionContent): RevisionContent {
  return Object.fromEntries(REVISION_CONTENT_FIELDS.map((field) => [field, revision[field]])) as unknown as RevisionContent;
}

/** contentHash of a revision: lowercase hex SHA-256 of its canonical JSON. */
export function hashRevision(content: RevisionContent): string {
  return canonicalHash(content);
}
