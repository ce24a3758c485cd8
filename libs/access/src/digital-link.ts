import type { Granularity } from '@registry/prisma-client';

/** The identity of a passport as a GS1 Digital Link names it. */
export interface DigitalLinkIdentity {
  granularity: Granularity;
  /** 14 digits, as stored. */
  gtin: string;
  serialNumber: string | null;
  batchNumber: string | null;
}

/**
 * The GS1 Digital Link path of a passport (GS1 Digital Link standard 1.2, uncompressed form): `/01/{gtin}` for a
 * MODEL, `/01/{gtin}/10/{batch}` for a BATCH, `/01/{gtin}/21/{serial}` for an ITEM. The GTIN is written with 14
 * digits (the canonical form); batch and serial are percent-encoded, as their character set includes `/`, `%`, `?`.
 */
export function digitalLinkPath(identity: DigitalLinkIdentity): string {
  const base = `/01/${identity.gtin}`;
  if (identity.granularity === 'ITEM' && identity.serialNumber) return `${base}/21/${encodeURIComponent(identity.serialNumber)}`;
  if (identity.granularity === 'BATCH' && identity.batchNumber) return `${base}/10/${encodeURIComponent(identity.batchNumber)}`;
  return base;
}

/** The full Digital Link URI of a passport on `baseUrl` (an origin, optionally with a path, without a trailing slash). */
export function digitalLinkUrl(baseUrl: string, identity: DigitalLinkIdentity): string {
  return `${baseUrl}${digitalLinkPath(identity)}`;
}
