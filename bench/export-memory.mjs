// Measures the API process's memory (RSS) while it streams exports of many passports.
//
//   npm run build && node bench/export-memory.mjs [--passports=10000] [--database-url=postgresql://postgres@127.0.0.1:5432/postgres]
//
// Starts the built API (dist/) as a child process on an empty embedded database (or, with --database-url, on a new
// database created on that server and dropped at the end), registers the passports through the GraphQL API (so
// each one is hashed and signed like any other), then samples the child's RSS from /proc every 20 ms while it
// exports: the NDJSON and the CSV, a quarter of the passports and all of them (three times each), and once to a
// client that reads slowly (backpressure). Constant memory shows as peaks that do not grow from 1/4 to 4/4 of the
// data and stay far below the size of the export. Prints a table; nothing is asserted (a measurement, not a test).
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')
    .slice(1)
    .join('=') ?? fallback;
const PASSPORTS = Number(arg('passports', 10_000));
const SERVER_URL = arg('database-url', null);
const MANUFACTURERS = 4;
const ADMIN_KEY = `bench-admin-${randomBytes(12).toString('hex')}`;

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Resident set size of a process, from /proc (Linux). */
function rss(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Samples a process's RSS while `work` runs; returns the work's result and the peak. */
async function sampled(pid, work) {
  let peak = rss(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rss(pid));
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, rss(pid));
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

/** GTIN-13 with a valid check digit. */
function gtin(n) {
  const body = `871${String(n).padStart(9, '0')}`;
  const sum = body.split('').reduce((acc, digit, i) => acc + Number(digit) * (i % 2 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
}

/** A product of 12 components with 3 materials each (about 5 kB of JSON), mass-balanced. */
function composition(n) {
  const components = Array.from({ length: 12 }, (_, c) => ({
    key: `part-${c}`,
    name: `Part ${c} of product ${n}`,
    quantity: 1 + (c % 3),
    massKg: 0.6,
    materials: [
      { name: 'Aluminium alloy EN AW-6063', element: 'Al', casNumber: '7429-90-5', massKg: 0.4, recycledContentPct: (n + c) % 100 },
      { name: 'Copper, "oxygen-free"', element: 'Cu', casNumber: '7440-50-8', massKg: 0.15 },
      { name: 'Antimony in solder', element: 'Sb', massKg: 0.05 },
    ],
    components: [],
  }));
  return { schemaVersion: '1.0', components };
}

async function gql(base, query, variables, key) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data;
}

async function organization(base, kind, name) {
  const org = await gql(
    base,
    'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
    { i: { name, kind, corop: 'CR17' } },
    ADMIN_KEY,
  );
  const id = org.createOrganization.id;
  const role = kind === 'AUTHORITY' ? 'AUDITOR' : kind;
  const key = await gql(base, 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', { i: { organizationId: id, role } }, ADMIN_KEY);
  return { id, key: key.createApiKey.secret };
}

/** Registers passports through GraphQL, 25 mutations per request (several requests in flight on a server). */
async function generate(base, makers) {
  const perRequest = 25;
  let next = 0;
  let done = 0;
  const started = Date.now();
  const worker = async () => {
    while (next < PASSPORTS) {
      const from = next;
      next = Math.min(PASSPORTS, next + perRequest);
      const count = next - from;
      const maker = makers[Math.floor((from / PASSPORTS) * makers.length)];
      const fields = Array.from({ length: count }, (_, i) => `p${i}: registerPassport(input: $i${i}) { id }`).join('\n');
      const declarations = Array.from({ length: count }, (_, i) => `$i${i}: RegisterPassportInput!`).join(', ');
      const variables = Object.fromEntries(
        Array.from({ length: count }, (_, i) => [
          `i${i}`,
          {
            productName: `Bench product ${from + i}`,
            cluster: 'HIGH_TECH_EQUIPMENT',
            granularity: 'ITEM',
            gtin: gtin(100000 + from + i),
            serialNumber: `S-${from + i}`,
            composition: composition(from + i),
            publish: true,
          },
        ]),
      );
      await gql(base, `mutation(${declarations}) { ${fields} }`, variables, maker.key);
      done += count;
      if (done % 1000 < perRequest) process.stderr.write(`  registered ${done}/${PASSPORTS} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  };
  // The embedded database has one connection: parallel requests would only queue (and time out) there.
  await Promise.all(Array.from({ length: SERVER_URL ? 4 : 1 }, worker));
  return (Date.now() - started) / 1000;
}

/** Downloads an export, reading `readDelayMs` late per chunk (a slow client) or as fast as possible. */
function download(url, key, readDelayMs = 0) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    request(url, { headers: { authorization: `Bearer ${key}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`${url}: HTTP ${res.statusCode}`));
      let bytes = 0;
      let lines = 0;
      res.on('data', (chunk) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        if (readDelayMs > 0) {
          res.pause();
          setTimeout(() => res.resume(), readDelayMs);
        }
      });
      res.on('end', () => resolve({ bytes, lines, seconds: (Date.now() - started) / 1000 }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), ADMIN_API_KEY: ADMIN_KEY, SEED_DEMO: 'false', LOG_FORMAT: 'text' };
  let dataDir = null;
  let database = null;
  if (SERVER_URL) {
    database = `registry_export_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const url = new URL(SERVER_URL);
    url.pathname = `/${database}`;
    const signingKey = { ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }), kid: 'bench' };
    Object.assign(env, { DATABASE_URL: url.toString(), MIGRATE_ON_START: 'true', SIGNING_KEY: JSON.stringify(signingKey) });
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'registry-export-bench-'));
    Object.assign(env, { DATA_DIR: dataDir });
    delete env.DATABASE_URL;
  }

  const api = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const cleanup = async () => {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (database) {
      const admin = new pg.Client({ connectionString: SERVER_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    }
  };
  try {
    for (let tries = 0; ; tries++) {
      if (api.exitCode !== null) throw new Error('the API exited at start; run `npm run build` first');
      const ok = await fetch(`${base}/.well-known/jwks.json`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (tries > 300) throw new Error('the API did not start within 150 s');
      await sleep(500);
    }
    console.log(`API pid ${api.pid} on ${SERVER_URL ? 'a PostgreSQL server' : 'the embedded database (PGlite)'}; RSS at start ${mb(rss(api.pid))} MB`);

    const makers = [];
    for (let i = 0; i < MANUFACTURERS; i++) makers.push(await organization(base, 'MANUFACTURER', `Bench maker ${i}`));
    const auditor = await organization(base, 'AUDITOR', 'Bench auditor');
    console.log(`registering ${PASSPORTS} passports (12 components, 36 materials each) through GraphQL ...`);
    const seconds = await generate(base, makers);
    console.log(`registered in ${seconds.toFixed(0)} s; RSS now ${mb(rss(api.pid))} MB`);

    const quarter = `manufacturerId=${makers[0].id}`;
    const runs = [
      ['passports.ndjson', `1/${MANUFACTURERS} of the passports`, `/exports/passports.ndjson?${quarter}`, 0],
      ['passports.ndjson', 'all passports', '/exports/passports.ndjson', 0],
      ['materials.csv', `1/${MANUFACTURERS} of the passports`, `/exports/materials.csv?${quarter}`, 0],
      ['materials.csv', 'all passports', '/exports/materials.csv', 0],
      ['passports.ndjson', 'all, slow client (5 ms pause per chunk)', '/exports/passports.ndjson', 5],
    ];
    // Each export runs three times: a peak is partly the garbage collector's timing, so the largest one counts.
    const rows = [];
    for (const [name, scope, path, delay] of runs) {
      const row = { name, scope, records: 0, size: 0, seconds: 0, before: 0, peak: 0, delta: -Infinity };
      for (let attempt = 0; attempt < (delay > 0 ? 1 : 3); attempt++) {
        await sleep(1000);
        const before = rss(api.pid);
        const { result, peak } = await sampled(api.pid, () => download(`${base}${path}`, auditor.key, delay));
        row.records = result.lines - 1; // without the manifest line (NDJSON) or the header (CSV)
        row.size = result.bytes;
        row.seconds = Math.max(row.seconds, result.seconds);
        if (peak - before > row.delta) Object.assign(row, { before, peak, delta: peak - before });
      }
      rows.push(row);
    }

    console.log('\n| export | scope | lines/rows | size (MB) | slowest (s) | RSS before (MB) | RSS peak (MB) | largest peak - before (MB) |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(`| ${r.name} | ${r.scope} | ${r.records} | ${mb(r.size)} | ${r.seconds.toFixed(1)} | ${mb(r.before)} | ${mb(r.peak)} | ${mb(r.delta)} |`);
    }
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
