import { PrismaService } from '@registry/core';
import { REGISTER, registerInput } from '../support/factories';
import { type GraphQLResponse, TestApp, type TestOrganization } from '../support/test-app';

describe('retrying registerPassport: CONFLICT with the id, and the Idempotency-Key header', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let otherMaker: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
    otherMaker = await t.organization('MANUFACTURER');
  });
  afterAll(() => t.close());

  /** registerPassport as a client sends it, with an Idempotency-Key header when given. */
  async function register(by: TestOrganization, input: Record<string, unknown>, idempotencyKey?: string): Promise<GraphQLResponse> {
    const req = t.http().post('/graphql').set('authorization', `Bearer ${by.key}`);
    if (idempotencyKey !== undefined) req.set('Idempotency-Key', idempotencyKey);
    return (await req.send({ query: REGISTER, variables: { i: input } })).body;
  }

  const countOf = async (gtin: unknown) =>
    (await t.gql('query($g: String) { passports(filter: { gtin: $g }) { totalCount } }', { g: gtin }, t.adminKey)).data.passports.totalCount;

  it('answers a retry with the same key and input with the passport the first request registered', async () => {
    const input = registerInput({ publish: true }, maker);
    const first = await register(maker, input, 'order-4711/line-1');
    expect(first.errors).toBeUndefined();
    const retried = await register(maker, input, 'order-4711/line-1');
    expect(retried.errors).toBeUndefined();
    expect(retried.data.registerPassport).toEqual(first.data.registerPassport);
    expect(await countOf(input.gtin)).toBe(1);
    // Without the key the same retry is a CONFLICT that names the passport to its owner.
    const plain = await register(maker, input);
    expect(plain.errors![0].extensions).toMatchObject({ code: 'CONFLICT', passportId: first.data.registerPassport.id });
  });

  it('answers concurrent requests with the same key with one passport', async () => {
    const input = registerInput({}, maker);
    const answers = await Promise.all([1, 2, 3].map(() => register(maker, input, 'parallel-key')));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(new Set(answers.map((a) => a.data.registerPassport.id)).size).toBe(1);
    expect(await countOf(input.gtin)).toBe(1);
  });

  it('refuses the same key with another input (IDEMPOTENCY_KEY_REUSED) and registers nothing', async () => {
    await register(maker, registerInput({}, maker), 'reused-key');
    const other = registerInput({}, maker);
    const res = await register(maker, other, 'reused-key');
    expect(res.data).toBeNull();
    expect(res.errors![0]).toMatchObject({
      message: 'The Idempotency-Key "reused-key" was used in the last 24 hours with another input: send a new key for a new request',
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED', header: 'Idempotency-Key' },
    });
    expect(await countOf(other.gtin)).toBe(0);
  });

  it('keeps keys per organization: another organization may use the same key', async () => {
    const mine = await register(maker, registerInput({}, maker), 'shared-key');
    const theirs = await register(otherMaker, registerInput({}, otherMaker), 'shared-key');
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.registerPassport.id).not.toBe(mine.data.registerPassport.id);
    expect(theirs.data.registerPassport.manufacturer.id).toBe(otherMaker.id);
  });

  it('forgets a key after 24 hours', async () => {
    const first = await register(maker, registerInput({}, maker), 'daily-key');
    await t.app.get(PrismaService).idempotencyKey.updateMany({ where: { key: 'daily-key' }, data: { createdAt: new Date(Date.now() - 25 * 3600 * 1000) } });
    const next = await register(maker, registerInput({}, maker), 'daily-key');
    expect(next.errors).toBeUndefined();
    expect(next.data.registerPassport.id).not.toBe(first.data.registerPassport.id);
  });

  it('validates the key before any work: 1 to 200 printable ASCII characters', async () => {
    for (const key of ['', 'x'.repeat(201), 'clé', 'tab\there']) {
      const input = registerInput({}, maker);
      const res = await register(maker, input, key);
      expect(res.errors![0]).toMatchObject({
        message: 'The Idempotency-Key header must be 1 to 200 printable ASCII characters',
        extensions: {
          code: 'BAD_USER_INPUT',
          violations: [{ path: 'Idempotency-Key', message: 'must be 1 to 200 printable ASCII characters', keyword: 'pattern' }],
        },
      });
      expect(await countOf(input.gtin)).toBe(0);
    }
    expect((await register(maker, registerInput({}, maker), 'x'.repeat(200))).errors).toBeUndefined();
  });
});
