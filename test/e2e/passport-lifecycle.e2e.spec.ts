import { lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const READ = `query($id: ID!) { passport(id: $id) {
  id productName status revision gtin serialNumber totalMassKg
  composition
  components { key path depth parentKey quantity massKg unitsPerProduct materials { name element massKgPerProduct } }
  criticalMaterials { element massKg shareOfProductMass aboveReportingThreshold lists { listId } }
} }`;
const REVISE = 'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { id revision productName totalMassKg } }';
const PUBLISH = 'mutation($id: ID!) { publishPassport(passportId: $id) { status } }';
const ARCHIVE = 'mutation($id: ID!) { archivePassport(passportId: $id) { status } }';

describe('passport lifecycle over HTTP', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let otherMaker: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
    otherMaker = await t.organization('MANUFACTURER');
  });
  afterAll(() => t.close());

  it('registers, reads back, revises, refuses a stale revision, publishes and archives', async () => {
    const input = registerInput({}, maker);
    const registered = await t.gql(REGISTER, { i: input }, maker.key);
    expect(registered.errors).toBeUndefined();
    const passport = registered.data.registerPassport;
    expect(passport).toMatchObject({ status: 'DRAFT', revision: 1, gtin: `0${input.gtin}`, totalMassKg: 0.1, manufacturer: { id: maker.id } });

    const read = await t.gql(READ, { id: passport.id }, maker.key);
    expect(read.errors).toBeUndefined();
    expect(read.data.passport.composition).toEqual(lampComposition());
    expect(read.data.passport.components.map((c: any) => c.path)).toEqual(['/housing', '/board', '/board/driver']);
    expect(read.data.passport.components[2]).toMatchObject({ depth: 1, parentKey: 'board', unitsPerProduct: 4 });

    const changed = lampComposition();
    changed.components[0].materials[0].recycledContentPct = 80;
    const revised = await t.gql(
      REVISE,
      { i: { passportId: passport.id, expectedRevision: 1, composition: changed, productName: 'Bicycle lamp v2' } },
      maker.key,
    );
    expect(revised.errors).toBeUndefined();
    expect(revised.data.revisePassport).toMatchObject({ revision: 2, productName: 'Bicycle lamp v2' });

    const stale = await t.gql(REVISE, { i: { passportId: passport.id, expectedRevision: 1, productName: 'lost update' } }, maker.key);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedRevision: 1, currentRevision: 2 });
    const afterStale = await t.gql(READ, { id: passport.id }, maker.key);
    expect(afterStale.data.passport).toMatchObject({ revision: 2, productName: 'Bicycle lamp v2' });
    expect(afterStale.data.passport.composition.components[0].materials[0].recycledContentPct).toBe(80);

    expect((await t.gql(PUBLISH, { id: passport.id }, maker.key)).data.publishPassport.status).toBe('PUBLISHED');
    expect((await t.gql(PUBLISH, { id: passport.id }, maker.key)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await t.gql(ARCHIVE, { id: passport.id }, maker.key)).data.archivePassport.status).toBe('ARCHIVED');
    const archivedRevise = await t.gql(REVISE, { i: { passportId: passport.id, expectedRevision: 2, productName: 'x' } }, maker.key);
    expect(archivedRevise.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('archived') });
  });

  it('refuses a revision by another manufacturer and changes nothing', async () => {
    const { data } = await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
    const id = data.registerPassport.id;
    const foreign = await t.gql(REVISE, { i: { passportId: id, expectedRevision: 1, productName: 'hijacked' } }, otherMaker.key);
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(PUBLISH, { id }, otherMaker.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = await t.gql('query($id: ID!) { passport(id: $id) { productName revision } }', { id }, maker.key);
    expect(read.data.passport).toEqual({ productName: 'Bicycle lamp', revision: 1 });
  });

  it('hides drafts from everyone but their owner', async () => {
    const { data } = await t.gql(REGISTER, { i: registerInput({}, maker) }, maker.key);
    const id = data.registerPassport.id;
    const byOther = await t.gql('query($id: ID!) { passport(id: $id) { id } }', { id }, otherMaker.key);
    expect(byOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const anonymous = await t.gql('query($id: ID!) { passport(id: $id) { id } }', { id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('answers a duplicate identity with CONFLICT, giving the owner the id of the passport that exists', async () => {
    const input = registerInput({}, maker);
    const first = await t.gql(REGISTER, { i: input }, maker.key);
    expect(first.errors).toBeUndefined();
    const again = await t.gql(REGISTER, { i: input }, maker.key);
    expect(again.errors?.[0]).toMatchObject({
      message: `Your organization already has a passport for GTIN 0${input.gtin}, serial ${input.serialNumber}`,
      extensions: { code: 'CONFLICT', fields: ['gtin', 'serialNumber', 'batchNumber'], passportId: first.data.registerPassport.id },
    });
    // The GTIN is under the first maker's GS1 Company Prefix: another manufacturer cannot use the identity.
    expect((await t.gql(REGISTER, { i: input }, otherMaker.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('totals critical materials over nested components and quantities', async () => {
    const { data } = await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
    const read = await t.gql(READ, { id: data.registerPassport.id }, maker.key);
    const byElement = Object.fromEntries(read.data.passport.criticalMaterials.map((m: any) => [m.element, m]));
    // Sb: 2 boards x 0.0001 kg + 2 boards x 2 chips x 0.0001 kg = 0.0006 kg.
    expect(byElement.Sb.massKg).toBeCloseTo(0.0006, 12);
    expect(byElement.Sb.shareOfProductMass).toBeCloseTo(0.006, 12);
    expect(byElement.Sb.aboveReportingThreshold).toBe(true);
    expect(byElement.Sb.lists.map((l: any) => l.listId).sort()).toEqual(['EU-2020', 'EU-CRMA-2024-CRITICAL', 'NL-CMI-FOCUS']);
    // Si: 4 chips x 0.0004 kg.
    expect(byElement.Si.massKg).toBeCloseTo(0.0016, 12);
    expect(byElement.Al.massKg).toBeCloseTo(0.079, 12);
    expect(byElement.Mg.massKg).toBeCloseTo(0.001, 12);
    expect(byElement.Mg.aboveReportingThreshold).toBe(true);
    // Copper is critical under the CRMA 2024 but was not on the 2020 list.
    expect(byElement.Cu.lists.map((l: any) => l.listId).sort()).toEqual(['EU-CRMA-2024-CRITICAL', 'EU-CRMA-2024-STRATEGIC']);
  });

  it('answers the public fields of one passport as a list of passports does, fragments included, and hides drafts from others', async () => {
    const { data } = await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
    const { id, gtin } = data.registerPassport;
    const fields = `id productName gtin serialNumber status revision updatedAt cluster manufacturerId
      circularity { mci } manufacturer { id name kind createdAt } criticalMaterials { element aboveReportingThreshold lists { listId } }`;
    const one = await t.gql(`query($id: ID!) { passport(id: $id) { ${fields} } }`, { id });
    expect(one.errors).toBeUndefined();
    const listed = await t.gql(`query($g: String) { passports(filter: { gtin: $g }) { edges { node { ${fields} } } } }`, { g: gtin });
    expect(one.data.passport).toEqual(listed.data.passports.edges[0].node);
    const organization = await t.gql('query($id: ID!) { organization(id: $id) { id name kind createdAt } }', { id: maker.id });
    expect(one.data.passport.manufacturer).toEqual(organization.data.organization);
    expect(one.data.passport.circularity.mci).toBeGreaterThan(0);
    expect(one.data.passport.criticalMaterials.map((m: any) => m.element)).toEqual(['Al', 'Cu', 'Mg', 'Sb', 'Si']);

    // The same fields asked for through fragments; again once the query is compiled (from its second execution).
    for (let execution = 1; execution <= 3; execution++) {
      const fragments = await t.gql(
        `query($id: ID!) { passport(id: $id) { ...Public } }
         fragment Public on Passport { id ... on Passport { manufacturer { name } circularity { mci } } ...Critical }
         fragment Critical on Passport { criticalMaterials { element } }`,
        { id },
      );
      expect(fragments.data.passport).toEqual({
        id,
        manufacturer: { name: organization.data.organization.name },
        circularity: { mci: one.data.passport.circularity.mci },
        criticalMaterials: one.data.passport.criticalMaterials.map((m: any) => ({ element: m.element })),
      });
    }

    // A revision shows at once, its critical materials and figures included, although the revision before was just read.
    const withoutAntimony = lampComposition();
    withoutAntimony.components[1].materials[1] = { name: 'Copper pads', element: 'Cu', massKg: 0.0001 };
    withoutAntimony.components[1].components[0].materials[1] = { name: 'Copper pads', element: 'Cu', massKg: 0.0001 };
    withoutAntimony.components[0].materials[0].recycledContentPct = 90;
    const revised = await t.gql(REVISE, { i: { passportId: id, expectedRevision: 1, composition: withoutAntimony } }, maker.key);
    expect(revised.errors).toBeUndefined();
    const after = (await t.gql(`query($id: ID!) { passport(id: $id) { ${fields} } }`, { id })).data.passport;
    expect(after.revision).toBe(2);
    expect(after.criticalMaterials.map((m: any) => m.element)).toEqual(['Al', 'Cu', 'Mg', 'Si']);
    expect(after.circularity.mci).toBeGreaterThan(one.data.passport.circularity.mci);

    const draft = await t.gql(REGISTER, { i: registerInput({}, maker) }, maker.key);
    const hidden = await t.gql(`query($id: ID!) { passport(id: $id) { ${fields} } }`, { id: draft.data.registerPassport.id }, otherMaker.key);
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const own = await t.gql(`query($id: ID!) { passport(id: $id) { ${fields} } }`, { id: draft.data.registerPassport.id }, maker.key);
    expect(own.data.passport).toMatchObject({ status: 'DRAFT', manufacturer: { id: maker.id } });
  });
});
