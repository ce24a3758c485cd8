import { ConfigError, loadConfig } from '@registry/core';
import { compactVerify, createLocalJWKSet } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningJwk, loadSigningKeys, SIGNING_KEY_FILE_NAME } from './signing-keys';
import { SigningService } from './signing.service';

const quiet = { log: () => undefined } as never;

describe('signing key configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'signing-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads SIGNING_KEY or SIGNING_KEY_FILE, and refuses both', () => {
    const jwk = { ...generateSigningJwk(), kid: 'k1' };
    expect(loadConfig({ SIGNING_KEY: JSON.stringify(jwk) }).signingKey).toEqual(jwk);
    const file = join(dir, 'key.json');
    writeFileSync(file, JSON.stringify(jwk));
    expect(loadConfig({ SIGNING_KEY_FILE: file })).toMatchObject({ signingKey: jwk, signingKeyFile: file });
    expect(() => loadConfig({ SIGNING_KEY: JSON.stringify(jwk), SIGNING_KEY_FILE: file })).toThrow(/SIGNING_KEY or SIGNING_KEY_FILE, not both/);
  });

  it('names the variable of an unusable key', () => {
    const jwk = generateSigningJwk();
    const other = generateSigningJwk();
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
    const cases: [Record<string, string>, RegExp][] = [
      [{ SIGNING_KEY: 'not json' }, /SIGNING_KEY must be a JWK in JSON/],
      [{ SIGNING_KEY: JSON.stringify(ec) }, /SIGNING_KEY must be an Ed25519 JWK/],
      [{ SIGNING_KEY: JSON.stringify({ ...jwk, d: undefined }) }, /SIGNING_KEY must be a private key/],
      [{ SIGNING_KEY: JSON.stringify({ ...jwk, x: other.x }) }, /SIGNING_KEY is not a valid Ed25519 key: "x" is not the public key of "d"/],
      [{ SIGNING_KEY_FILE: join(dir, 'missing.json') }, /SIGNING_KEY_FILE: cannot read .*missing\.json \(ENOENT\)/],
      [{ SIGNING_PUBLIC_KEYS: '{}' }, /SIGNING_PUBLIC_KEYS must be a JSON array/],
      [{ SIGNING_PUBLIC_KEYS: JSON.stringify([{ ...jwk, kid: 'old' }]) }, /SIGNING_PUBLIC_KEYS\[0\] must be a public key \(no "d"\) with a kid/],
      [{ SIGNING_PUBLIC_KEYS: JSON.stringify([{ kty: 'OKP', crv: 'Ed25519', x: jwk.x }]) }, /SIGNING_PUBLIC_KEYS\[0\] must be a public key/],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    }
  });

  it('refuses to start on a server without a configured key', async () => {
    const config = { ...loadConfig({}), databaseUrl: 'postgresql://db.example.org/registry' };
    await expect(loadSigningKeys(config, quiet)).rejects.toThrow(ConfigError);
    await expect(loadSigningKeys(config, quiet)).rejects.toThrow(/SIGNING_KEY or SIGNING_KEY_FILE must be set when DATABASE_URL is/);
  });

  it('generates the embedded default key once, readable by its owner only, and keeps it across restarts', async () => {
    const config = { ...loadConfig({}), dataDir: join(dir, 'data') };
    const first = await loadSigningKeys(config, quiet);
    const file = join(dir, 'data', SIGNING_KEY_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ kty: 'OKP', crv: 'Ed25519', d: expect.any(String) });
    const again = await loadSigningKeys(config, quiet);
    expect(again.kid).toBe(first.kid);
    expect(again.publicKeys).toEqual(first.publicKeys);
  });

  it('names the kept key file when it is damaged', async () => {
    writeFileSync(join(dir, SIGNING_KEY_FILE_NAME), '{"kty":"RSA"}');
    await expect(loadSigningKeys({ ...loadConfig({}), dataDir: dir }, quiet)).rejects.toThrow(
      new RegExp(`Invalid signing key file .*${SIGNING_KEY_FILE_NAME}`),
    );
  });
});

describe('SigningService', () => {
  it('signs canonical JSON with EdDSA and publishes current and retired public keys without private parts', async () => {
    const retired = { ...generateSigningJwk(), kid: 'old' };
    const env = {
      SIGNING_KEY: JSON.stringify({ ...generateSigningJwk(), kid: 'current' }),
      SIGNING_PUBLIC_KEYS: JSON.stringify([{ kty: 'OKP', crv: 'Ed25519', x: retired.x, kid: 'old' }]),
    };
    const signing = new SigningService(await loadSigningKeys({ ...loadConfig(env), dataDir: 'memory://' }, quiet));
    const jwks = signing.jwks();
    expect(jwks.keys.map((key) => key.kid)).toEqual(['current', 'old']);
    expect(jwks.keys.every((key) => key.d === undefined && key.alg === 'EdDSA' && key.use === 'sig')).toBe(true);

    const jws = await signing.sign({ b: 2, a: [1, { d: 'x', c: null }] }, 'example+jws');
    const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(jwks));
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: 'current', typ: 'example+jws' });
    expect(new TextDecoder().decode(payload)).toBe('{"a":[1,{"c":null,"d":"x"}],"b":2}');
  });

  it('takes the RFC 7638 thumbprint as kid when the key has none', async () => {
    const signing = new SigningService(await loadSigningKeys({ ...loadConfig({}), dataDir: 'memory://' }, quiet));
    expect(signing.keyId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signing.jwks().keys[0].kid).toBe(signing.keyId);
  });
});
