// Fuzzing through the API: registering mutated real documents is answered, never with INTERNAL_SERVER_ERROR, and an
// accepted one reads back.
import fc from 'fast-check';
import { mutatedDocument } from '../support/composition-mutations';
import { compositionFixtures, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const READ =
  'query($id: ID!) { passport(id: $id) { id totalMassKg circularity { mci utility } components { key path depth parentKey materials { name massKg } } } }';

describe('registering mutated real documents', () => {
  let t: TestApp;
  let maker: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
  });
  afterAll(() => t.close());

  it('never answers INTERNAL_SERVER_ERROR', async () => {
    const fixtures = compositionFixtures('ok');
    const input = fc.record({
      index: fc.integer({ min: 0, max: fixtures.length - 1 }),
      productName: fc.oneof({ arbitrary: fc.constant('Product'), weight: 5 }, fc.constantFrom('Product\u0000', ' ', 'é'.repeat(201))),
    });
    // One mutation per document, so that many reach the database; a fixed seed keeps the suite repeatable, and
    // FUZZ_RUNS and FUZZ_SEED explore further.
    const cases = fc.sample(
      input.chain(({ index, productName }) =>
        mutatedDocument(fixtures[index].document, 1).map((composition) => ({ fixture: fixtures[index], composition, productName })),
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40), seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    );
    for (const { fixture, composition, productName } of cases) {
      const body = JSON.stringify({
        query: REGISTER,
        variables: { i: registerInput({ cluster: fixture.cluster, granularity: 'MODEL', serialNumber: null, productName, composition }, maker) },
      });
      const res = (await t.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${maker.key}`).send(body)).body;
      for (const error of res.errors ?? [])
        expect([fixture.name, error.extensions?.code]).toEqual([fixture.name, expect.not.stringMatching(/^INTERNAL_SERVER_ERROR$/)]);
      if (res.data?.registerPassport) {
        const read = await t.gql(READ, { id: res.data.registerPassport.id }, maker.key);
        expect(read.errors).toBeUndefined();
      }
    }
  });
});
