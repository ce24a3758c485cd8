import { newGtin, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const CREATE = 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id name gs1CompanyPrefixes } }';
const SET = 'mutation($o: ID!, $p: [String!]!) { setGs1CompanyPrefixes(organizationId: $o, prefixes: $p) { id gs1CompanyPrefixes } }';
const READ = 'query($id: ID!) { organization(id: $id) { gs1CompanyPrefixes } }';

/** A GTIN with a valid check digit from its digits before the check digit (11 for a GTIN-12, 13 for a GTIN-14). */
function withCheckDigit(body: string): string {
  const sum = [...body].reverse().reduce((acc, digit, i) => acc + Number(digit) * (i % 2 ? 1 : 3), 0);
  return body + ((10 - (sum % 10)) % 10);
}

describe('GS1 Company Prefixes: a GTIN belongs to the organization whose prefix it carries', () => {
  let t: TestApp;
  let maker: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
  });
  afterAll(() => t.close());

  const create = (i: Record<string, unknown>, key = t.adminKey) => t.gql(CREATE, { i: { kind: 'MANUFACTURER', ...i } }, key);
  const prefixesOf = async (id: string) => (await t.gql(READ, { id })).data.organization.gs1CompanyPrefixes;
  const organizationCount = async () => (await t.gql('{ organizations { totalCount } }')).data.organizations.totalCount;

  it('are set when the organization is created and read publicly, also on the manufacturer of a passport', async () => {
    const created = await create({ name: 'Prefix Holder B.V.', gs1CompanyPrefixes: [' 8799001 ', '87990020'] });
    expect(created.errors).toBeUndefined();
    expect(created.data.createOrganization.gs1CompanyPrefixes).toEqual(['8799001', '87990020']);
    expect(await prefixesOf(created.data.createOrganization.id)).toEqual(['8799001', '87990020']);

    const { data } = await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
    const read = await t.gql('query($id: ID!) { passport(id: $id) { manufacturer { gs1CompanyPrefixes } } }', { id: data.registerPassport.id });
    expect(read.data.passport.manufacturer.gs1CompanyPrefixes).toEqual([maker.prefix]);
  });

  it('refuses malformed prefixes, naming each, and creates nothing', async () => {
    const before = await organizationCount();
    const res = await create({ name: 'Bad Prefixes B.V.', gs1CompanyPrefixes: ['12345', '1234567890123', '87a9003', '8799004', '87990041'] });
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      violations: [
        { path: 'gs1CompanyPrefixes[0]', message: '"12345" is not a GS1 Company Prefix: expected 6 to 12 digits (GTIN-13 form)', keyword: 'pattern' },
        { path: 'gs1CompanyPrefixes[1]', message: expect.stringContaining('6 to 12 digits'), keyword: 'pattern' },
        { path: 'gs1CompanyPrefixes[2]', message: expect.stringContaining('"87a9003"'), keyword: 'pattern' },
        {
          path: 'gs1CompanyPrefixes[4]',
          message: '"87990041" overlaps "8799004" of the same list (one is a leading part of the other)',
          keyword: 'uniqueItems',
        },
      ],
    });
    expect(await organizationCount()).toBe(before);
  });

  it('gives a prefix to one organization only: the same prefix, a leading part of it or a longer one is a CONFLICT naming it', async () => {
    const before = await organizationCount();
    const held = maker.prefix!;
    for (const [asked, message] of [
      [held, `GS1 Company Prefix "${held}" is held by organization`],
      [held.slice(0, 6), `GS1 Company Prefix "${held.slice(0, 6)}" overlaps "${held}" (one is a leading part of the other), held by organization`],
      [`${held}12`, `GS1 Company Prefix "${held}12" overlaps "${held}" (one is a leading part of the other), held by organization`],
    ]) {
      const res = await create({ name: `Impostor ${asked}`, gs1CompanyPrefixes: ['8799100', asked] });
      expect(res.data).toBeNull();
      expect(res.errors![0].message).toContain(message);
      expect(res.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        fields: ['gs1CompanyPrefixes'],
        prefix: asked,
        heldPrefix: held,
        organizationId: maker.id,
      });
    }
    expect(await organizationCount()).toBe(before);
    // The refused requests took nothing: the other prefix they asked for is still free.
    expect((await create({ name: 'Free prefix B.V.', gs1CompanyPrefixes: ['8799100'] })).errors).toBeUndefined();
  });

  it('are replaced by the platform administrator only, with the same checks', async () => {
    const org = await t.organization('MANUFACTURER');
    expect((await t.gql(SET, { o: org.id, p: ['8799200'] }, org.key)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(SET, { o: org.id, p: [maker.prefix] }, t.adminKey)).errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      fields: ['prefixes'],
      prefix: maker.prefix,
    });
    expect(await prefixesOf(org.id)).toEqual([org.prefix]);
    expect((await t.gql(SET, { o: org.id, p: ['123'] }, t.adminKey)).errors![0].extensions!.violations).toEqual([
      expect.objectContaining({ path: 'prefixes[0]', keyword: 'pattern' }),
    ]);
    expect((await t.gql(SET, { o: '00000000-0000-4000-8000-000000000000', p: [] }, t.adminKey)).errors![0].extensions!.code).toBe('NOT_FOUND');

    // Its own prefix again (with a longer one of its own) is no conflict; the old list is replaced.
    const set = await t.gql(SET, { o: org.id, p: ['8799200', org.prefix] }, t.adminKey);
    expect(set.data.setGs1CompanyPrefixes.gs1CompanyPrefixes).toEqual([org.prefix, '8799200']);
    const events = await t.gql(
      '{ auditEvents(first: 100, filter: { action: "organization.gs1_company_prefixes_set" }) { edges { node { details } } } }',
      {},
      t.adminKey,
    );
    expect(events.data.auditEvents.edges.map((e: any) => e.node.details)).toContainEqual(
      expect.objectContaining({ organizationId: org.id, gs1CompanyPrefixes: ['8799200', org.prefix], previous: [org.prefix] }),
    );

    // Without prefixes, the organization can no longer register passports.
    await t.gql(SET, { o: org.id, p: [] }, t.adminKey);
    const refused = await t.gql(REGISTER, { i: registerInput({}, org) }, org.key);
    expect(refused.errors![0]).toMatchObject({
      message: expect.stringContaining("is not under a GS1 Company Prefix of the caller's organization: it has no GS1 Company Prefix"),
      extensions: { code: 'FORBIDDEN', gs1CompanyPrefixes: [] },
    });
  });

  it('compare with the GTIN-13 form: GTIN-12, -13 and -14 (any indicator digit) of the prefix register; others are FORBIDDEN', async () => {
    const org = await t.organization('MANUFACTURER');
    await t.gql(SET, { o: org.id, p: [org.prefix, '0614141'] }, t.adminKey);
    const upc = withCheckDigit('61414100734'); // GTIN-12; as GTIN-13: 0614141007349
    const case14 = withCheckDigit(`1${org.prefix}00001`); // indicator 1: digits 2..13 start with the prefix
    for (const gtin of [upc, case14, newGtin(org.prefix!)]) {
      const res = await t.gql(REGISTER, { i: registerInput({ gtin }, org) }, org.key);
      expect(res.errors).toBeUndefined();
    }
    const foreign = newGtin(maker.prefix!);
    const refused = await t.gql(REGISTER, { i: registerInput({ gtin: foreign }, org) }, org.key);
    expect(refused.errors![0]).toMatchObject({
      message: `GTIN 0${foreign} is not under a GS1 Company Prefix of the caller's organization: its GS1 Company Prefixes are 0614141, ${org.prefix}`,
      extensions: { code: 'FORBIDDEN', field: 'gtin', gtin: `0${foreign}`, gs1CompanyPrefixes: ['0614141', org.prefix] },
    });
  });

  it('keeps identities unique when a prefix moves: the new holder gets CONFLICT without the id of the passport that exists', async () => {
    const seller = await t.organization('MANUFACTURER');
    const buyer = await t.organization('MANUFACTURER');
    const input = registerInput({ publish: true }, seller);
    expect((await t.gql(REGISTER, { i: input }, seller.key)).errors).toBeUndefined();
    await t.gql(SET, { o: seller.id, p: [] }, t.adminKey);
    expect((await t.gql(SET, { o: buyer.id, p: [buyer.prefix, seller.prefix] }, t.adminKey)).errors).toBeUndefined();

    const again = await t.gql(REGISTER, { i: input }, buyer.key);
    expect(again.errors![0]).toMatchObject({
      message: expect.stringMatching(/^The registry already has a passport for GTIN/),
      extensions: { code: 'CONFLICT' },
    });
    expect(again.errors![0].extensions).not.toHaveProperty('passportId');
  });
});
