import type { ExportedLifecycleEvent } from './lifecycle-event-hash';

/** One revision as exported: everything needed to recompute its contentHash and check its signature offline. */
export interface ExportedRevision {
  revision: number;
  status: string;
  productName: string;
  totalMassKg: number;
  composition: unknown;
  /** ISO 8601, UTC, milliseconds (the form the contentHash covers). */
  createdAt: string;
  contentHash: string | null;
  previousHash: string | null;
  /** Registry signature (compact JWS) of a published revision. */
  signature: string | null;
  signingKeyId: string | null;
}

/** One line of passports.ndjson: a passport's identity and its whole history, oldest revision first. */
export interface PassportExportLine {
  /** 1, 2, 3, ... in the file: a removed or reordered line shows as a gap. */
  sequence: number;
  id: string;
  gtin: string;
  serialNumber: string | null;
  batchNumber: string | null;
  granularity: string;
  cluster: string;
  manufacturer: { id: string; name: string };
  status: string;
  productName: string;
  createdAt: string;
  updatedAt: string;
  revisions: ExportedRevision[];
  /** Lifecycle events recorded up to the export's asOf, oldest first, each hash-chained and signed (absent in older exports). */
  lifecycleEvents?: ExportedLifecycleEvent[];
}

/** The last line of passports.ndjson, and the body of materials.csv.manifest.json. */
export interface ExportManifest {
  /** Which export it describes: "passports.ndjson" or "materials.csv". */
  export: string;
  /** Passport lines (NDJSON) or material rows without the header (CSV). */
  count: number;
  /** Hex SHA-256 of every byte of the export before the manifest (the whole file for CSV). */
  sha256: string;
  generatedAt: string;
  asOf: string;
  filters: Record<string, string>;
  issuer: string;
  jwksUri: string;
  /** Compact JWS by the registry over the RFC 8785 canonical JSON of this object without `signature` and `signingKeyId`. */
  signature: string;
  signingKeyId: string;
}

/** The NDJSON manifest line wraps the manifest so that it cannot be mistaken for a passport. */
export interface ManifestLine {
  manifest: ExportManifest;
}

/** Columns of materials.csv, in order. */
export const MATERIAL_COLUMNS = [
  'passportId',
  'revision',
  'gtin',
  'serialNumber',
  'batchNumber',
  'cluster',
  'status',
  'manufacturerId',
  'componentPath',
  'componentName',
  'materialName',
  /** The element the document declares for the material (`element`). */
  'declaredElement',
  'casNumber',
  'massKg',
  'massKgPerProduct',
  'recycledContentPct',
  /** One row per material and element: the element, its share of the material's mass, its mass per product, where the share comes from. */
  'element',
  'massFraction',
  'elementMassKgPerProduct',
  'source',
  /** Ids of the lists that flag the row's element for this material (matched by form, see docs/chemistry.md). */
  'criticalLists',
] as const;
