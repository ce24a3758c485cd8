import { fromExportLine, importContentHash } from '@registry/imports';
import { registerInput } from '../support/factories';
import { uploadNdjson, waitForRun } from '../support/imports';
import { TestApp, type TestOrganization } from '../support/test-app';

const REVISE = 'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }';

/** The passport lines of a passports.ndjson export, and its manifest. */
async function exportOf(t: TestApp, key: string): Promise<{ text: string; lines: any[]; manifest: any }> {
  const res = await t
    .http()
    .get('/exports/passports.ndjson')
    .set('authorization', `Bearer ${key}`)
    .buffer(true)
    .parse((response, done) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => done(null, text));
    });
  expect(res.status).toBe(200);
  const text = res.body as string;
  const parsed = text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  return { text, lines: parsed.filter((line) => !line.manifest), manifest: parsed.find((line) => line.manifest)?.manifest };
}

/** By GTIN and serial: the content hash of what an import restores from the line (its current revision). */
function hashes(lines: any[]): Map<string, string> {
  return new Map(
    lines.map((line) => {
      const input = fromExportLine(line) as any;
      const content = { ...input, serialNumber: input.serialNumber ?? '', batchNumber: input.batchNumber ?? '' };
      return [`${line.gtin}/${line.serialNumber}`, importContentHash(content)];
    }),
  );
}

describe("a manufacturer's own export: backup, and restore into an empty registry", () => {
  let source: TestApp;
  let target: TestApp;
  let maker: TestOrganization;

  beforeAll(async () => {
    [source, target] = await Promise.all([TestApp.start(), TestApp.start()]);
    // The first manufacturer of each registry gets the same GS1 Company Prefix (see TestApp.organization).
    maker = await source.organization('MANUFACTURER');
  });
  afterAll(async () => {
    await Promise.all([source.close(), target.close()]);
  });

  it("exports the caller's passports only, drafts included; re-importing the file restores them with equal content hashes", async () => {
    const other = await source.organization('MANUFACTURER');
    const draft = await source.gql('mutation($i: RegisterPassportInput!) { registerPassport(input: $i) { id } }', { i: registerInput({}, maker) }, maker.key);
    const published = await source.gql(
      'mutation($i: RegisterPassportInput!) { registerPassport(input: $i) { id } }',
      { i: registerInput({ publish: true }, maker) },
      maker.key,
    );
    const batch = registerInput({ granularity: 'BATCH', serialNumber: null, batchNumber: 'B-7', publish: true }, maker) as any;
    batch.composition.unitCount = 500;
    await source.gql('mutation($i: RegisterPassportInput!) { registerPassport(input: $i) { id } }', { i: batch }, maker.key);
    const changed = registerInput({}, maker).composition as any;
    changed.components[0].materials[0].recycledContentPct = 75;
    expect(
      (
        await source.gql(
          REVISE,
          { i: { passportId: published.data.registerPassport.id, expectedRevision: 1, composition: changed, productName: 'Lamp v2' } },
          maker.key,
        )
      ).errors,
    ).toBeUndefined();
    await source.gql('mutation($i: RegisterPassportInput!) { registerPassport(input: $i) { id } }', { i: registerInput({ publish: true }, other) }, other.key);
    expect(draft.errors).toBeUndefined();

    const backup = await exportOf(source, maker.key);
    expect(backup.lines).toHaveLength(3);
    expect(backup.lines.every((line) => line.manufacturer.id === maker.id)).toBe(true);
    expect(backup.lines.map((line) => line.status).sort()).toEqual(['DRAFT', 'PUBLISHED', 'PUBLISHED']);
    expect(backup.manifest).toMatchObject({ export: 'passports.ndjson', count: 3, filters: { manufacturerId: maker.id }, signature: expect.any(String) });
    const refused = await source.http().get(`/exports/passports.ndjson?manufacturerId=${other.id}`).set('authorization', `Bearer ${maker.key}`);
    expect(refused.status).toBe(403);

    // An empty registry, where the same brand owner holds the same prefix: the export file goes in as it is.
    const restoredMaker = await target.organization('MANUFACTURER');
    expect(restoredMaker.prefix).toBe(maker.prefix);
    const upload = await uploadNdjson(target, restoredMaker.key, backup.text, 'mode=CREATE');
    expect(upload.status).toBe(202);
    const run = await waitForRun(target, restoredMaker.key, upload.body.id, 'FAILED');
    expect(run.rows.edges).toEqual([]);
    expect(run.counts).toEqual({ created: 3, revised: 0, unchanged: 0, failed: 0 });

    const restored = await exportOf(target, restoredMaker.key);
    expect(hashes(restored.lines)).toEqual(hashes(backup.lines));
    const statusOf = (lines: any[]) => Object.fromEntries(lines.map((line) => [`${line.gtin}/${line.serialNumber}`, line.status]));
    expect(statusOf(restored.lines)).toEqual(statusOf(backup.lines));

    // Importing the backup again changes nothing.
    const again = await uploadNdjson(target, restoredMaker.key, backup.text, 'mode=UPSERT');
    expect((await waitForRun(target, restoredMaker.key, again.body.id)).counts).toEqual({ created: 0, revised: 0, unchanged: 3, failed: 0 });
  });
});
