// `npm run bench:import -- [--passports=1000] [--chunk=100] [--keep]`
// Imports the generator's realistic products (about 29 components and 78 materials each) through POST /imports
// into a new PostgreSQL database, with validation, element rows, hashes and signatures intact, and prints
// passports/s and material rows/s beside the raw rate of writing the same rows with COPY on the same server.
//
// The database is created on DATABASE_URL's server (default: the local one) as registry_import_bench_<hex> and
// dropped at the end (--keep leaves it). COPY reads files on the server's own disk: run it on the database's host.
import 'reflect-metadata';
import { loadConfig } from '@registry/core';
import type { ClusterCode, Granularity } from '@registry/prisma-client';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createWriteStream, statSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../apps/api/src/create-app';
import { DEFAULT_BENCH_URL } from './bench-config';
import { generateProduct, seededRng } from './product-generator';
import { gql } from './graphql-client';

const CLUSTERS: ClusterCode[] = ['WIND_PARK', 'SOLAR_PV', 'BATTERY', 'HEAT_AS_A_SERVICE', 'HIGH_TECH_EQUIPMENT'];
const ADMIN_KEY = `bench-admin-${randomBytes(12).toString('hex')}`;
/** GTINs 87 + 10 digits fall under this GS1 Company Prefix for the first 99,999 products. */
const PREFIX = '8700000';
/** Tables of passports an import writes, in the order COPY refills them. */
const TABLES = ['Passport', 'PassportRevision', 'PassportComponent', 'PassportMaterial', 'PassportMaterialElement', 'PassportElementTotal'];
/** The first baseline (before issue 13's work): these tables, with their indexes but without foreign keys. */
const PLAIN_TABLES = TABLES.filter((table) => table !== 'PassportMaterialElement');

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
}

function gtin(serial: number): string {
  const body = `87${String(serial).padStart(10, '0')}`;
  const sum = body.split('').reduce((acc, digit, i) => acc + Number(digit) * (i % 2 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** The NDJSON file: one RegisterPassportInput per line, written as it is generated. */
async function writeFile(file: string, passports: number): Promise<void> {
  const rng = seededRng(42);
  const out = createWriteStream(file);
  for (let i = 0; i < passports; i++) {
    const cluster = CLUSTERS[i % CLUSTERS.length];
    const roll = rng();
    const granularity: Granularity = roll < 0.7 ? 'ITEM' : roll < 0.9 ? 'BATCH' : 'MODEL';
    const unitCount = granularity === 'BATCH' ? 20 + Math.floor(rng() * 4980) : granularity === 'MODEL' ? 100 + Math.floor(rng() * 49_900) : null;
    const { productName, document } = generateProduct(rng, cluster, unitCount);
    const line = {
      productName,
      cluster,
      granularity,
      gtin: gtin(i + 1),
      serialNumber: granularity === 'ITEM' ? `S${i + 1}` : null,
      batchNumber: granularity === 'BATCH' ? `B${i + 1}` : null,
      composition: document,
      publish: rng() < 0.9,
    };
    if (!out.write(`${JSON.stringify(line)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function main(): Promise<void> {
  const passports = Number(option('passports') ?? 1000);
  const serverUrl = process.env.DATABASE_URL || DEFAULT_BENCH_URL;
  const name = `registry_import_bench_${randomBytes(4).toString('hex')}`;
  const maintenance = new URL(serverUrl);
  maintenance.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dir = await mkdtemp(join(tmpdir(), 'registry-import-bench-'));
  const file = join(dir, 'passports.ndjson');
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  try {
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: url.toString(),
      MIGRATE_ON_START: 'true',
      ADMIN_API_KEY: ADMIN_KEY,
      RATE_LIMIT_PER_MINUTE: '0',
      SIGNING_KEY: JSON.stringify({ ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }), kid: 'bench' }),
      ...(option('chunk') ? { IMPORT_CHUNK_ROWS: option('chunk') } : {}),
    });
    const app = await createApp({ ...config, seedDemo: false }, { logger: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
    const api = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const org = await gql(`${api}/graphql`, ADMIN_KEY, 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', {
      i: { name: 'Bench manufacturer', kind: 'MANUFACTURER', corop: 'CR17', gs1CompanyPrefixes: [PREFIX] },
    });
    const key = (
      await gql(`${api}/graphql`, ADMIN_KEY, 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', {
        i: { organizationId: org.createOrganization.id, role: 'MANUFACTURER' },
      })
    ).createApiKey.secret as string;

    await writeFile(file, passports);
    const size = statSync(file).size;
    console.log(`${passports} passports, ${(size / 1e6).toFixed(1)} MB of NDJSON; importing through POST /imports ...`);
    const started = performance.now();
    const { createReadStream } = await import('node:fs');
    const { Readable } = await import('node:stream');
    const upload = await fetch(`${api}/imports?mode=CREATE`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson', 'content-length': String(size) },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    if (upload.status !== 202) throw new Error(`upload refused: ${upload.status} ${await upload.text()}`);
    const stored = performance.now();
    let run = (await upload.json()) as { id: string; status: string; counts: Record<string, number> };
    while (run.status !== 'FINISHED' && run.status !== 'FAILED') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      // A fresh connection per poll: the upload's keep-alive connection may be closed under us.
      run = (await (await fetch(`${api}/imports/${run.id}`, { headers: { authorization: `Bearer ${key}`, connection: 'close' } })).json()) as typeof run;
    }
    const seconds = (performance.now() - started) / 1000;
    await app.close();

    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
    const rows: Record<string, number> = {};
    for (const table of TABLES) rows[table] = await count(table);
    // The raw rate: the same rows written back with COPY into empty copies of the tables, from files on the server.
    // Twice: the 5 tables of the first baseline with their indexes only, and all 6 tables the import writes with
    // their indexes and foreign keys (to the copies), as the import writes them.
    await chmod(dir, 0o777);
    for (const table of TABLES) await db.query(`COPY "${table}" TO '${join(dir, `${table}.csv`)}' WITH (FORMAT csv)`);
    const copy = async (prefix: string, tables: string[], foreignKeys: boolean): Promise<number> => {
      let total = 0;
      const perTable: string[] = [];
      for (const table of tables) {
        await db.query(`CREATE TABLE "${prefix}${table}" (LIKE "${table}" INCLUDING DEFAULTS INCLUDING INDEXES)`);
        if (foreignKeys)
          for (const definition of await foreignKeysOf(db, table)) await db.query(`ALTER TABLE "${prefix}${table}" ADD ${copyReferences(definition, prefix)}`);
        const t0 = performance.now();
        await db.query(`COPY "${prefix}${table}" FROM '${join(dir, `${table}.csv`)}' WITH (FORMAT csv)`);
        const tableSeconds = (performance.now() - t0) / 1000;
        perTable.push(`${table} ${tableSeconds.toFixed(2)} s`);
        total += tableSeconds;
      }
      console.log(`${prefix}: ${perTable.join(', ')}`);
      return total;
    };
    const copySeconds = await copy('copy_', PLAIN_TABLES, false);
    const fullCopySeconds = await copy('copyfk_', TABLES, true);
    await db.end();

    const materialRate = rows.PassportMaterial / seconds;
    const copyMaterialRate = rows.PassportMaterial / copySeconds;
    const fullCopyMaterialRate = rows.PassportMaterial / fullCopySeconds;
    console.log(`run ${run.status}: ${JSON.stringify(run.counts)}`);
    console.log(
      `import:  ${seconds.toFixed(1)} s (file stored after ${((stored - started) / 1000).toFixed(1)} s), ${(passports / seconds).toFixed(0)} passports/s, ${materialRate.toFixed(0)} material rows/s`,
    );
    console.log(`rows:    ${TABLES.map((table) => `${table} ${rows[table]}`).join(', ')}`);
    console.log(
      `COPY:    ${copySeconds.toFixed(2)} s for the same rows of the ${PLAIN_TABLES.length} tables ${PLAIN_TABLES.join(', ')} (indexes, no foreign keys), ${(passports / copySeconds).toFixed(0)} passports/s, ${copyMaterialRate.toFixed(0)} material rows/s`,
    );
    console.log(
      `COPY+:   ${fullCopySeconds.toFixed(2)} s for the same rows of all ${TABLES.length} tables (with PassportMaterialElement; indexes and foreign keys), ${(passports / fullCopySeconds).toFixed(0)} passports/s, ${fullCopyMaterialRate.toFixed(0)} material rows/s`,
    );
    console.log(
      `ratio:   ${((100 * materialRate) / copyMaterialRate).toFixed(1)} % of the COPY rate, ${((100 * materialRate) / fullCopyMaterialRate).toFixed(1)} % of the COPY+ rate; peak RSS ${(peakRss / 1e6).toFixed(0)} MB`,
    );
  } finally {
    clearInterval(sampler);
    await rm(dir, { recursive: true, force: true });
    if (!process.argv.includes('--keep')) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** The foreign keys of a table, as `FOREIGN KEY (...) REFERENCES ...` definitions. */
async function foreignKeysOf(db: Client, table: string): Promise<string[]> {
  const result = await db.query(`SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`, [
    `"${table}"`,
  ]);
  return result.rows.map((row: { definition: string }) => row.definition);
}

/** A foreign key pointing at the copy of a table that is copied too (others, e.g. Organization, stay). */
function copyReferences(definition: string, prefix: string): string {
  return definition.replace(/REFERENCES "(\w+)"/, (whole, table: string) => (TABLES.includes(table) ? `REFERENCES "${prefix}${table}"` : whole));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
