import { canonicalJson } from '@registry/verification';
import { createHash } from 'node:crypto';

/** The HTTP header a client sends so that retrying a registerPassport request is safe. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** 1 to 200 printable ASCII characters (space to tilde), e.g. a UUID. */
export const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,200}$/;

/** How long a key answers with the passport it registered; after that it may be used again. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** An Idempotency-Key of one organization and the input it came with. */
export interface IdempotencyClaim {
  organizationId: string;
  key: string;
  /** SHA-256 (hex) of the canonical JSON of the mutation's input. */
  requestHash: string;
}

/** The fingerprint of a registerPassport input: the same bytes for the same input, whatever the key order. */
export function requestHashOf(input: {
  productName: string;
  cluster: string;
  granularity: string;
  gtin: string;
  serialNumber?: string | null;
  batchNumber?: string | null;
  composition: Record<string, unknown>;
  publish?: boolean;
}): string {
  const canonical = canonicalJson({
    productName: input.productName,
    cluster: input.cluster,
    granularity: input.granularity,
    gtin: input.gtin,
    serialNumber: input.serialNumber ?? null,
    batchNumber: input.batchNumber ?? null,
    composition: input.composition,
    publish: input.publish ?? false,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
