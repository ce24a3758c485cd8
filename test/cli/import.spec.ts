import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/cli';
import { registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

describe('npm run cli -- import', () => {
  let t: TestApp;
  let url: string;
  let maker: TestOrganization;
  const dir = mkdtempSync(join(tmpdir(), 'registry-cli-import-'));

  beforeAll(async () => {
    t = await TestApp.start();
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    maker = await t.organization('MANUFACTURER');
  });
  afterAll(() => t.close());

  it('uploads a file, prints the counts and the failed rows with their pointers, and exits 1 when a row failed', async () => {
    const rows = [registerInput({}, maker), registerInput({}, maker), { ...registerInput({}, maker), granularity: 'BATCH' }];
    const file = join(dir, 'products.ndjson');
    writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n'));
    const first = await cli('import', file, '--url', url, '--key', maker.key, '--mode', 'UPSERT');
    expect(first.stdout).toContain('3 rows: 2 created, 0 revised, 0 unchanged, 1 failed');
    expect(first.stdout).toMatch(/row 3: \/passport\/batchNumber is required/);
    expect(first.code).toBe(1);

    writeFileSync(
      file,
      rows
        .slice(0, 2)
        .map((row) => JSON.stringify(row))
        .join('\n'),
    );
    const again = await cli('import', file, '--url', url, '--key', maker.key, '--mode', 'UPSERT');
    expect(again.stdout).toContain('2 rows: 0 created, 0 revised, 2 unchanged, 0 failed');
    expect(again.code).toBe(0);
  });

  it('names what is wrong with the command line or the answer', async () => {
    expect((await cli('import', join(dir, 'x.txt'), '--url', url, '--key', maker.key)).code).toBe(2);
    expect((await cli('import', join(dir, 'x.ndjson'), '--url', url, '--key', maker.key, '--mode', 'MERGE')).code).toBe(2);
    const recycler = await t.organization('RECYCLER');
    const file = join(dir, 'one.ndjson');
    writeFileSync(file, JSON.stringify(registerInput({}, maker)));
    const refused = await cli('import', file, '--url', url, '--key', recycler.key);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('FORBIDDEN') });
  });
});
