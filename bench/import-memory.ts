// `npm run bench:import-memory -- [--passports=1000,5000] [--formats=ndjson,csv,xlsx] [--heap-mb=N] [--write]`
// Peak memory of the API process while it imports the same products as NDJSON, a one-table CSV and an XLSX workbook,
// at each file size given (29 components, 3 of them nested, and 78 materials per product). Each import runs in a
// fresh process that starts the API on a scratch database, uploads the file to POST /imports and waits for the run to
// finish; it samples RSS and the V8 heap every 20 ms. A dry run by default (every row read, assembled and checked,
// nothing written, so the runs do not collide); --write imports them (mode UPSERT). --heap-mb=N caps each process's
// V8 heap (--max-old-space-size): an import whose memory grows with the file fails there, one that is bounded does not
// (peaks without a cap include garbage V8 has not yet collected).
//
// The database is created on DATABASE_URL's server (default: the local one's postgres database) as
// registry_import_memory_<hex> and dropped at the end.
import 'reflect-metadata';
import { loadConfig } from '@registry/core';
import { csvColumns } from '@registry/imports';
import { csvRow } from '@registry/verification';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { createApp } from '../apps/api/src/create-app';
import { gql } from './graphql-client';

const ADMIN_KEY = `bench-admin-${randomBytes(12).toString('hex')}`;
const CONTENT_TYPES: Record<string, string> = {
  ndjson: 'application/x-ndjson',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
}

/** A GTIN-13 under the GS1 Company Prefix `prefix` (7 digits), for up to 99,999 products. */
function gtin(prefix: string, serial: number): string {
  const body = `${prefix}${String(serial).padStart(5, '0')}`;
  const sum = body.split('').reduce((acc, digit, i) => acc + Number(digit) * (i % 2 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

interface Material {
  name: string;
  element: string;
  massKg: number;
  recycledContentPct: number;
}
interface Component {
  key: string;
  parentKey: string;
  name: string;
  quantity: number;
  massKg: number;
  materials: Material[];
}
interface Product {
  key: string;
  productName: string;
  gtin: string;
  unitCount: number;
  productMassKg: number;
  components: Component[];
}

/** Product p: 29 components (c-1 to c-3 inside c-0), 3 materials in each of the first 20 and 2 in the others (78). */
function product(p: number, prefix: string): Product {
  const components: Component[] = [];
  for (let c = 0; c < 29; c++) {
    const materials = c < 20 ? 3 : 2;
    components.push({
      key: `c-${c}`,
      parentKey: c > 0 && c < 4 ? 'c-0' : '',
      name: `Component ${c}`,
      quantity: 1,
      massKg: c === 0 ? 4 : 1,
      materials: Array.from({ length: materials }, (_, m) => ({
        name: `Material ${m}`,
        element: ['Al', 'Cu', 'Fe'][m],
        massKg: c === 0 ? 1 / materials : 1 / materials,
        recycledContentPct: 25,
      })),
    });
  }
  return { key: `p-${p}`, productName: `Product ${p}`, gtin: gtin(prefix, p + 1), unitCount: 100, productMassKg: 29, components };
}

async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

async function end(out: NodeJS.WritableStream & { end(callback: () => void): void }): Promise<void> {
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

/** The document an import assembles from the spreadsheet forms of a product. */
function ndjsonLine(product: Product): string {
  const tree = (parentKey: string): unknown[] =>
    product.components
      .filter((component) => component.parentKey === parentKey)
      .map((component) => ({
        key: component.key,
        name: component.name,
        quantity: component.quantity,
        massKg: component.massKg,
        materials: component.materials,
        components: tree(component.key),
      }));
  return `${JSON.stringify({
    productName: product.productName,
    cluster: 'HIGH_TECH_EQUIPMENT',
    granularity: 'MODEL',
    gtin: product.gtin,
    composition: { schemaVersion: '1.2', productMassKg: product.productMassKg, unitCount: product.unitCount, components: tree('') },
    publish: false,
  })}\n`;
}

async function writeNdjson(path: string, products: number, prefix: string): Promise<void> {
  const out = createWriteStream(path);
  for (let p = 0; p < products; p++) await write(out, ndjsonLine(product(p, prefix)));
  await end(out);
}

async function writeCsv(path: string, products: number, prefix: string): Promise<void> {
  const out = createWriteStream(path);
  const columns = csvColumns('HIGH_TECH_EQUIPMENT').slice(0, 24);
  await write(out, csvRow(columns));
  for (let p = 0; p < products; p++) {
    const { key, productName, gtin, unitCount, productMassKg, components } = product(p, prefix);
    const head = [key, productName, 'HIGH_TECH_EQUIPMENT', 'MODEL', gtin, '', '', String(unitCount), String(productMassKg), 'FALSE', '', '', '', ''];
    for (const component of components) {
      const part = [component.key, component.parentKey, component.name, String(component.quantity), String(component.massKg)];
      for (const material of component.materials) {
        await write(
          out,
          csvRow([...head, ...part, material.name, material.element, '', String(material.massKg), String(material.recycledContentPct)].slice(0, 24)),
        );
      }
    }
  }
  await end(out);
}

async function writeXlsx(path: string, products: number, prefix: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const passports = workbook.addWorksheet('Passports');
  const components = workbook.addWorksheet('Components');
  const materials = workbook.addWorksheet('Materials');
  passports.addRow(['key', 'productName', 'cluster', 'granularity', 'gtin', 'serialNumber', 'batchNumber', 'unitCount', 'productMassKg', 'publish']).commit();
  components.addRow(['passportKey', 'key', 'parentKey', 'name', 'quantity', 'massKg']).commit();
  materials.addRow(['passportKey', 'componentKey', 'name', 'element', 'casNumber', 'massKg', 'recycledContentPct']).commit();
  for (let p = 0; p < products; p++) {
    const item = product(p, prefix);
    passports.addRow([item.key, item.productName, 'HIGH_TECH_EQUIPMENT', 'MODEL', item.gtin, null, null, item.unitCount, item.productMassKg, false]).commit();
    for (const component of item.components) {
      components.addRow([item.key, component.key, component.parentKey || null, component.name, component.quantity, component.massKg]).commit();
      for (const material of component.materials)
        materials.addRow([item.key, component.key, material.name, material.element, null, material.massKg, material.recycledContentPct]).commit();
    }
  }
  await workbook.commit();
}

interface Measurement {
  counts: Record<string, number>;
  status: string;
  idleRss: number;
  storedRss: number;
  peakRss: number;
  peakHeap: number;
  /** Heap in use once the run is over, after a full collection: what the import left behind. */
  heapAfter: number;
  storedSeconds: number;
  seconds: number;
}

/** Child: starts the API on `url`, imports one file and prints its Measurement as JSON. */
async function child(url: string, format: string, path: string, prefix: string, writeRows: boolean): Promise<void> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    MIGRATE_ON_START: 'true',
    ADMIN_API_KEY: ADMIN_KEY,
    RATE_LIMIT_PER_MINUTE: '0',
    SIGNING_KEY: JSON.stringify({ ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }), kid: 'bench' }),
  });
  const app = await createApp({ ...config, seedDemo: false }, { logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  const api = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const org = await gql(`${api}/graphql`, ADMIN_KEY, 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', {
    i: { name: `Memory bench ${randomBytes(4).toString('hex')}`, kind: 'MANUFACTURER', corop: 'CR17', gs1CompanyPrefixes: [prefix] },
  });
  const key = (
    await gql(`${api}/graphql`, ADMIN_KEY, 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', {
      i: { organizationId: org.createOrganization.id, role: 'MANUFACTURER' },
    })
  ).createApiKey.secret as string;

  global.gc?.();
  const idleRss = process.memoryUsage().rss;
  let peakRss = idleRss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const sampler = setInterval(sample, 20);
  const started = performance.now();
  const upload = await fetch(`${api}/imports?mode=UPSERT&dryRun=${!writeRows}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': CONTENT_TYPES[format], 'content-length': String(statSync(path).size) },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (upload.status !== 202) throw new Error(`upload refused: ${upload.status} ${await upload.text()}`);
  sample();
  const storedRss = peakRss;
  const storedSeconds = (performance.now() - started) / 1000;
  let run = (await upload.json()) as { id: string; status: string; counts: Record<string, number> };
  while (run.status !== 'FINISHED' && run.status !== 'FAILED') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    run = (await (await fetch(`${api}/imports/${run.id}`, { headers: { authorization: `Bearer ${key}`, connection: 'close' } })).json()) as typeof run;
  }
  sample();
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  await app.close();
  const measurement: Measurement = { counts: run.counts, status: run.status, idleRss, storedRss, peakRss, peakHeap, heapAfter, storedSeconds, seconds };
  console.log(JSON.stringify(measurement));
}

async function main(): Promise<void> {
  const [mode, url, format, path, prefix] = process.argv.slice(2);
  if (mode === 'child') return child(url, format, path, prefix, process.argv.includes('--write'));
  const sizes = (option('passports') ?? '1000,5000').split(',').map(Number);
  const serverUrl = new URL(process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres');
  const name = `registry_import_memory_${randomBytes(4).toString('hex')}`;
  serverUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${name}`;
  const dir = await mkdtemp(join(tmpdir(), 'registry-import-memory-'));
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
  try {
    console.log(`${process.argv.includes('--write') ? 'import (UPSERT)' : 'dry run'}; memory of the API process (idle after start-up, then peaks)`);
    const heapMb = option('heap-mb');
    console.log(heapMb ? `heap capped at ${heapMb} MB (--max-old-space-size)` : 'heap not capped');
    console.log('| format | passports | file | idle RSS | peak RSS when stored (202) | peak RSS | peak heap | heap after (GC) | stored after | run | counts |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    let run = 0;
    for (const format of (option('formats') ?? 'ndjson,csv,xlsx').split(',')) {
      for (const size of sizes) {
        // Each run its own organization, and so its own GS1 Company Prefix.
        const prefix = `87000${String((run += 1)).padStart(2, '0')}`;
        const path = join(dir, `upload-${size}.${format}`);
        await (format === 'ndjson' ? writeNdjson(path, size, prefix) : format === 'csv' ? writeCsv(path, size, prefix) : writeXlsx(path, size, prefix));
        const args = [__filename, 'child', dbUrl.toString(), format, path, prefix, ...(process.argv.includes('--write') ? ['--write'] : [])];
        const flags = ['--expose-gc', ...(heapMb ? [`--max-old-space-size=${heapMb}`] : [])];
        let output: string;
        try {
          output = execFileSync(process.execPath, [...flags, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
        } catch (error) {
          const stderr = String((error as { stderr?: unknown }).stderr ?? '');
          const reason = /heap out of memory/i.test(stderr) ? 'out of memory' : stderr.trim().split('\n').at(-1);
          console.log(`| ${format} | ${size} | ${mb(statSync(path).size)} | | | | | | | | process failed: ${reason} |`);
          await rm(path);
          continue;
        }
        const m = JSON.parse(output.trim().split('\n').at(-1)!) as Measurement;
        const counts = Object.entries(m.counts)
          .filter(([, n]) => n > 0)
          .map(([outcome, n]) => `${outcome} ${n}`)
          .join(', ');
        console.log(
          `| ${format} | ${size} | ${mb(statSync(path).size)} | ${mb(m.idleRss)} | ${mb(m.storedRss)} | ${mb(m.peakRss)} | ${mb(m.peakHeap)} | ${mb(m.heapAfter)} | ${m.storedSeconds.toFixed(1)} s | ${m.seconds.toFixed(1)} s | ${m.status}: ${counts} |`,
        );
        await rm(path);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
