import { DATABASE, type Database, repositoryRoot } from '@registry/core';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { cli } from '../support/cli';
import { lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const REVISE = 'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }';

const readLines = (file: string) => readFileSync(file, 'utf8').split('\n').slice(0, -1);
const writeLines = (file: string, lines: string[]) => writeFileSync(file, lines.map((line) => `${line}\n`).join(''));

describe('npm run cli -- export / verify', () => {
  let t: TestApp;
  let url: string;
  let maker: TestOrganization;
  let auditor: TestOrganization;
  const dir = mkdtempSync(join(tmpdir(), 'registry-cli-'));
  const exported = join(dir, 'passports.ndjson');
  const passports: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    maker = await t.organization('MANUFACTURER');
    auditor = await t.organization('AUDITOR');
    for (let i = 0; i < 4; i++) {
      const res = await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
      passports.push(res.data.registerPassport.id);
    }
    const changed = lampComposition();
    changed.components[0].materials[0].recycledContentPct = 75;
    expect((await t.gql(REVISE, { i: { passportId: passports[0], expectedRevision: 1, composition: changed } }, maker.key)).errors).toBeUndefined();
    passports.sort();

    const result = await cli('export', '--url', url, '--key', auditor.key, '--out', exported);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stderr).toContain('Exported 4 passports');
  });
  afterAll(() => t.close());

  /** A copy of the export with `change` applied to its lines. */
  const tampered = (name: string, change: (lines: string[]) => string[]) => {
    const file = join(dir, name);
    writeLines(file, change(readLines(exported)));
    writeFileSync(`${file}.jwks.json`, readFileSync(`${exported}.jwks.json`));
    return file;
  };
  const passportLine = (lines: string[], index: number) => JSON.parse(lines[index]);

  it('verifies an untouched export: chains, signatures and manifest', async () => {
    expect(readLines(exported)).toHaveLength(5);
    const result = await cli('verify', exported);
    expect(result.stdout).toContain('OK: 4 passports, 5 revisions (hash chains intact, 5 signatures valid)');
    expect(result.stdout).toMatch(/Manifest: passports\.ndjson as of .*, count 4, SHA-256 [0-9a-f]{64}, signed by http.* with key test-signing-key\./);
    expect(result.code).toBe(0);
  });

  it('verifies from a build without loading Nest, Prisma or any library but @registry/verification', () => {
    const root = repositoryRoot();
    const build = join(dir, 'build');
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--out', build], { cwd: root, stdio: 'pipe' });
    // The build resolves its packages from the folder above it, as dist/ does from the repository.
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const loadsFile = join(dir, 'loads.json');
    const run = spawnSync(
      process.execPath,
      ['--require', join(root, 'test', 'cli', 'record-loads.cjs'), join(build, 'apps', 'cli', 'src', 'main.js'), 'verify', exported],
      {
        cwd: root,
        env: { ...process.env, RECORD_LOADS_TO: loadsFile },
        encoding: 'utf8',
      },
    );
    expect(run.stdout).toContain('OK: 4 passports, 5 revisions');
    expect(run.status).toBe(0);

    const loads = JSON.parse(readFileSync(loadsFile, 'utf8')) as string[];
    const frameworks = loads.filter((load) => /@nestjs|@prisma|prisma-client|generated[\\/]prisma/.test(load));
    expect(frameworks).toEqual([]);
    // Of the compiled sources, only the CLI itself and the verification library.
    const compiled = loads.filter((load) => load.startsWith(build + sep)).map((load) => relative(build, load).split(sep).slice(0, 2).join('/'));
    expect([...new Set(compiled)].sort()).toEqual(['apps/cli', 'libs/verification']);
  });

  it('detects a changed mass and names the line, passport, revision and field', async () => {
    const file = tampered('mass.ndjson', (lines) => {
      const passport = passportLine(lines, 2);
      passport.revisions[0].composition.components[0].materials[0].massKg = 0.09;
      lines[2] = JSON.stringify(passport);
      return lines;
    });
    const result = await cli('verify', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`line 3 · passport ${passports[2]} · revision 1 · contentHash: contentHash`);
    expect(result.stdout).toContain('[HASH_MISMATCH]');
    expect(result.stdout).toContain('line 5 · manifest.sha256:');
    expect(result.stdout).toContain('2 problems found.');
  });

  it('detects a forged signature', async () => {
    const file = tampered('signature.ndjson', (lines) => {
      const passport = passportLine(lines, 1);
      const [header, payload, signature] = passport.revisions[0].signature.split('.');
      const forged = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
      passport.revisions[0].signature = [header, payload, forged].join('.');
      lines[1] = JSON.stringify(passport);
      return lines;
    });
    const result = await cli('verify', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `line 2 · passport ${passports[1]} · revision 1 · signature: the signature does not verify with key test-signing-key [SIGNATURE_INVALID]`,
    );
  });

  it('detects a removed line, in the middle or at the end', async () => {
    const middle = await cli(
      'verify',
      tampered('removed.ndjson', (lines) => lines.filter((_, i) => i !== 1)),
    );
    expect(middle.code).toBe(1);
    expect(middle.stdout).toContain(
      `line 2 · passport ${passports[2]} · sequence: passport #3 follows passport #1: 1 passport line(s) are missing before this one [SEQUENCE]`,
    );
    expect(middle.stdout).toContain('line 4 · manifest.count: the manifest counts 4 passports, the file has 3');

    const last = await cli(
      'verify',
      tampered('removed-last.ndjson', (lines) => lines.filter((_, i) => i !== 3)),
    );
    expect(last.code).toBe(1);
    expect(last.stdout).toContain('manifest.count: the manifest counts 4 passports, the file has 3');
  });

  it('detects a removed revision, a changed manifest and a cut-off file', async () => {
    const revision = await cli(
      'verify',
      tampered('revision.ndjson', (lines) => {
        const index = lines.findIndex((line) => JSON.parse(line).revisions?.length === 2);
        const passport = passportLine(lines, index);
        passport.revisions.shift();
        lines[index] = JSON.stringify(passport);
        return lines;
      }),
    );
    expect(revision.code).toBe(1);
    expect(revision.stdout).toMatch(/revision 2 · previousHash: the chain is broken: revision 1 is missing \[CHAIN_BROKEN\]/);

    const manifest = await cli(
      'verify',
      tampered('manifest.ndjson', (lines) => {
        const line = JSON.parse(lines[4]);
        line.manifest.filters = { cluster: 'BATTERY' };
        lines[4] = JSON.stringify(line);
        return lines;
      }),
    );
    expect(manifest.stdout).toContain('line 5 · manifest.signature: the signature is valid but was made over other manifest values');

    const cut = await cli(
      'verify',
      tampered('cut.ndjson', (lines) => lines.slice(0, 2)),
    );
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain('file · the file has no manifest line: it is truncated, or not an export of the registry [NO_MANIFEST]');
  });

  it('detects a revision tampered with in the database, in the export that follows', async () => {
    const victim = passports[3];
    await t.app
      .get<Database>(DATABASE)
      .query(
        `UPDATE "PassportRevision" SET composition = jsonb_set(composition, '{components,0,materials,0,massKg}', '0.07') WHERE "passportId" = $1 AND revision = 1`,
        [victim],
      );
    const file = join(dir, 'after-db-tamper.ndjson');
    expect((await cli('export', '--url', url, '--key', auditor.key, '--out', file)).code).toBe(0);
    const result = await cli('verify', file);
    expect(result.code).toBe(1);
    // The manifest is sound (the registry exported what it holds); the revision's own hash gives it away.
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringContaining(`line 4 · passport ${victim} · revision 1 · contentHash:`),
      expect.stringContaining('1 problem found.'),
    ]);
  });

  it('exports the materials CSV with its manifest and verifies it; a changed cell is found', async () => {
    const csv = join(dir, 'materials.csv');
    const exportResult = await cli('export', '--url', url, '--key', auditor.key, '--format', 'csv', '--cluster', 'HIGH_TECH_EQUIPMENT', '--out', csv);
    expect(exportResult.code).toBe(0);
    expect(exportResult.stderr).toContain('Exported the materials of 4 passports');
    const ok = await cli('verify', csv);
    expect(ok.stdout).toContain(`${csv}: OK: 28 material rows.`);
    expect(ok.code).toBe(0);

    writeFileSync(csv, readFileSync(csv, 'utf8').replace(',0.079,', ',0.08,'));
    const changed = await cli('verify', csv);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain("file · manifest.sha256: the manifest's SHA-256");
  });

  it('explains command-line mistakes and refused keys', async () => {
    const noJwks = join(dir, 'no-jwks.ndjson');
    writeFileSync(noJwks, readFileSync(exported));
    expect(await cli('verify', noJwks)).toMatchObject({ code: 2, stderr: expect.stringContaining('pass --jwks <file or URL>') });
    const withUrl = await cli('verify', noJwks, '--jwks', `${url}/.well-known/jwks.json`);
    expect(withUrl.code).toBe(0);

    expect(await cli('export', '--url', url)).toMatchObject({ code: 2, stderr: expect.stringContaining('--key') });
    expect(await cli('export', '--url', url, '--key', auditor.key, '--format', 'xml')).toMatchObject({ code: 2 });
    expect(await cli('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown command') });
    // A MANUFACTURER key exports its own passports.ndjson, but not materials.csv (auditors only).
    const refused = await cli('export', '--url', url, '--key', maker.key, '--format', 'csv', '--out', join(dir, 'refused.csv'));
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('Export failed: FORBIDDEN') });
    const badFilter = await cli('export', '--url', url, '--key', auditor.key, '--cluster', 'MOON');
    expect(badFilter).toMatchObject({ code: 1, stderr: expect.stringContaining('BAD_USER_INPUT: Invalid export parameters: cluster must be one of') });
  });
});
