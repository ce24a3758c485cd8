import { lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const REVISE = 'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }';
const DIFF = `query($id: ID!, $from: Int!, $to: Int!) {
  passportDiff(passportId: $id, fromRevision: $from, toRevision: $to) {
    passportId fromRevision toRevision
    productName { from to }
    totalMassKg { from to }
    documentFields { field from to }
    components { key path change fields { field from to } materials { name element casNumber change fields { field from to } } }
  }
}`;

describe('passportDiff', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let auditor: TestOrganization;
  let passportId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
    auditor = await t.organization('AUDITOR');
    const { data } = await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
    passportId = data.registerPassport.id;
    // Revision 2: more recycled aluminium, a new board location, and a tantalum capacitor on the board.
    const second = lampComposition();
    second.components[0].materials[0].recycledContentPct = 80;
    second.components[1].location = 'behind the lens';
    second.components[1].materials[2].massKg = 0.0049;
    second.components[1].materials.push({ name: 'Tantalum capacitor', element: 'Ta', casNumber: '7440-25-7', massKg: 0.0001 });
    const revised = await t.gql(REVISE, { i: { passportId, expectedRevision: 1, composition: second, productName: 'Bicycle lamp v2' } }, maker.key);
    expect(revised.errors).toBeUndefined();
    // Revision 3: the driver chips are gone from the boards.
    const third = JSON.parse(JSON.stringify(second));
    third.components[1].components = [];
    third.components[1].massKg = 0.009;
    third.productMassKg = 0.098;
    expect((await t.gql(REVISE, { i: { passportId, expectedRevision: 2, composition: third } }, maker.key)).errors).toBeUndefined();
  });
  afterAll(() => t.close());

  it('lists what changed, component by component and material by material', async () => {
    const res = await t.gql(DIFF, { id: passportId, from: 1, to: 2 }, auditor.key);
    expect(res.errors).toBeUndefined();
    expect(res.data.passportDiff).toEqual({
      passportId,
      fromRevision: 1,
      toRevision: 2,
      productName: { from: 'Bicycle lamp', to: 'Bicycle lamp v2' },
      totalMassKg: { from: 0.1, to: 0.1 },
      documentFields: [],
      components: [
        {
          key: 'housing',
          path: '/housing',
          change: 'CHANGED',
          fields: [],
          materials: [
            { name: 'Aluminium', element: 'Al', casNumber: '7429-90-5', change: 'CHANGED', fields: [{ field: 'recycledContentPct', from: 50, to: 80 }] },
          ],
        },
        {
          key: 'board',
          path: '/board',
          change: 'CHANGED',
          fields: [{ field: 'location', from: null, to: 'behind the lens' }],
          materials: [
            { name: 'Epoxy laminate', element: null, casNumber: '25068-38-6', change: 'CHANGED', fields: [{ field: 'massKg', from: 0.005, to: 0.0049 }] },
            { name: 'Tantalum capacitor', element: 'Ta', casNumber: '7440-25-7', change: 'ADDED', fields: [{ field: 'massKg', from: null, to: 0.0001 }] },
          ],
        },
      ],
    });
  });

  it('shows removed components and mass changes over several revisions, in either direction', async () => {
    const res = await t.gql(DIFF, { id: passportId, from: 1, to: 3 }, auditor.key);
    expect(res.errors).toBeUndefined();
    const diff = res.data.passportDiff;
    expect(diff.totalMassKg).toEqual({ from: 0.1, to: 0.098 });
    expect(diff.documentFields).toEqual([{ field: 'productMassKg', from: 0.1, to: 0.098 }]);
    expect(diff.components.map((c: any) => [c.key, c.change])).toEqual([
      ['housing', 'CHANGED'],
      ['board', 'CHANGED'],
      ['driver', 'REMOVED'],
    ]);
    expect(diff.components[2]).toMatchObject({
      path: '/board/driver',
      materials: [
        { name: 'Silicon die', change: 'REMOVED' },
        { name: 'Antimony in solder', change: 'REMOVED' },
      ],
    });
    expect(diff.components[1].fields).toContainEqual({ field: 'massKg', from: 0.01, to: 0.009 });

    const back = await t.gql(DIFF, { id: passportId, from: 3, to: 1 }, auditor.key);
    expect(back.data.passportDiff.components.find((c: any) => c.key === 'driver').change).toBe('ADDED');
    const same = await t.gql(DIFF, { id: passportId, from: 2, to: 2 }, maker.key);
    expect(same.data.passportDiff).toMatchObject({ productName: null, documentFields: [], components: [] });
  });

  it('is for the AUTHORITY tier and the owner; drafts stay hidden; revisions must exist', async () => {
    const recycler = await t.organization('RECYCLER');
    const other = await t.organization('MANUFACTURER');
    for (const key of [recycler.key, other.key]) {
      const res = await t.gql(DIFF, { id: passportId, from: 1, to: 2 }, key);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredTier: 'AUTHORITY' });
    }
    expect((await t.gql(DIFF, { id: passportId, from: 1, to: 2 }, null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(DIFF, { id: passportId, from: 1, to: 2 }, t.adminKey)).errors).toBeUndefined();

    const outOfRange = await t.gql(DIFF, { id: passportId, from: 1, to: 4 }, auditor.key);
    expect(outOfRange.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ path: 'toRevision' })] });
    expect(outOfRange.errors?.[0].message).toContain('revisions 1 to 3');
    const zero = await t.gql(DIFF, { id: passportId, from: 0, to: 1 }, auditor.key);
    expect(zero.errors?.[0].extensions?.violations[0].path).toBe('fromRevision');

    const { data } = await t.gql(REGISTER, { i: registerInput({}, maker) }, maker.key);
    const draft = data.registerPassport.id;
    expect((await t.gql(DIFF, { id: draft, from: 1, to: 1 }, auditor.key)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(DIFF, { id: draft, from: 1, to: 1 }, maker.key)).errors).toBeUndefined();
    expect((await t.gql(DIFF, { id: 'not-an-id', from: 1, to: 1 }, auditor.key)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      violations: [expect.objectContaining({ path: 'passportId', keyword: 'uuid' })],
    });
  });
});
