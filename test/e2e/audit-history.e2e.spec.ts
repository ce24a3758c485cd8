import { canonicalJson, storedRevisionOf, verifyRevisionChain } from '@registry/verification';
import { PrismaService } from '@registry/core';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import { createHash } from 'node:crypto';
import { lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const REVISE = 'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }';
const PUBLISH = 'mutation($id: ID!) { publishPassport(passportId: $id) { status revision } }';
const REVISIONS = `query($id: ID!, $first: Int, $after: String) { passport(id: $id) {
  id manufacturerId cluster granularity gtin serialNumber batchNumber
  revisions(first: $first, after: $after) {
    edges { cursor node { revision productName status totalMassKg createdAt contentHash previousHash signature signingKeyId createdByKeyId composition } }
    pageInfo { hasNextPage endCursor }
  }
} }`;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('revision history: hash chain and signatures over HTTP', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let auditor: TestOrganization;
  let authority: TestOrganization;
  let recycler: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
    auditor = await t.organization('AUDITOR');
    authority = await t.organization('AUTHORITY');
    recycler = await t.organization('RECYCLER');
  });
  afterAll(() => t.close());

  async function revise(id: string, expectedRevision: number, changes: Record<string, unknown>) {
    const res = await t.gql(REVISE, { i: { passportId: id, expectedRevision, ...changes } }, maker.key);
    expect(res.errors).toBeUndefined();
  }

  /** The stored rows of a passport, as an export would read them. */
  async function storedHistory(id: string) {
    const prisma = t.app.get(PrismaService);
    const passport = await prisma.passport.findUniqueOrThrow({ where: { id } });
    const rows = await prisma.passportRevision.findMany({ where: { passportId: id }, orderBy: { revision: 'asc' } });
    return rows.map((row) => storedRevisionOf(passport, row));
  }

  async function jwks() {
    return (await t.http().get('/.well-known/jwks.json').expect(200)).body;
  }

  it('chains every revision: the hashes recompute from what the API returns, and each links to the one before', async () => {
    const input = registerInput({ publish: true }, maker);
    const { data } = await t.gql(REGISTER, { i: input }, maker.key);
    const id = data.registerPassport.id;
    const heavier = lampComposition();
    heavier.components[0].materials[0].massKg = 0.089;
    heavier.components[0].massKg = 0.09;
    heavier.productMassKg = 0.11;
    await revise(id, 1, { composition: heavier });
    await revise(id, 2, { productName: 'Bicycle lamp (2027)' });

    const read = await t.gql(REVISIONS, { id, first: 5 }, auditor.key);
    expect(read.errors).toBeUndefined();
    const passport = read.data.passport;
    const revisions = read.data.passport.revisions.edges.map((edge: any) => edge.node);
    expect(revisions.map((r: any) => r.revision)).toEqual([3, 2, 1]);
    expect(read.data.passport.revisions.pageInfo.hasNextPage).toBe(false);

    for (const revision of revisions) {
      const content = {
        passportId: id,
        revision: revision.revision,
        previousHash: revision.previousHash,
        manufacturerId: maker.id,
        cluster: 'HIGH_TECH_EQUIPMENT',
        granularity: 'ITEM',
        gtin: `0${input.gtin}`,
        serialNumber: input.serialNumber,
        batchNumber: null,
        productName: revision.productName,
        status: 'PUBLISHED',
        totalMassKg: revision.totalMassKg,
        composition: revision.composition,
        createdAt: revision.createdAt,
      };
      expect(revision.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(revision.contentHash).toBe(sha256(canonicalJson(content)));
    }
    const [third, second, first] = revisions;
    expect(first.previousHash).toBeNull();
    expect(second.previousHash).toBe(first.contentHash);
    expect(third.previousHash).toBe(second.contentHash);
    expect(second.totalMassKg).toBe(0.11);
    expect(third.productName).toBe('Bicycle lamp (2027)');
    expect(new Set(revisions.map((r: any) => r.contentHash)).size).toBe(3);
    expect(passport.manufacturerId).toBe(maker.id);

    expect(verifyRevisionChain(await storedHistory(id), await jwks())).toEqual([]);
  });

  it('signs published revisions; the signatures verify with jose against /.well-known/jwks.json', async () => {
    const { data } = await t.gql(REGISTER, { i: registerInput({}, maker) }, maker.key);
    const id = data.registerPassport.id;
    await revise(id, 1, { productName: 'Draft lamp 2' });
    const published = await t.gql(PUBLISH, { id }, maker.key);
    // Publishing adds no revision: the content did not change.
    expect(published.data.publishPassport).toEqual({ status: 'PUBLISHED', revision: 2 });
    await revise(id, 2, { productName: 'Published lamp 3' });

    const read = await t.gql(REVISIONS, { id }, authority.key);
    expect(read.errors).toBeUndefined();
    const [third, second, first] = read.data.passport.revisions.edges.map((edge: any) => edge.node);
    // Revision 1 was never the published version; 2 was signed when published; 3 was signed when written.
    expect(first).toMatchObject({ status: 'DRAFT', signature: null, signingKeyId: null });
    expect(second).toMatchObject({ status: 'DRAFT', signingKeyId: 'test-signing-key' });
    expect(third).toMatchObject({ status: 'PUBLISHED', signingKeyId: 'test-signing-key' });

    const keySet = createLocalJWKSet(await jwks());
    for (const revision of [second, third]) {
      expect(decodeProtectedHeader(revision.signature)).toEqual({ alg: 'EdDSA', kid: 'test-signing-key', typ: 'passport-revision+jws' });
      const { payload } = await compactVerify(revision.signature, keySet);
      const text = new TextDecoder().decode(payload);
      expect(text).toBe(canonicalJson({ passportId: id, revision: revision.revision, contentHash: revision.contentHash }));
    }
    await expect(compactVerify(second.signature.replace(/\.[^.]+$/, `.${third.signature.split('.')[2]}`), keySet)).rejects.toThrow();
    expect(verifyRevisionChain(await storedHistory(id), await jwks())).toEqual([]);
  });

  it('pages revisions newest first with cursors', async () => {
    const { data } = await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
    const id = data.registerPassport.id;
    for (let revision = 1; revision <= 4; revision++) await revise(id, revision, { productName: `Lamp ${revision + 1}` });
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: any = await t.gql(REVISIONS, { id, first: 2, after }, auditor.key);
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.passport.revisions.edges.map((edge: any) => edge.node.revision));
      after = res.data.passport.revisions.pageInfo.hasNextPage ? res.data.passport.revisions.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
    expect(pages).toBe(3);
    const bad = await t.gql(REVISIONS, { id, first: 2, after: 'not-a-cursor' }, auditor.key);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('reads the revisions of a whole page of passports', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { data } = await t.gql(REGISTER, { i: registerInput({ publish: true, productName: `Batch lamp ${i}` }, maker) }, maker.key);
      ids.push(data.registerPassport.id);
      await revise(data.registerPassport.id, 1, { productName: `Batch lamp ${i} v2` });
    }
    const res = await t.gql(
      `query($m: ID!) { passports(first: 3, filter: { manufacturerId: $m }) { edges { node { id revisions(first: 1) { edges { node { revision productName } } pageInfo { hasNextPage } } } } } }`,
      { m: maker.id },
      auditor.key,
    );
    expect(res.errors).toBeUndefined();
    const byId = new Map(res.data.passports.edges.map((edge: any) => [edge.node.id, edge.node.revisions]));
    ids.forEach((id, i) => {
      expect(byId.get(id)).toEqual({ edges: [{ node: { revision: 2, productName: `Batch lamp ${i} v2` } }], pageInfo: { hasNextPage: true } });
    });
  });

  it('shows revisions to the AUTHORITY tier and the owner only', async () => {
    const { data } = await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
    const id = data.registerPassport.id;
    const other = await t.organization('MANUFACTURER');
    for (const key of [recycler.key, other.key, null]) {
      const res = await t.gql(REVISIONS, { id }, key);
      expect(res.data.passport.revisions).toBeNull();
      expect(res.errors?.[0]).toMatchObject({ path: ['passport', 'revisions'], extensions: { code: 'FORBIDDEN', requiredTier: 'AUTHORITY' } });
    }
    const own = await t.gql(REVISIONS, { id }, maker.key);
    expect(own.errors).toBeUndefined();
    expect(own.data.passport.revisions.edges).toHaveLength(1);
  });

  it('keeps the chain whole and the current revision signed when writers race', async () => {
    for (let round = 0; round < 3; round++) {
      const { data } = await t.gql(REGISTER, { i: registerInput({}, maker) }, maker.key);
      const id = data.registerPassport.id;
      const results = await Promise.all([
        t.gql(REVISE, { i: { passportId: id, expectedRevision: 1, productName: 'Racer A' } }, maker.key),
        t.gql(PUBLISH, { id }, maker.key),
        t.gql(REVISE, { i: { passportId: id, expectedRevision: 1, productName: 'Racer B' } }, maker.key),
      ]);
      expect(results[1].errors).toBeUndefined();
      expect([results[0], results[2]].filter((res) => !res.errors)).toHaveLength(1);
      const history = await storedHistory(id);
      expect(history.map((r) => r.revision)).toEqual([1, 2]);
      expect(history[1].signature).not.toBeNull();
      expect(verifyRevisionChain(history, await jwks())).toEqual([]);
    }
  });

  describe('tampering with stored revisions is detected by verifyRevisionChain, with the place named', () => {
    async function publishedWithThreeRevisions(): Promise<string> {
      const { data } = await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
      const id = data.registerPassport.id;
      await revise(id, 1, { productName: 'Lamp B' });
      await revise(id, 2, { productName: 'Lamp C' });
      expect(verifyRevisionChain(await storedHistory(id), await jwks())).toEqual([]);
      return id;
    }

    it('a changed mass in a stored composition: hash mismatch at that revision', async () => {
      const id = await publishedWithThreeRevisions();
      await t.app
        .get(PrismaService)
        .$executeRawUnsafe(
          `UPDATE "PassportRevision" SET "composition" = jsonb_set("composition", '{components,0,materials,0,massKg}', '0.5') WHERE "passportId" = $1::uuid AND "revision" = 2`,
          id,
        );
      const problems = verifyRevisionChain(await storedHistory(id), await jwks());
      expect(problems).toEqual([expect.objectContaining({ code: 'HASH_MISMATCH', passportId: id, revision: 2, field: 'contentHash' })]);
    });

    it('a changed mass with its hash recomputed: the chain and the signature give it away', async () => {
      const id = await publishedWithThreeRevisions();
      const prisma = t.app.get(PrismaService);
      await prisma.$executeRawUnsafe(`UPDATE "PassportRevision" SET "totalMassKg" = 0.05 WHERE "passportId" = $1::uuid AND "revision" = 2`, id);
      const forged = (await storedHistory(id))[1];
      const { contentHash: _old, signature: _s, signingKeyId: _k, ...content } = forged;
      await prisma.$executeRawUnsafe(
        `UPDATE "PassportRevision" SET "contentHash" = $2 WHERE "passportId" = $1::uuid AND "revision" = 2`,
        id,
        sha256(canonicalJson(content)),
      );
      const problems = verifyRevisionChain(await storedHistory(id), await jwks());
      expect(problems).toEqual([
        expect.objectContaining({ code: 'SIGNATURE_INVALID', passportId: id, revision: 2, field: 'signature' }),
        expect.objectContaining({ code: 'CHAIN_BROKEN', passportId: id, revision: 3, field: 'previousHash' }),
      ]);
    });

    it('a changed signature: signature invalid at that revision', async () => {
      const id = await publishedWithThreeRevisions();
      const prisma = t.app.get(PrismaService);
      const [row] = await prisma.$queryRawUnsafe<{ signature: string }[]>(
        `SELECT "signature" FROM "PassportRevision" WHERE "passportId" = $1::uuid AND "revision" = 3`,
        id,
      );
      const [header, payload, signature] = row.signature.split('.');
      const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
      await prisma.$executeRawUnsafe(
        `UPDATE "PassportRevision" SET "signature" = $2 WHERE "passportId" = $1::uuid AND "revision" = 3`,
        id,
        `${header}.${payload}.${flipped}`,
      );
      const problems = verifyRevisionChain(await storedHistory(id), await jwks());
      expect(problems).toEqual([expect.objectContaining({ code: 'SIGNATURE_INVALID', passportId: id, revision: 3, field: 'signature' })]);
    });

    it('a dropped revision: chain broken at the next one', async () => {
      const id = await publishedWithThreeRevisions();
      await t.app.get(PrismaService).$executeRawUnsafe(`DELETE FROM "PassportRevision" WHERE "passportId" = $1::uuid AND "revision" = 2`, id);
      const problems = verifyRevisionChain(await storedHistory(id), await jwks());
      expect(problems).toEqual([expect.objectContaining({ code: 'CHAIN_BROKEN', passportId: id, revision: 3, field: 'previousHash' })]);
      expect(problems[0].message).toContain('revision 2 is missing');
    });
  });
});
