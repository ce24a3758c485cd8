// The benchmark's bulk data path must store what the registry's write path stores, or the benchmark measures searches
// over rows the registry would not have: passports written by bulkRows are found by element through the API.
import { ELEMENT_MASS_METHOD_VERSION } from '@registry/chemistry';
import { type CompositionDocument, flattenComposition } from '@registry/composition';
import { PrismaService } from '@registry/core';
import { bulkRows, type BulkPassport } from '../../bench/bulk-writer';
import { TestApp, type TestOrganization } from '../support/test-app';

const SEARCH = `query($f: MaterialSearchInput!) { componentsContaining(filter: $f, first: 10) {
  edges { node { element elementMassKgPerProduct material { name elementShares { element source } criticalLists { listId } } } }
} }`;

/** LiFePO4 given only by its CAS number, as the generator's LFP cells are. */
const document = {
  schemaVersion: '1.1',
  components: [
    { key: 'cells', name: 'Cells', quantity: 1, massKg: 1.2, materials: [{ name: 'LFP cathode', casNumber: '15365-14-7', massKg: 1.2 }], components: [] },
  ],
};

describe('bench bulk writer', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let recycler: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
    recycler = await t.organization('RECYCLER');
  });
  afterAll(() => t.close());

  it('writes element rows and totals with the current method, so that element searches find the passports', async () => {
    const passport: BulkPassport = {
      manufacturerId: maker.id,
      corop: 'CR17',
      cluster: 'BATTERY',
      granularity: 'ITEM',
      gtin: '08700000000013',
      serialNumber: 'S1',
      batchNumber: '',
      productName: 'Bench pack',
      status: 'PUBLISHED',
      unitCount: 1,
      createdAt: new Date(),
      document,
      flattened: flattenComposition(document as unknown as CompositionDocument),
    };
    const rows = bulkRows([passport]);
    expect(rows.counts).toMatchObject({ passports: 1, materials: 1, elements: 4 });
    const prisma = t.app.get(PrismaService);
    // One transaction, like writeChunk: the rows reference each other.
    await prisma.$transaction(async (tx) => {
      for (const statement of rows.statements) await tx.$executeRawUnsafe(statement.sql, ...statement.params);
    });

    const res = await t.gql(SEARCH, { f: { element: 'P', manufacturerId: maker.id } }, recycler.key);
    expect(res.errors).toBeUndefined();
    const [hit] = res.data.componentsContaining.edges.map((edge: { node: unknown }) => edge.node);
    // P is 30.974 / 157.755 of LiFePO4.
    expect(hit).toMatchObject({ element: 'P', material: { name: 'LFP cathode', criticalLists: expect.arrayContaining([{ listId: 'NL-CMI-FOCUS' }]) } });
    expect(Math.abs(hit.elementMassKgPerProduct - (1.2 * 30.974) / 157.755)).toBeLessThan(1e-9);
    expect(hit.material.elementShares.map((share: { element: string; source: string }) => `${share.element}:${share.source}`).sort()).toEqual(
      ['Fe', 'Li', 'O', 'P'].map((element) => `${element}:REFERENCE_SUBSTANCE`),
    );
    const stored = await prisma.passport.findFirstOrThrow({ where: { gtin: passport.gtin } });
    expect(stored.elementMethodVersion).toBe(ELEMENT_MASS_METHOD_VERSION);
    const totals = await prisma.passportElementTotal.findMany({ where: { passportId: stored.id }, orderBy: { elementSymbol: 'asc' } });
    expect(totals.map((total) => total.elementSymbol)).toEqual(['Fe', 'Li', 'O', 'P']);
  });
});
