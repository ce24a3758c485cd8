import { PrismaService } from '@registry/core';
import { PassportBatchService } from '@registry/passports';
import { Client } from 'pg';
import { registerInput, REGISTER } from '../support/factories';
import { uploadNdjson, waitForRun } from '../support/imports';
import { TestApp, type TestOrganization } from '../support/test-app';

const IMPORT = `mutation($i: ImportPassportsInput!) {
  importPassports(input: $i) { id status mode dryRun totalRows counts { created revised unchanged failed } }
}`;

describe('importPassports: runs of JSON rows, CREATE and UPSERT, dry runs and limits', () => {
  let t: TestApp;
  let maker: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
  });
  afterAll(() => t.close());

  async function runOf(rows: Record<string, unknown>[], mode: 'CREATE' | 'UPSERT', dryRun = false, outcome: string | null = null): Promise<any> {
    const started = await t.gql(IMPORT, { i: { mode, dryRun, rows: rows.map((passport, i) => ({ rowRef: `r${i + 1}`, passport })) } }, maker.key);
    expect(started.errors).toBeUndefined();
    expect(started.data.importPassports).toMatchObject({ status: 'QUEUED', mode, dryRun, totalRows: rows.length });
    return waitForRun(t, maker.key, started.data.importPassports.id, outcome);
  }

  it('UPSERT revises a passport whose content changed and leaves the others; CREATE refuses an existing identity with its id', async () => {
    const a = registerInput({}, maker);
    const b = registerInput({ publish: true }, maker);
    const first = await runOf([a, b], 'UPSERT', false, 'CREATED');
    expect(first.counts).toEqual({ created: 2, revised: 0, unchanged: 0, failed: 0 });
    const [idA, idB] = first.rows.edges.map((edge: any) => edge.node.passportId);

    const changed = structuredClone(b) as any;
    changed.composition.components[0].materials[0].recycledContentPct = 80;
    const second = await runOf([a, changed], 'UPSERT', false);
    expect(second.counts).toEqual({ created: 0, revised: 1, unchanged: 1, failed: 0 });
    expect(second.rows.edges.map((edge: any) => edge.node)).toEqual([
      expect.objectContaining({ rowRef: 'r1', outcome: 'UNCHANGED', passportId: idA, revision: 1 }),
      expect.objectContaining({ rowRef: 'r2', outcome: 'REVISED', passportId: idB, revision: 2 }),
    ]);
    // The revision went through the usual write path: hashed, chained, signed (the passport is published).
    const history = await t.gql(
      'query($id: ID!) { passport(id: $id) { status revisions(first: 5) { edges { node { revision contentHash previousHash signature } } } } }',
      { id: idB },
      maker.key,
    );
    const [r1, r2] = history.data.passport.revisions.edges.map((edge: any) => edge.node).sort((x: any, y: any) => x.revision - y.revision);
    expect(r2).toMatchObject({ previousHash: r1.contentHash, signature: expect.any(String) });

    const third = await runOf([a], 'CREATE', false, 'FAILED');
    expect(third.counts.failed).toBe(1);
    expect(third.rows.edges[0].node).toMatchObject({
      outcome: 'FAILED',
      passportId: idA,
      violations: [expect.objectContaining({ path: '/passport/gtin', keyword: 'conflict' })],
    });
  });

  it('a dry run reports what the rows would do and writes nothing', async () => {
    const rows = [registerInput({}, maker), registerInput({ productName: '' }, maker)];
    const run = await runOf(rows, 'CREATE', true);
    expect(run).toMatchObject({ dryRun: true, counts: { created: 1, revised: 0, unchanged: 0, failed: 1 } });
    const found = await t.gql('query($g: String) { passports(filter: { gtin: $g }) { totalCount } }', { g: rows[0].gtin }, maker.key);
    expect(found.data.passports.totalCount).toBe(0);
  });

  it('one identity twice in a file: the second row sees the first (UPSERT leaves it unchanged, CREATE fails it)', async () => {
    const a = registerInput({}, maker);
    expect((await runOf([a, a], 'UPSERT')).counts).toEqual({ created: 1, revised: 0, unchanged: 1, failed: 0 });
    const b = registerInput({}, maker);
    expect((await runOf([b, b], 'CREATE')).counts).toEqual({ created: 1, revised: 0, unchanged: 0, failed: 1 });
  });

  it('refuses more than 1,000 rows per call, and keys of other kinds', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => ({
      rowRef: String(i),
      passport: { productName: 'x', cluster: 'BATTERY', granularity: 'MODEL', gtin: '1', composition: {} },
    }));
    const tooMany = await t.gql(IMPORT, { i: { rows } }, maker.key);
    expect(tooMany.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      violations: [expect.objectContaining({ path: 'input.rows', keyword: 'maxItems' })],
    });
    const recycler = await t.organization('RECYCLER');
    const refused = await t.gql(IMPORT, { i: { rows: rows.slice(0, 1) } }, recycler.key);
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('a run is visible to its organization only', async () => {
    const run = await runOf([registerInput({}, maker)], 'CREATE', true);
    const other = await t.organization('MANUFACTURER');
    const seen = await t.gql('query($id: ID!) { importRun(id: $id) { id } }', { id: run.id }, other.key);
    expect(seen.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('registerPassport still registers one passport through the shared write path', async () => {
    const res = await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
    expect(res.errors).toBeUndefined();
    const prisma = t.app.get(PrismaService);
    expect(await prisma.passportComponent.count({ where: { passportId: res.data.registerPassport.id } })).toBeGreaterThan(0);
  });
});

describe('an import run interrupted by a stopped database', () => {
  let t: TestApp;
  let maker: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start({ importChunkRows: 20, importLeaseSeconds: 2 });
    maker = await t.organization('MANUFACTURER');
  });
  afterAll(() => t.close());

  it('leaves whole passports only, each with its outcome, and is resumed to the end from its first unprocessed row', async () => {
    const prisma = t.app.get(PrismaService);
    const rows = Array.from({ length: 200 }, () => JSON.stringify(registerInput({}, maker)));
    const stopDatabase = await databaseStopper(t);
    const upload = await uploadNdjson(t, maker.key, rows.join('\n'));
    expect(upload.status).toBe(202);
    const runId: string = upload.body.id;

    // Stop the database once some chunks have landed.
    for (let i = 0; i < 400 && (await prisma.importRow.count({ where: { runId } })) < 20; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    await stopDatabase();

    const outcomes = await prisma.importRow.count({ where: { runId, outcome: 'CREATED' } });
    const passports = await prisma.passport.findMany({
      where: { manufacturerId: maker.id },
      include: { _count: { select: { revisions: true, components: true } } },
    });
    expect(outcomes).toBeLessThan(200);
    // Every passport written has its revision, its rows and its outcome; nothing else was written.
    expect(passports).toHaveLength(outcomes);
    for (const passport of passports) expect(passport._count).toEqual({ revisions: 1, components: 3 });
    const run = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe('RUNNING');

    // Its lease expires; the instance resumes it at the first row without an outcome.
    const finished = await waitForRun(t, maker.key, runId);
    expect(finished).toMatchObject({ status: 'FINISHED', counts: { created: 200, revised: 0, unchanged: 0, failed: 0 } });
    expect(await prisma.passport.count({ where: { manufacturerId: maker.id } })).toBe(200);
    expect(await prisma.importRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ attempts: 2 });
  });
});

/**
 * Stops the database under the running app and brings it back a moment later. On a PostgreSQL server: refuses
 * new connections and ends the app's ones. On the embedded database (a single in-process connection that cannot
 * be cut from outside) the third chunk fails in the middle of its transaction, after its passports were written,
 * as a lost connection would make it fail; stopping then waits for that failure.
 */
async function databaseStopper(t: TestApp): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const batch = t.app.get(PassportBatchService);
    const write = batch.write.bind(batch);
    let writes = 0;
    let failed = () => undefined as void;
    const failure = new Promise<void>((resolve) => (failed = resolve));
    batch.write = (caller, rows, also) =>
      write(caller, rows, async (tx, written) => {
        if (++writes === 3) {
          failed();
          throw new Error('Connection terminated unexpectedly');
        }
        await also?.(tx, written);
      });
    return () => failure;
  }
  const [{ name }] = await t.app.get(PrismaService).$queryRawUnsafe<{ name: string }[]>('SELECT current_database() AS name');
  return async () => {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    await admin.end();
  };
}
