import { generateKeyPairSync } from 'node:crypto';
import { compactVerify, createLocalJWKSet } from 'jose';
import { REGISTER, registerInput } from '../support/factories';
import { TestApp } from '../support/test-app';

const SIGNATURE = 'query($id: ID!) { passport(id: $id) { revisions(first: 1) { edges { node { signature signingKeyId } } } } }';

describe('/.well-known/jwks.json and key rotation', () => {
  const retiredKey = { ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }), kid: 'retired-2025' };
  let t: TestApp;
  beforeAll(async () => {
    // A previous key is kept in SIGNING_PUBLIC_KEYS so that what it signed still verifies.
    const { d: _private, ...retiredPublic } = retiredKey;
    t = await TestApp.start({ signingPublicKeys: [retiredPublic] });
  });
  afterAll(() => t.close());

  it('serves the current and retired public keys to anyone, without private parts', async () => {
    const res = await t.http().get('/.well-known/jwks.json').expect(200).expect('content-type', /json/);
    expect(res.headers['cache-control']).toContain('max-age');
    expect(res.body.keys.map((key: any) => key.kid)).toEqual(['test-signing-key', 'retired-2025']);
    for (const key of res.body.keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', x: expect.any(String) });
      expect(key.d).toBeUndefined();
    }
  });

  it('lets a client verify a published revision with the served keys alone', async () => {
    const owner = await t.organization('MANUFACTURER');
    const { data } = await t.gql(REGISTER, { i: registerInput({ publish: true }, owner) }, owner.key);
    const res = await t.gql(SIGNATURE, { id: data.registerPassport.id }, owner.key);
    const { signature, signingKeyId } = res.data.passport.revisions.edges[0].node;
    expect(signingKeyId).toBe('test-signing-key');
    const jwks = (await t.http().get('/.well-known/jwks.json')).body;
    const { protectedHeader } = await compactVerify(signature, createLocalJWKSet(jwks));
    expect(protectedHeader.kid).toBe(signingKeyId);
  });
});
