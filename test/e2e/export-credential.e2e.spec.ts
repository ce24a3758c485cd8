import { canonicalJson } from '@registry/verification';
import { DATABASE, type Database } from '@registry/core';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { compositionFixtures, lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const REVISE = 'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }';
const ARCHIVE = 'mutation($id: ID!) { archivePassport(passportId: $id) { status } }';

describe('GET /passports/:id/credential', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let auditor: TestOrganization;
  let jwks: JSONWebKeySet;

  const register = async (overrides: Record<string, unknown>) => {
    const res = await t.gql(REGISTER, { i: registerInput(overrides, maker) }, maker.key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.registerPassport as { id: string; gtin: string; serialNumber: string | null };
  };
  const get = (path: string, key?: string) => {
    const req = t.http().get(path);
    if (key) req.set('authorization', `Bearer ${key}`);
    return req;
  };

  beforeAll(async () => {
    t = await TestApp.start({ publicBaseUrl: 'https://registry.example.org' });
    maker = await t.organization('MANUFACTURER');
    auditor = await t.organization('AUDITOR');
    jwks = (await get('/.well-known/jwks.json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('is a UNTP-style product passport credential, signed by the registry as a JWS that verifies against the JWKS', async () => {
    const passport = await register({ publish: true });
    const res = await get(`/passports/${passport.id}/credential`, auditor.key).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const { credential, jws } = res.body;

    expect(credential['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://test.uncefact.org/vocabulary/untp/dpp/0.5.0/']);
    expect(credential.type).toEqual(['VerifiableCredential', 'DigitalProductPassport']);
    expect(credential.issuer).toEqual({ type: ['CredentialIssuer'], id: 'https://registry.example.org', name: 'Circular material passport registry' });
    expect(credential.id).toBe(`https://registry.example.org/passports/${passport.id}/credential?revision=1`);
    expect(credential.validUntil).toBeUndefined();
    const subject = credential.credentialSubject;
    expect(subject).toMatchObject({
      id: `https://id.gs1.org/01/${passport.gtin}/21/${passport.serialNumber}`,
      name: 'Bicycle lamp',
      registeredId: passport.gtin,
      serialNumber: passport.serialNumber,
      granularityLevel: 'item',
      producedByParty: { id: `urn:uuid:${maker.id}` },
      dimensions: { weight: { value: 0.1, unit: 'KGM' } },
    });

    // Every material occurrence of the lamp, with its mass in one product.
    expect(subject.materialsProvenance).toHaveLength(7);
    const aluminium = subject.materialsProvenance[0];
    expect(aluminium).toMatchObject({
      name: 'Aluminium',
      massAmount: { value: 0.079, unit: 'KGM' },
      massFraction: 0.79,
      recycledAmount: 0.5,
      hazardous: false,
      materialType: { code: '7429-90-5', schemeName: 'CAS Registry Number' },
    });
    const driverSb = subject.materialsProvenance.filter((m: any) => m.name === 'Antimony in solder')[1];
    expect(driverSb.massAmount.value).toBeCloseTo(0.0004, 12);
    // Only the housing aluminium declares recycled content: 50 % of 0.079 kg in a 0.1 kg lamp.
    expect(subject.circularityScorecard.recycledContent).toBeCloseTo(0.395, 6);

    const [stored] = await t.app
      .get<Database>(DATABASE)
      .query<{ contentHash: string }>('SELECT "contentHash" FROM "PassportRevision" WHERE "passportId" = $1 AND revision = 1', [passport.id]);
    expect(stored.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(subject.passportRecord).toMatchObject({ id: `urn:uuid:${passport.id}`, status: 'PUBLISHED', revision: 1, contentHash: stored.contentHash });

    const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(jwks));
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', kid: jwks.keys[0].kid });
    expect(new TextDecoder().decode(payload)).toBe(canonicalJson(credential));
  });

  it('serves the bare JWS as application/vc+jwt on request', async () => {
    const passport = await register({ publish: true });
    const res = await get(`/passports/${passport.id}/credential`, auditor.key).set('accept', 'application/vc+jwt').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/vc\+jwt/);
    const jws = res.text;
    expect(decodeProtectedHeader(jws).typ).toBe('vc+jwt');
    const { payload } = await compactVerify(jws, createLocalJWKSet(jwks));
    expect(JSON.parse(new TextDecoder().decode(payload)).credentialSubject.name).toBe('Bicycle lamp');
  });

  it('identifies batches and models by their GS1 Digital Link', async () => {
    const battery = compositionFixtures('ok').find((f) => f.cluster === 'BATTERY')!;
    const batch = await register({
      publish: true,
      cluster: 'BATTERY',
      granularity: 'BATCH',
      serialNumber: null,
      batchNumber: 'B/7',
      composition: battery.document,
    });
    const batchCredential = (await get(`/passports/${batch.id}/credential`, auditor.key).expect(200)).body.credential;
    expect(batchCredential.credentialSubject.id).toBe(`https://id.gs1.org/01/${batch.gtin}/10/B%2F7`);
    expect(batchCredential.credentialSubject).toMatchObject({ batchNumber: 'B/7', granularityLevel: 'batch' });
    expect(batchCredential.credentialSubject.productCategory[0].code).toBe('BATTERY');

    const model = await register({ publish: true, granularity: 'MODEL', serialNumber: null });
    const modelCredential = (await get(`/passports/${model.id}/credential`, auditor.key).expect(200)).body.credential;
    expect(modelCredential.credentialSubject.id).toBe(`https://id.gs1.org/01/${model.gtin}`);
    expect(modelCredential.credentialSubject.granularityLevel).toBe('model');
  });

  it('puts the circularity figures of the revision into the scorecard when they exist', async () => {
    const passport = await register({ publish: true });
    const db = t.app.get<Database>(DATABASE);
    const [stored] = await db.query<{ circularity: { mci?: number; utility?: number } | null }>(
      'SELECT circularity FROM "PassportRevision" WHERE "passportId" = $1',
      [passport.id],
    );
    const before = (await get(`/passports/${passport.id}/credential`, auditor.key).expect(200)).body.credential;
    expect(before.credentialSubject.circularityScorecard).toEqual({
      type: ['CircularityPerformance'],
      recycledContent: expect.any(Number),
      ...(typeof stored.circularity?.mci === 'number' ? { materialCircularityIndicator: stored.circularity.mci } : {}),
      ...(typeof stored.circularity?.utility === 'number' ? { utilityFactor: stored.circularity.utility } : {}),
    });
    await db.query(`UPDATE "PassportRevision" SET circularity = '{"mci": 0.4354, "lfi": 0.62733, "utility": 1.2}'::jsonb WHERE "passportId" = $1`, [
      passport.id,
    ]);
    const after = (await get(`/passports/${passport.id}/credential`, auditor.key).expect(200)).body.credential;
    expect(after.credentialSubject.circularityScorecard).toMatchObject({ materialCircularityIndicator: 0.4354, utilityFactor: 1.2 });
  });

  it('describes past revisions until they were replaced, and archived passports until their archival', async () => {
    const passport = await register({ publish: true });
    const changed = lampComposition();
    changed.components[0].materials[0].recycledContentPct = 80;
    expect((await t.gql(REVISE, { i: { passportId: passport.id, expectedRevision: 1, composition: changed } }, maker.key)).errors).toBeUndefined();

    const current = (await get(`/passports/${passport.id}/credential`, auditor.key).expect(200)).body.credential;
    const first = (await get(`/passports/${passport.id}/credential?revision=1`, auditor.key).expect(200)).body.credential;
    expect(current.credentialSubject.passportRecord.revision).toBe(2);
    expect(current.credentialSubject.passportRecord.previousHash).toBe(first.credentialSubject.passportRecord.contentHash);
    expect(current.credentialSubject.materialsProvenance[0].recycledAmount).toBe(0.8);
    expect(first.credentialSubject.materialsProvenance[0].recycledAmount).toBe(0.5);
    expect(first.validUntil).toBe(current.validFrom);
    expect(current.validUntil).toBeUndefined();

    expect((await t.gql(ARCHIVE, { id: passport.id }, maker.key)).errors).toBeUndefined();
    const archived = (await get(`/passports/${passport.id}/credential`, auditor.key).expect(200)).body.credential;
    expect(archived.credentialSubject.passportRecord.status).toBe('ARCHIVED');
    expect(Date.parse(archived.validUntil)).toBeGreaterThanOrEqual(Date.parse(archived.validFrom));

    const missing = await get(`/passports/${passport.id}/credential?revision=9`, auditor.key).expect(404);
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const bad = await get(`/passports/${passport.id}/credential?revision=first`, auditor.key).expect(400);
    expect(bad.body.errors[0].extensions.violations[0].path).toBe('revision');
  });

  it('needs a legitimate interest: owner, recyclers and auditors; drafts have no credential', async () => {
    const passport = await register({ publish: true });
    const recycler = await t.organization('RECYCLER');
    const otherMaker = await t.organization('MANUFACTURER');
    await get(`/passports/${passport.id}/credential`, recycler.key).expect(200);
    await get(`/passports/${passport.id}/credential`, maker.key).expect(200);
    const anonymous = await get(`/passports/${passport.id}/credential`).expect(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const other = await get(`/passports/${passport.id}/credential`, otherMaker.key).expect(403);
    expect(other.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredTier: 'LEGITIMATE_INTEREST' });

    const draft = await register({ publish: false });
    const conflict = await get(`/passports/${draft.id}/credential`, maker.key).expect(409);
    expect(conflict.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'DRAFT' });
    // To anyone but its owner a draft does not exist.
    expect((await get(`/passports/${draft.id}/credential`, auditor.key).expect(404)).body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
