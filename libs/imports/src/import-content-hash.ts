import { canonicalJson } from '@registry/verification';
import { createHash } from 'node:crypto';

/** What an import writes of a passport: the same content gives the same hash, whatever the key order. */
export interface ImportedContent {
  cluster: string;
  granularity: string;
  gtin: string;
  serialNumber: string;
  batchNumber: string;
  productName: string;
  composition: unknown;
}

/**
 * Hex SHA-256 of the RFC 8785 canonical JSON of a passport's importable content. An UPSERT row whose hash equals
 * the current revision's is UNCHANGED. Unlike a revision's contentHash it leaves out what a registry assigns (ids,
 * manufacturer id, times, revision numbers), so it is equal across registries: a restored backup can be compared.
 */
export function importContentHash(content: ImportedContent): string {
  const { cluster, granularity, gtin, serialNumber, batchNumber, productName, composition } = content;
  return createHash('sha256').update(canonicalJson({ cluster, granularity, gtin, serialNumber, batchNumber, productName, composition }), 'utf8').digest('hex');
}
