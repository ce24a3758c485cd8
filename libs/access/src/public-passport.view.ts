import type { PublicSections } from '@registry/passports';
import type { ClusterCode, Granularity, PassportStatus } from '@registry/prisma-client';

/** A critical raw material present in the product: which one and whether above the threshold, never its mass. */
export interface PublicCriticalMaterial {
  element: string;
  elementName: string;
  aboveReportingThreshold: boolean;
  /** The list materials that flag the element; `form` the form an entry names (null: any form), `match` FORM or ELEMENT. */
  lists: { listId: string; listVersion: string; materialName: string; form: string | null; match: 'FORM' | 'ELEMENT' }[];
}

/** The circularity indicator of a passport, once it has been calculated. */
export interface PublicCircularity {
  /** Material Circularity Indicator (Ellen MacArthur Foundation), 0 (linear) to 1 (circular). */
  materialCircularityIndicator: number;
}

/**
 * What anyone may know of a passport (the PUBLIC tier): what the resolver answers and the public page shows. It has
 * no masses, concentrations or dismantling information by construction: those are LEGITIMATE_INTEREST.
 */
export interface PublicPassportView {
  /** The GS1 Digital Link URI of the passport (what its QR code encodes). */
  digitalLink: string;
  passportId: string;
  productName: string;
  granularity: Granularity;
  gtin: string;
  serialNumber: string | null;
  batchNumber: string | null;
  status: PassportStatus;
  revision: number;
  updatedAt: string;
  cluster: { code: ClusterCode; name: string };
  manufacturer: { id: string; name: string };
  criticalMaterials: PublicCriticalMaterial[];
  recycledContent: {
    recycledContentPct: number | null;
    declaredShareOfMass: number;
    recycledShareOfMass: number;
  };
  /** Null until the passport's circularity has been calculated. */
  circularity: PublicCircularity | null;
  /** Carbon footprint, water and energy use (composition 1.2); null when none is declared. */
  environmentalImpact: PublicSections['environmentalImpact'];
  /** Substances of concern: names, identifiers, locations and candidate list flags, never their concentrations. */
  substancesOfConcern: PublicSections['substancesOfConcern'];
  /** The battery passport's Annex XIII point 1 data of a BATTERY passport; null for other clusters. */
  battery: PublicSections['battery'];
  links: { qrSvg: string; qrPng: string };
}
