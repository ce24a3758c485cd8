import { ELEMENT_MASS_METHOD } from '@registry/chemistry';
import { type CompositionDocument, flattenComposition } from '@registry/composition';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
/** The UNTP digital product passport vocabulary whose shape the credential follows (credentialSubject is the product). */
export const UNTP_DPP_CONTEXT = 'https://test.uncefact.org/vocabulary/untp/dpp/0.5.0/';
/** `typ` of the credential's JWS, as VC-JOSE-COSE names a JWT-secured credential. */
export const CREDENTIAL_SIGNATURE_TYPE = 'vc+jwt';

/** What a credential is built from: one revision of a passport. */
export interface CredentialSource {
  issuer: string;
  passport: {
    id: string;
    gtin: string;
    serialNumber: string | null;
    batchNumber: string | null;
    granularity: string;
    cluster: string;
    status: string;
    manufacturerId: string;
    manufacturerName: string;
  };
  revision: {
    revision: number;
    productName: string;
    totalMassKg: number;
    composition: unknown;
    circularity: unknown;
    createdAt: string;
    contentHash: string | null;
    previousHash: string | null;
    signature: string | null;
    signingKeyId: string | null;
  };
  /** When the revision stopped being the current one (the next revision, or archival); null while it is current. */
  supersededAt: string | null;
}

interface Measure {
  value: number;
  unit: 'KGM';
}

export interface MaterialProvenance {
  type: ['Material'];
  name: string;
  materialType?: { type: ['Classification']; code: string; name: string; schemeID: string; schemeName: string };
  massAmount: Measure;
  massFraction?: number;
  recycledAmount?: number;
  hazardous: boolean;
  /** The material's element masses in one product (docs/chemistry.md), with the method they were computed with. */
  elementShares?: { element: string; massFraction: number; massAmount: Measure; source: string; methodVersion: string }[];
}

export interface CircularityScorecard {
  type: ['CircularityPerformance'];
  recycledContent?: number;
  materialCircularityIndicator?: number;
  utilityFactor?: number;
}

/** UNTP EmissionsPerformance: the product's declared carbon footprint (composition 1.2). */
export interface EmissionsScorecard {
  type: ['EmissionsPerformance'];
  /** kg CO2e per declared unit. */
  carbonFootprint: number;
  /** UN/CEFACT Recommendation 20 code of the declared unit: H87 (piece), KWH, KGM. */
  declaredUnit: 'H87' | 'KWH' | 'KGM';
  /** CradleToGate when only product and construction stages (A) are covered; CradleToGrave when use or end of life is. */
  operationalScope?: 'CradleToGate' | 'CradleToGrave';
  /** Share (0 to 1) of the footprint from primary data. */
  primarySourcedRatio?: number;
  /** The calculation standard, e.g. ISO 14067. */
  reportingStandard?: string;
  /** The footprint of one product unit in kg CO2e, when it converts (see Passport.environmentalImpact). */
  carbonFootprintPerProduct?: number;
}

export interface ProductPassportCredential {
  '@context': string[];
  type: ['VerifiableCredential', 'DigitalProductPassport'];
  id: string;
  issuer: { type: ['CredentialIssuer']; id: string; name: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: Record<string, unknown> & {
    id: string;
    materialsProvenance: MaterialProvenance[];
    circularityScorecard?: CircularityScorecard;
    emissionsScorecard?: EmissionsScorecard;
  };
}

/** GS1 Digital Link URI of a product: /01/{GTIN} then /21/{serial} for an item or /10/{batch} for a batch. */
export function gs1DigitalLink(gtin: string, serialNumber: string | null, batchNumber: string | null): string {
  const base = `https://id.gs1.org/01/${gtin}`;
  if (serialNumber) return `${base}/21/${encodeURIComponent(serialNumber)}`;
  if (batchNumber) return `${base}/10/${encodeURIComponent(batchNumber)}`;
  return base;
}

/** Six significant digits: fractions computed from masses, without float noise such as 0.7899999999999999. */
const significant = (value: number) => Number(value.toPrecision(6));

/**
 * One passport revision as a UNTP-style digital product passport: a W3C Verifiable Credential (data model 2.0)
 * whose subject is the product, identified by its GS1 Digital Link URI. Fractions are decimals from 0 to 1.
 */
export function buildCredential(source: CredentialSource): ProductPassportCredential {
  const { passport, revision, issuer } = source;
  const flattened = flattenComposition(revision.composition as CompositionDocument);
  const totalMassKg = revision.totalMassKg;
  const materials = flattened.components.flatMap((component) => component.materials);

  const materialsProvenance = materials.map((material): MaterialProvenance => {
    const entry: MaterialProvenance = {
      type: ['Material'],
      name: material.name,
      massAmount: { value: material.massKgPerProduct, unit: 'KGM' },
      hazardous: material.details?.hazardous !== undefined,
    };
    if (material.casNumber) {
      entry.materialType = {
        type: ['Classification'],
        code: material.casNumber,
        name: material.name,
        schemeID: 'https://commonchemistry.cas.org/',
        schemeName: 'CAS Registry Number',
      };
    }
    if (totalMassKg > 0) entry.massFraction = significant(material.massKgPerProduct / totalMassKg);
    if (material.recycledContentPct !== null) entry.recycledAmount = significant(material.recycledContentPct / 100);
    if (material.elementShares.length > 0) {
      entry.elementShares = material.elementShares.map((share) => ({
        element: share.element,
        massFraction: significant(share.massFraction),
        massAmount: { value: share.massKgPerProduct, unit: 'KGM' },
        source: share.source,
        methodVersion: ELEMENT_MASS_METHOD,
      }));
    }
    return entry;
  });

  const scorecard: CircularityScorecard = { type: ['CircularityPerformance'] };
  // Recycled content where the composition declares it; materials that declare none count as virgin.
  const materialMass = materials.reduce((sum, m) => sum + m.massKgPerProduct, 0);
  if (materials.some((m) => m.recycledContentPct !== null) && materialMass > 0) {
    const recycled = materials.reduce((sum, m) => sum + m.massKgPerProduct * ((m.recycledContentPct ?? 0) / 100), 0);
    scorecard.recycledContent = significant(recycled / materialMass);
  }
  const circularity = (revision.circularity ?? {}) as Record<string, unknown>;
  if (typeof circularity.mci === 'number') scorecard.materialCircularityIndicator = circularity.mci;
  if (typeof circularity.utility === 'number') scorecard.utilityFactor = circularity.utility;

  const emissions = emissionsScorecardOf(revision.composition as CompositionDocument, flattened.carbonFootprintKgCO2ePerProduct);
  const productId = gs1DigitalLink(passport.gtin, passport.serialNumber, passport.batchNumber);
  const credential: ProductPassportCredential = {
    '@context': [VC_CONTEXT, UNTP_DPP_CONTEXT],
    type: ['VerifiableCredential', 'DigitalProductPassport'],
    id: `${issuer}/passports/${passport.id}/credential?revision=${revision.revision}`,
    issuer: { type: ['CredentialIssuer'], id: issuer, name: 'Circular material passport registry' },
    validFrom: revision.createdAt,
    credentialSubject: {
      type: ['Product'],
      id: productId,
      name: revision.productName,
      registeredId: passport.gtin,
      idScheme: { type: ['IdentifierScheme'], id: 'https://id.gs1.org/01/', name: 'Global Trade Item Number (GTIN)' },
      ...(passport.serialNumber ? { serialNumber: passport.serialNumber } : {}),
      ...(passport.batchNumber ? { batchNumber: passport.batchNumber } : {}),
      granularityLevel: passport.granularity.toLowerCase(),
      productCategory: [{ type: ['Classification'], code: passport.cluster, schemeName: 'Product clusters of the Dutch circular manufacturing programme' }],
      producedByParty: { type: ['Party'], id: `urn:uuid:${passport.manufacturerId}`, name: passport.manufacturerName },
      dimensions: { weight: { value: totalMassKg, unit: 'KGM' } },
      materialsProvenance,
      ...(Object.keys(scorecard).length > 1 ? { circularityScorecard: scorecard } : {}),
      ...(emissions ? { emissionsScorecard: emissions } : {}),
      // The registry record the credential was made from: the revision's place in the passport's hash chain.
      passportRecord: {
        id: `urn:uuid:${passport.id}`,
        status: passport.status,
        revision: revision.revision,
        contentHash: revision.contentHash,
        previousHash: revision.previousHash,
        revisionSignature: revision.signature,
        signingKeyId: revision.signingKeyId,
      },
    },
  };
  if (source.supersededAt) credential.validUntil = source.supersededAt;
  return credential;
}

const UNIT_CODES = { PRODUCT: 'H87', KWH: 'KWH', KG: 'KGM' } as const;

/** The UNTP emissions scorecard of a document that declares the product's carbon footprint; undefined otherwise. */
function emissionsScorecardOf(document: CompositionDocument, perProduct: number | null): EmissionsScorecard | undefined {
  const footprint = document.environmentalImpact?.carbonFootprint;
  if (!footprint) return undefined;
  const scorecard: EmissionsScorecard = { type: ['EmissionsPerformance'], carbonFootprint: footprint.kgCO2e, declaredUnit: UNIT_CODES[footprint.declaredUnit] };
  const stages = footprint.lifecycleStages ?? [];
  if (stages.length > 0) scorecard.operationalScope = stages.some((stage) => /^[BCD]/.test(stage)) ? 'CradleToGrave' : 'CradleToGate';
  if (footprint.primaryDataSharePct !== undefined) scorecard.primarySourcedRatio = significant(footprint.primaryDataSharePct / 100);
  if (footprint.method) scorecard.reportingStandard = footprint.method;
  if (perProduct !== null) scorecard.carbonFootprintPerProduct = significant(perProduct);
  return scorecard;
}
