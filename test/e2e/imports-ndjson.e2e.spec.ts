import { PrismaService } from '@registry/core';
import { registerInput } from '../support/factories';
import { uploadNdjson, waitForRun } from '../support/imports';
import { TestApp, type TestOrganization } from '../support/test-app';

// Two runs of 1,000 passports: minutes on the embedded database of a busy machine, seconds on a server.
const LARGE_RUN_MS = 300_000;

describe('POST /imports: a streamed NDJSON file as an import run', () => {
  let t: TestApp;
  let maker: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
  });
  afterAll(() => t.close());

  it(
    'imports 997 of 1,000 rows, points into the 3 bad ones, and changes nothing when the file comes again',
    async () => {
      const rows = Array.from({ length: 1000 }, () => registerInput({}, maker) as Record<string, any>);
      rows[9].composition.components[0].massKg = -1;
      rows[499].gtin = registerInput({}).gtin; // under no prefix of the maker
      delete rows[998].productName;
      const file = `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;

      const upload = await uploadNdjson(t, maker.key, file);
      expect(upload.status).toBe(202);
      expect(upload.headers.location).toBe(`/imports/${upload.body.id}`);
      expect(upload.body).toMatchObject({ status: 'QUEUED', mode: 'UPSERT', dryRun: false, totalRows: 1000 });

      const run = await waitForRun(t, maker.key, upload.body.id, 'FAILED', LARGE_RUN_MS);
      expect(run).toMatchObject({ status: 'FINISHED', progress: 1, counts: { created: 997, revised: 0, unchanged: 0, failed: 3 } });
      const failed = run.rows.edges.map((edge: any) => edge.node);
      expect(failed.map((row: any) => row.rowRef)).toEqual(['10', '500', '999']);
      expect(failed[0].violations).toEqual([expect.objectContaining({ path: '/passport/composition/components/0/massKg' })]);
      expect(failed[1].violations).toEqual([expect.objectContaining({ path: '/passport/gtin', keyword: 'gs1CompanyPrefix' })]);
      expect(failed[2].violations).toEqual([expect.objectContaining({ path: '/passport/productName', keyword: 'required' })]);

      const passports = await t.gql('query($m: ID) { passports(filter: { manufacturerId: $m }) { totalCount } }', { m: maker.id }, maker.key);
      expect(passports.data.passports.totalCount).toBe(997);
      const created = await waitForRun(t, maker.key, upload.body.id, 'CREATED', LARGE_RUN_MS);
      expect(created.rows.totalCount).toBe(997);
      expect(created.rows.edges[0].node).toMatchObject({ rowRef: '1', revision: 1, passportId: expect.any(String), violations: [] });

      const again = await uploadNdjson(t, maker.key, file);
      const second = await waitForRun(t, maker.key, again.body.id, null, LARGE_RUN_MS);
      expect(second.counts).toEqual({ created: 0, revised: 0, unchanged: 997, failed: 3 });
      const prisma = t.app.get(PrismaService);
      expect(await prisma.passportRevision.count({ where: { passport: { manufacturerId: maker.id } } })).toBe(997);
    },
    2 * LARGE_RUN_MS,
  );

  it('records the start and the end of each run in the audit log', async () => {
    const upload = await uploadNdjson(t, maker.key, `${JSON.stringify(registerInput({}, maker))}\n`);
    await waitForRun(t, maker.key, upload.body.id);
    const prisma = t.app.get(PrismaService);
    const events = await prisma.auditEvent.findMany({
      where: { action: { in: ['import.started', 'import.finished'] }, details: { path: ['importRunId'], equals: upload.body.id } },
    });
    expect(events.map((event) => event.action).sort()).toEqual(['import.finished', 'import.started']);
    expect(events.find((event) => event.action === 'import.finished')!.details).toMatchObject({ status: 'FINISHED', counts: { created: 1, failed: 0 } });
  });

  it('refuses other keys, other content types and bad parameters before storing anything', async () => {
    const recycler = await t.organization('RECYCLER');
    expect((await uploadNdjson(t, recycler.key, '{}\n')).status).toBe(403);
    const json = await t.http().post('/imports').set('authorization', `Bearer ${maker.key}`).set('content-type', 'text/plain').send('a,b\n');
    expect(json.status).toBe(400);
    expect(json.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ path: 'Content-Type' })] });
    const bad = await uploadNdjson(t, maker.key, '{}\n', 'mode=MERGE&dryRun=maybe');
    expect(bad.body.errors[0].extensions.violations.map((v: any) => v.path)).toEqual(['mode', 'dryRun']);
  });
});
