// Replays the attacks of bounded documents and of bad input that used to answer INTERNAL_SERVER_ERROR.
import { lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const COUNT = 'query { passports(first: 1) { totalCount } }';
const COMPONENTS = 'query($id: ID!) { passport(id: $id) { components { key path depth parentKey } } }';

/** The JSON text of a chain of components `levels` deep, with keys of `keyLength` characters (built as text:
 * JSON.stringify itself overflows the stack on the deepest ones). */
function chainJson(levels: number, keyLength: number): string {
  const key = (level: number) => JSON.stringify(String(level).padStart(keyLength, 'k'));
  const part = (level: number) => `{"key":${key(level)},"name":"Part","quantity":1,"massKg":0.001,`;
  const innermost = `${part(levels)}"materials":[{"name":"Steel","element":"Fe","massKg":0.001}],"components":[]}`;
  let opening = '';
  for (let level = 1; level < levels; level++) opening += `${part(level)}"materials":[],"components":[`;
  return `{"schemaVersion":"1.0","productMassKg":0.001,"components":[${opening}${innermost}${']}'.repeat(levels - 1)}]}`;
}

const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

describe('bounded documents and bad input', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let auditor: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
    auditor = await t.organization('AUDITOR');
  });
  afterAll(() => t.close());

  async function refused(composition: Record<string, unknown> | string) {
    const before = (await t.gql(COUNT, {}, maker.key)).data.passports.totalCount;
    const json = typeof composition === 'string' ? composition : JSON.stringify(composition);
    const body = JSON.stringify({ query: REGISTER, variables: { i: registerInput({ composition: null }, maker) } }).replace(
      '"composition":null',
      `"composition":${json}`,
    );
    const res = (await t.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${maker.key}`).send(body)).body;
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(COUNT, {}, maker.key)).data.passports.totalCount).toBe(before);
    return res.errors[0].extensions.violations as { path: string; keyword: string; message: string }[];
  }

  describe('documents are bounded before the work', () => {
    it('refuses a chain of 300 nested components with 64-character keys, naming the limit', async () => {
      const violations = await refused(chainJson(300, 64));
      expect(violations).toEqual([
        {
          path: '/components/0' + '/components/0'.repeat(33),
          keyword: 'maxComponentDepth',
          message: 'components are nested deeper than 32 levels (MAX_COMPONENT_DEPTH)',
        },
      ]);
    });

    it('answers nesting 2,500 deep with BAD_USER_INPUT, not a stack overflow', async () => {
      const violations = await refused(chainJson(2500, 8));
      expect(violations.map((v) => v.keyword)).toEqual(['maxComponentDepth']);
    });

    it('refuses an extension array of 1,000,000 numbers quickly', async () => {
      const composition = lampComposition();
      composition['x-samples'] = new Array(1_000_000).fill(0);
      const started = Date.now();
      const violations = await refused(composition);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(violations).toEqual([
        {
          path: '/x-samples',
          keyword: 'maxExtensionSize',
          message: 'extension data ("x-" properties) exceeds 65536 characters serialized (MAX_EXTENSION_SIZE)',
        },
      ]);
    });

    it('stores a document at the limits, with bounded paths read back through components { key path depth parentKey }', async () => {
      const res = await t.gql(REGISTER, { i: registerInput({ composition: JSON.parse(chainJson(33, 64)) }, maker) }, maker.key);
      expect(res.errors).toBeUndefined();
      const read = await t.gql(COMPONENTS, { id: res.data.registerPassport.id }, maker.key);
      const components = read.data.passport.components as { key: string; path: string; depth: number; parentKey: string | null }[];
      expect(components).toHaveLength(33);
      const deepest = components[32];
      expect(deepest.depth).toBe(32);
      expect(deepest.parentKey).toBe(components[31].key);
      expect(deepest.path).toBe('/' + components.map((c) => c.key).join('/'));
      expect(deepest.path.length).toBe(33 * 65);
    });
  });

  describe('every violation at once', () => {
    it('reports a negative mass, a wrong CAS check digit and an unknown element together', async () => {
      const composition = lampComposition();
      composition.components[0].materials[0].casNumber = '7429-90-4';
      composition.components[0].materials[1].massKg = -0.001;
      composition.components[1].materials[1].element = 'Xx';
      const violations = await refused(composition);
      expect(violations.map((v) => `${v.keyword} ${v.path}`)).toEqual([
        'casCheckDigit /components/0/materials/0/casNumber',
        'finiteMass /components/0/materials/1/massKg',
        'element /components/1/materials/1/element',
      ]);
    });
  });

  describe('bad input answers BAD_USER_INPUT naming the field, not INTERNAL_SERVER_ERROR', () => {
    const expectBadInput = (res: { errors?: { extensions?: Record<string, any> }[] }, path: string, keyword: string) => {
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ path, keyword })] });
    };

    it('refuses ids that are not UUIDs, in every argument', async () => {
      expectBadInput(await t.gql('{ organization(id: "not-a-uuid") { id } }'), 'id', 'uuid');
      expectBadInput(await t.gql('query($id: ID!) { passport(id: $id) { id } }', { id: 'not-a-uuid' }), 'id', 'uuid');
      expectBadInput(await t.gql('mutation { publishPassport(passportId: "x") { id } }', {}, maker.key), 'passportId', 'uuid');
      expectBadInput(
        await t.gql('mutation($i: RevisePassportInput!) { revisePassport(input: $i) { id } }', { i: { passportId: '1', expectedRevision: 1 } }, maker.key),
        'passportId',
        'uuid',
      );
      expectBadInput(await t.gql('{ passports(filter: { manufacturerId: "abc" }) { totalCount } }'), 'filter.manufacturerId', 'uuid');
      expectBadInput(await t.gql('{ auditEvents(filter: { passportId: "abc" }) { edges { cursor } } }', {}, auditor.key), 'filter.passportId', 'uuid');
    });

    it('refuses forged cursors', async () => {
      const yearMinusOne = cursor(['-000001-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']);
      expectBadInput(await t.gql('query($a: String) { passports(after: $a) { totalCount } }', { a: yearMinusOne }), 'after', 'cursor');
      const past64Bits = cursor(['9999999999999999999']);
      expectBadInput(await t.gql('query($a: String) { auditEvents(after: $a) { edges { cursor } } }', { a: past64Bits }, auditor.key), 'after', 'cursor');
      expectBadInput(await t.gql('query($a: String) { organizations(after: $a) { totalCount } }', { a: cursor(['a\u0000']) }), 'after', 'cursor');
    });

    it('refuses NUL characters in a composition and in a product name', async () => {
      const composition = lampComposition();
      composition.components[1].name = 'LED\u0000board';
      const violations = await refused(composition);
      expect(violations).toEqual([{ path: '/components/1/name', keyword: 'nulCharacter', message: 'must not contain the NUL character (U+0000)' }]);

      expectBadInput(await t.gql(REGISTER, { i: registerInput({ productName: 'Lamp\u0000' }, maker) }, maker.key), 'productName', 'nulCharacter');
    });

    it('refuses quantities whose products overflow, masses that sum to Infinity and an overflowing utility factor', async () => {
      const quantities = lampComposition();
      quantities.components[1].quantity = 1e200;
      quantities.components[1].components[0].quantity = 1e200;
      expect((await refused(quantities)).map((v) => `${v.keyword} ${v.path}`)).toContain('finiteTotal /components/1/components/0/quantity');

      const masses = lampComposition();
      delete masses.productMassKg;
      masses.components[0] = { ...masses.components[0], massKg: 1e308, materials: [{ name: 'Steel', element: 'Fe', massKg: 1e308 }] };
      masses.components[1] = {
        ...masses.components[1],
        quantity: 1,
        massKg: 1e308,
        materials: [{ name: 'Steel', element: 'Fe', massKg: 1e308 }],
        components: [],
      };
      expect((await refused(masses)).map((v) => `${v.keyword} ${v.path}`)).toEqual(['finiteTotal /components']);

      // Registered before, then its circularity figures failed to read back (a utility factor of Infinity).
      const utility = { ...lampComposition(), utility: { lifetimeYears: 1e308, industryAverageLifetimeYears: 1 } };
      expect((await refused(utility)).map((v) => `${v.keyword} ${v.path}`)).toEqual(['utilityFactor /utility']);
    });
  });
});
