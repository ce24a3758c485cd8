// `npm run bench:generate -- [--passports=100000] [--seed=1] [--chunk=60] [--reset]`
// Writes a realistic registry into DATABASE_URL (default: the registry_bench database on the local server): creates the
// database if it is missing, applies the migrations, then bulk-loads manufacturers and passports.
import 'reflect-metadata';
import { CompositionValidator, flattenComposition, type CompositionDocument } from '@registry/composition';
import { applyMigrations, MIGRATIONS_DIR, openDatabase } from '@registry/core';
import type { ClusterCode, Granularity, PassportStatus } from '@registry/prisma-client';
import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { DEFAULT_BENCH_URL } from './bench-config';
import { bulkRows, type BulkPassport, writeChunk } from './bulk-writer';
import { generateProduct, type Rng, seededRng } from './product-generator';

const CLUSTERS: ClusterCode[] = ['WIND_PARK', 'SOLAR_PV', 'BATTERY', 'HEAT_AS_A_SERVICE', 'HIGH_TECH_EQUIPMENT'];
const SECTORS = ['24', '25', '26', '27', '28', '29', '30', '33'];

interface Options {
  url: string;
  passports: number;
  manufacturers: number;
  seed: number;
  chunk: number;
  reset: boolean;
}

function readOptions(argv: string[]): Options {
  const flag = (name: string) => argv.find((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`))?.split('=')[1];
  const number = (name: string, fallback: number) => {
    const value = Number(flag(name) ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
    return value;
  };
  return {
    url: process.env.DATABASE_URL || DEFAULT_BENCH_URL,
    passports: number('passports', Number(process.env.BENCH_PASSPORTS ?? 100_000)),
    manufacturers: number('manufacturers', 200),
    seed: number('seed', 1),
    chunk: number('chunk', 60),
    reset: argv.includes('--reset'),
  };
}

async function ensureDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const server = new URL(url);
  server.pathname = '/postgres';
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

async function migrate(url: string): Promise<void> {
  const db = await openDatabase({ url, dataDir: '' });
  try {
    const { applied } = await applyMigrations(db, MIGRATIONS_DIR);
    console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'migrations up to date');
  } finally {
    await db.close();
  }
}

async function reset(pool: Pool, url: string): Promise<void> {
  // A guard against emptying a real registry by mistake: only databases named like a benchmark are reset.
  if (!/bench/i.test(new URL(url).pathname)) throw new Error('--reset only empties a database whose name contains "bench"');
  await pool.query(
    'TRUNCATE "PassportElementTotal", "PassportMaterialElement", "PassportMaterial", "PassportComponent", "PassportRevision", "AuditEvent", "Passport", "ApiKey", "Organization" CASCADE',
  );
  console.log('emptied the registry tables');
}

async function createManufacturers(pool: Pool, rng: Rng, count: number): Promise<{ id: string; corop: string | null }[]> {
  const manufacturers = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    name: `Bench Manufacturer ${String(i + 1).padStart(4, '0')} B.V.`,
    // About 5 % of organizations have not stated their COROP region.
    corop: rng() < 0.05 ? null : `CR${String(1 + Math.floor(rng() * 40)).padStart(2, '0')}`,
    sbiCode: SECTORS[Math.floor(rng() * SECTORS.length)],
  }));
  await pool.query(
    `INSERT INTO "Organization" ("id", "name", "kind", "corop", "sbiCode")
     SELECT u.id, u.name, 'MANUFACTURER', u.corop, u.sbi FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS u(id, name, corop, sbi)`,
    [manufacturers.map((m) => m.id), manufacturers.map((m) => m.name), manufacturers.map((m) => m.corop), manufacturers.map((m) => m.sbiCode)],
  );
  return manufacturers;
}

/** GTIN-13 with its check digit, stored as 14 digits like the API normalises it. */
function gtin14(serial: number): string {
  const body = `87${String(serial).padStart(10, '0')}`;
  const sum = body.split('').reduce((acc, digit, i) => acc + Number(digit) * (i % 2 ? 3 : 1), 0);
  return `0${body}${(10 - (sum % 10)) % 10}`;
}

/** Mirrors the registry's rule: an ITEM is one product; BATCH and MODEL count the document's unitCount, else 1. */
function unitCountOf(granularity: Granularity, document: Record<string, unknown>): number {
  return granularity === 'ITEM' ? 1 : typeof document.unitCount === 'number' ? document.unitCount : 1;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  await ensureDatabase(options.url);
  await migrate(options.url);
  const pool = new Pool({ connectionString: options.url, max: 2 });
  const existing = Number((await pool.query('SELECT count(*) AS n FROM "Passport"')).rows[0].n);
  if (existing > 0 && !options.reset) {
    await pool.end();
    throw new Error(`the database already holds ${existing} passports; pass --reset to start over`);
  }
  if (options.reset) await reset(pool, options.url);

  const rng = seededRng(options.seed);
  const validator = new CompositionValidator();
  const manufacturers = await createManufacturers(pool, rng, options.manufacturers);
  const client = await pool.connect();
  // Benchmark data can be regenerated: do not wait for the WAL flush of every chunk.
  await client.query('SET synchronous_commit = off');

  const started = Date.now();
  const now = Date.now();
  const counts = { passports: 0, components: 0, materials: 0, elements: 0, totals: 0 };
  let pending: Promise<void> = Promise.resolve();
  let nextReport = 0;
  for (let offset = 0; offset < options.passports; offset += options.chunk) {
    const chunk: BulkPassport[] = [];
    for (let i = offset; i < Math.min(offset + options.chunk, options.passports); i++) {
      const cluster = CLUSTERS[i % CLUSTERS.length];
      const roll = rng();
      const granularity: Granularity = roll < 0.7 ? 'ITEM' : roll < 0.9 ? 'BATCH' : 'MODEL';
      const unitCount = granularity === 'BATCH' ? 20 + Math.floor(rng() * 4980) : granularity === 'MODEL' ? 100 + Math.floor(rng() * 49_900) : null;
      const { productName, document } = generateProduct(rng, cluster, unitCount);
      // Every 500th document (and the first 200) goes through the API's own validation, so the data stays realistic.
      if (i < 200 || i % 500 === 0) {
        const violations = validator.validate(document, cluster);
        if (violations.length > 0) throw new Error(`generated document ${i} is invalid: ${JSON.stringify(violations.slice(0, 3))}`);
      }
      const statusRoll = rng();
      const status: PassportStatus = statusRoll < 0.9 ? 'PUBLISHED' : statusRoll < 0.97 ? 'DRAFT' : 'ARCHIVED';
      const manufacturer = manufacturers[Math.floor(rng() * manufacturers.length)];
      chunk.push({
        manufacturerId: manufacturer.id,
        corop: manufacturer.corop,
        cluster,
        granularity,
        gtin: gtin14(i + 1),
        serialNumber: granularity === 'ITEM' ? `S${i + 1}` : '',
        batchNumber: granularity === 'BATCH' ? `B${i + 1}` : '',
        productName,
        status,
        unitCount: unitCountOf(granularity, document),
        createdAt: new Date(now - Math.floor(rng() * 3 * 365 * 86_400_000)),
        document,
        flattened: flattenComposition(document as unknown as CompositionDocument),
      });
    }
    const rows = bulkRows(chunk);
    // The next chunk is generated while this one is written: Node and PostgreSQL each keep one core busy.
    await pending;
    pending = writeChunk(client, rows);
    pending.catch(() => undefined); // reported by the `await pending` above, one chunk later
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += rows.counts[key];
    if (counts.passports >= nextReport || counts.passports === options.passports) {
      const seconds = (Date.now() - started) / 1000;
      const rate = counts.passports / seconds;
      console.log(
        `${counts.passports}/${options.passports} passports, ${counts.materials} materials, ${counts.components} components, ` +
          `${Math.round(rate)} passports/s, ${seconds.toFixed(0)} s elapsed, about ${Math.round((options.passports - counts.passports) / rate)} s to go`,
      );
      nextReport += Math.max(options.chunk, Math.round(options.passports / 40));
    }
  }
  await pending;
  client.release();
  console.log('analysing the tables (planner statistics, visibility map)...');
  await pool.query(
    'VACUUM ANALYZE "Passport", "PassportRevision", "PassportComponent", "PassportMaterial", "PassportMaterialElement", "PassportElementTotal", "Organization"',
  );
  await pool.end();
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `done: ${counts.passports} passports, ${counts.components} components, ${counts.materials} materials, ${counts.elements} element rows, ` +
      `${counts.totals} element totals ` +
      `in ${seconds.toFixed(0)} s (${Math.round(counts.materials / seconds)} material rows/s)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
