import { ELEMENT_MASS_METHOD } from '@registry/chemistry';
import { buildCredential, type CredentialSource, gs1DigitalLink } from './credential.builder';

const source = (composition: unknown, overrides: Partial<CredentialSource['revision']> = {}): CredentialSource => ({
  issuer: 'https://registry.example.org',
  passport: {
    id: '0a6f7b3c-1d2e-4f50-8a9b-0c1d2e3f4a5b',
    gtin: '08712345000011',
    serialNumber: 'F-1',
    batchNumber: null,
    granularity: 'ITEM',
    cluster: 'HIGH_TECH_EQUIPMENT',
    status: 'PUBLISHED',
    manufacturerId: '1b7f8c4d-2e3f-4a51-9bac-1d2e3f4a5b6c',
    manufacturerName: 'Acme Lighting B.V.',
  },
  revision: {
    revision: 3,
    productName: 'Frame',
    totalMassKg: 3,
    composition,
    circularity: null,
    createdAt: '2026-05-01T10:00:00.000Z',
    contentHash: 'a'.repeat(64),
    previousHash: 'b'.repeat(64),
    signature: 'x.y.z',
    signingKeyId: 'k1',
    ...overrides,
  },
  supersededAt: null,
});

const frame = {
  schemaVersion: '1.0',
  components: [
    {
      key: 'frame',
      name: 'Frame',
      quantity: 2,
      massKg: 1.5,
      components: [],
      materials: [
        { name: 'Aluminium', element: 'Al', casNumber: '7429-90-5', massKg: 1, recycledContentPct: 40 },
        { name: 'Lead-free solder', element: 'Sn', massKg: 0.5, hazardous: { clpHazardClass: 'Repr. 1B' } },
      ],
    },
  ],
};

describe('the product passport credential', () => {
  it('identifies the product by GS1 Digital Link, serial before batch, bare GTIN for a model', () => {
    expect(gs1DigitalLink('08712345000011', 'F 1/2', null)).toBe('https://id.gs1.org/01/08712345000011/21/F%201%2F2');
    expect(gs1DigitalLink('08712345000011', null, 'B-7')).toBe('https://id.gs1.org/01/08712345000011/10/B-7');
    expect(gs1DigitalLink('08712345000011', null, null)).toBe('https://id.gs1.org/01/08712345000011');
  });

  it('lists each material with its mass in one product, its share, recycled share, hazard and element shares', () => {
    const credential = buildCredential(source(frame));
    expect(credential.credentialSubject.materialsProvenance).toEqual([
      {
        type: ['Material'],
        name: 'Aluminium',
        massAmount: { value: 2, unit: 'KGM' },
        massFraction: 0.666667,
        recycledAmount: 0.4,
        hazardous: false,
        materialType: {
          type: ['Classification'],
          code: '7429-90-5',
          name: 'Aluminium',
          schemeID: 'https://commonchemistry.cas.org/',
          schemeName: 'CAS Registry Number',
        },
        // The CAS number of pure aluminium: the reference substance says the whole mass is Al.
        elementShares: [
          { element: 'Al', massFraction: 1, massAmount: { value: 2, unit: 'KGM' }, source: 'REFERENCE_SUBSTANCE', methodVersion: ELEMENT_MASS_METHOD },
        ],
      },
      {
        type: ['Material'],
        name: 'Lead-free solder',
        massAmount: { value: 1, unit: 'KGM' },
        massFraction: 0.333333,
        hazardous: true,
        elementShares: [
          { element: 'Sn', massFraction: 1, massAmount: { value: 1, unit: 'KGM' }, source: 'DECLARED_ELEMENT', methodVersion: ELEMENT_MASS_METHOD },
        ],
      },
    ]);
    // 40 % of 2 kg recycled over 3 kg of material; undeclared counts as virgin.
    expect(credential.credentialSubject.circularityScorecard).toEqual({ type: ['CircularityPerformance'], recycledContent: 0.266667 });
    expect(credential.id).toBe('https://registry.example.org/passports/0a6f7b3c-1d2e-4f50-8a9b-0c1d2e3f4a5b/credential?revision=3');
    expect(credential.validFrom).toBe('2026-05-01T10:00:00.000Z');
  });

  it('has no scorecard without circularity data, and takes the MCI and utility of the revision when present', () => {
    const bare = structuredClone(frame);
    delete (bare.components[0].materials[0] as { recycledContentPct?: number }).recycledContentPct;
    expect(buildCredential(source(bare)).credentialSubject.circularityScorecard).toBeUndefined();
    const scored = buildCredential(source(bare, { circularity: { mci: 0.46, lfi: 0.6, utility: 1 } }));
    expect(scored.credentialSubject.circularityScorecard).toEqual({ type: ['CircularityPerformance'], materialCircularityIndicator: 0.46, utilityFactor: 1 });
  });

  it('carries a declared carbon footprint as the emissions scorecard (composition 1.2), and none without one', () => {
    expect(buildCredential(source(frame)).credentialSubject.emissionsScorecard).toBeUndefined();
    const declared = {
      ...frame,
      schemaVersion: '1.2',
      environmentalImpact: { carbonFootprint: { kgCO2e: 12, declaredUnit: 'PRODUCT', lifecycleStages: ['A1-A3', 'A4'] } },
    };
    expect(buildCredential(source(declared)).credentialSubject.emissionsScorecard).toEqual({
      type: ['EmissionsPerformance'],
      carbonFootprint: 12,
      declaredUnit: 'H87',
      operationalScope: 'CradleToGate',
      carbonFootprintPerProduct: 12,
    });
  });
});
