// `npm run bench:sql -- [--duration=20] [--connections=4] [--only=<scenario>] [--json=<file>]`
// For each recycler query: requests/s and p50/p95/p99 latency of the running API under a fixed number of concurrent
// connections (autocannon), then the same SQL through `pg` at the same concurrency, and the ratio between them.
//
// The API: set GRAPHQL_URL (and ADMIN_API_KEY, to create the benchmark's RECYCLER key) to measure a running one,
// started with RATE_LIMIT_PER_MINUTE=0. Without GRAPHQL_URL the script starts `dist/apps/api/src/main.js` itself on
// DATABASE_URL (default: registry_bench on the local server) and stops it at the end.
import 'reflect-metadata';
import { ELEMENTS, CRITICAL_LISTS } from '@registry/materials';
import { componentsContainingSql, materialInventorySql, readInventoryFilter, readSearchFilter, type SearchReference } from '@registry/search';
import autocannon from 'autocannon';
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DEFAULT_BENCH_URL } from './bench-config';
import { gql, recyclerKey } from './graphql-client';

interface Options {
  url: string;
  graphqlUrl: string | null;
  adminKey: string;
  duration: number;
  connections: number;
  only: string | null;
  json: string | null;
}

interface Latencies {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** One SQL statement as `pg` takes it. */
interface Statement {
  text: string;
  values: unknown[];
}

interface Scenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Checks one answer of the API before the load starts (a benchmark of errors would be meaningless). */
  check(data: any): string | null;
  /** The search SQL the API runs for this query. */
  sql: Statement;
  /** Everything the API reads for one answer: the search, then the batched loads of the page (null: the search alone). */
  fullSql?: (pool: Pool) => Promise<void>;
}

function readOptions(argv: string[]): Options {
  const flag = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  return {
    url: process.env.DATABASE_URL || DEFAULT_BENCH_URL,
    graphqlUrl: process.env.GRAPHQL_URL || null,
    adminKey: process.env.ADMIN_API_KEY || `bench-admin-${randomBytes(12).toString('hex')}`,
    duration: Number(flag('duration') ?? 20),
    connections: Number(flag('connections') ?? 4),
    only: flag('only') ?? null,
    json: flag('json') ?? null,
  };
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

function summarise(latencies: number[], errors: number, seconds: number): Latencies {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

async function startApi(options: Options): Promise<{ url: string; process: ChildProcess | null }> {
  if (options.graphqlUrl) return { url: options.graphqlUrl, process: null };
  const port = 3100 + Math.floor(Math.random() * 900);
  const child = spawn(process.execPath, [join(__dirname, '..', 'apps', 'api', 'src', 'main.js')], {
    env: {
      // The benchmark only reads passports; a throw-away signing key satisfies the server configuration.
      SIGNING_KEY: JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })),
      ...process.env,
      DATABASE_URL: options.url,
      PORT: String(port),
      ADMIN_API_KEY: options.adminKey,
      RATE_LIMIT_PER_MINUTE: '0',
      NODE_ENV: 'production',
      PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (res.ok) return { url, process: child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill();
  throw new Error('the API did not start within 60 s');
}

const reference: SearchReference = {
  isElement: (symbol) => ELEMENTS.some((element) => element.symbol === symbol),
  listElements: (id) => CRITICAL_LISTS.find((list) => list.id === id)?.materials.flatMap((material) => material.elements),
  listIds: () => CRITICAL_LISTS.map((list) => list.id),
};

const HIT_FIELDS = `edges { cursor node { massKgPerProduct passport { id productName } component { key path location dismantling }
  material { name element casNumber massKgPerProduct } } } pageInfo { hasNextPage endCursor }`;
const SEARCH = `query($f: MaterialSearchInput!, $after: String) { componentsContaining(filter: $f, first: 50, after: $after) { ${HIT_FIELDS} } }`;
const INVENTORY = `query($g: InventoryGroupBy!, $e: [String!], $l: String, $c: ClusterCode) {
  materialInventory(groupBy: $g, elements: $e, criticalList: $l, cluster: $c) { group groupLabel element totalMassKg passportCount componentCount productCount } }`;

/** What the API reads after the search for a page of hits: its passports, its components and their materials. */
async function pageLoads(pool: Pool, search: Statement): Promise<void> {
  const hits = (await pool.query<{ passportId: string; componentId: string }>(search.text, search.values)).rows.slice(0, 50);
  const passportIds = [...new Set(hits.map((hit) => hit.passportId))];
  const componentIds = [...new Set(hits.map((hit) => hit.componentId))];
  await Promise.all([
    pool.query('SELECT * FROM "Passport" WHERE "id" = ANY($1::uuid[])', [passportIds]),
    pool.query('SELECT * FROM "PassportComponent" WHERE "id" = ANY($1::uuid[])', [componentIds]),
    pool.query('SELECT * FROM "PassportMaterial" WHERE "componentId" = ANY($1::uuid[]) ORDER BY "position"', [componentIds]),
  ]);
}

async function scenarios(pool: Pool): Promise<Scenario[]> {
  const search = (filter: Record<string, unknown>, after: { massKgPerProduct: number; id: string } | null = null): Statement => {
    const sql = componentsContainingSql(readSearchFilter(filter, reference), after, 51);
    return { text: sql.text, values: sql.values };
  };
  const inventory = (groupBy: 'CLUSTER' | 'COROP' | 'MANUFACTURER', filter: Record<string, unknown>): Statement => {
    const sql = materialInventorySql(groupBy, readInventoryFilter(filter, reference), null);
    return { text: sql.text, values: sql.values };
  };
  // Parameters taken from the data: a page deep into the antimony hits, a busy manufacturer, a product holding Sb.
  const antimony = Number((await pool.query(`SELECT count(*) AS n FROM "PassportMaterial" WHERE "elementSymbol" = 'Sb' AND "status" = 'PUBLISHED'`)).rows[0].n);
  const skip = Math.min(5000, Math.floor(antimony / 2));
  const deep = (
    await pool.query<{ massKgPerProduct: number; id: string }>(
      `SELECT "massKgPerProduct", "id" FROM "PassportMaterial" WHERE "elementSymbol" = 'Sb' AND "status" = 'PUBLISHED'
       ORDER BY "massKgPerProduct" DESC, "id" OFFSET $1 LIMIT 1`,
      [skip],
    )
  ).rows[0];
  const maker = (await pool.query<{ id: string }>(`SELECT "manufacturerId" AS id FROM "Passport" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0];
  const product = (
    await pool.query<{ id: string }>(`SELECT "passportId" AS id FROM "PassportElementTotal" WHERE "elementSymbol" = 'Sb' AND "status" = 'PUBLISHED' LIMIT 1`)
  ).rows[0];
  if (!deep || !maker || !product) throw new Error('the database holds too few passports for the benchmark; run npm run bench:generate first');
  const deepCursor = Buffer.from(JSON.stringify([deep.massKgPerProduct, deep.id])).toString('base64url');
  const page = (data: any) => (data.componentsContaining.edges.length === 50 ? null : `expected 50 hits, got ${data.componentsContaining.edges.length}`);
  const rows = (data: any) => (data.materialInventory.length > 0 ? null : 'no inventory rows');

  const sbFirst = search({ element: 'Sb' });
  const sbDeep = search({ element: 'Sb' }, deep);
  const focus = search({ criticalList: 'NL-CMI-FOCUS' });
  const cas = search({ casNumber: '7429-90-5', cluster: 'SOLAR_PV' });
  const own = search({ element: 'Al', manufacturerId: maker.id });
  return [
    {
      // The floor: what every request costs before any search (HTTP, API key lookup, GraphQL parse and validation).
      name: 'floor: { __typename } with the same key',
      query: 'query { __typename }',
      variables: {},
      check: (data) => (data.__typename === 'Query' ? null : 'unexpected answer'),
      sql: { text: 'SELECT 1', values: [] },
    },
    {
      name: 'componentsContaining element Sb, first 50',
      query: SEARCH,
      variables: { f: { element: 'Sb' } },
      check: page,
      sql: sbFirst,
      fullSql: (p) => pageLoads(p, sbFirst),
    },
    {
      name: `componentsContaining element Sb, first 50 after hit ${skip}`,
      query: SEARCH,
      variables: { f: { element: 'Sb' }, after: deepCursor },
      check: page,
      sql: sbDeep,
      fullSql: (p) => pageLoads(p, sbDeep),
    },
    {
      name: 'componentsContaining criticalList NL-CMI-FOCUS, first 50',
      query: SEARCH,
      variables: { f: { criticalList: 'NL-CMI-FOCUS' } },
      check: page,
      sql: focus,
      fullSql: (p) => pageLoads(p, focus),
    },
    {
      name: 'componentsContaining casNumber 7429-90-5 in SOLAR_PV, first 50',
      query: SEARCH,
      variables: { f: { casNumber: '7429-90-5', cluster: 'SOLAR_PV' } },
      check: page,
      sql: cas,
      fullSql: (p) => pageLoads(p, cas),
    },
    {
      name: 'componentsContaining element Al of one manufacturer, first 50',
      query: SEARCH,
      variables: { f: { element: 'Al', manufacturerId: maker.id } },
      check: page,
      sql: own,
      fullSql: (p) => pageLoads(p, own),
    },
    {
      name: 'materialInventory COROP x NL-CMI-FOCUS, cluster BATTERY',
      query: INVENTORY,
      variables: { g: 'COROP', l: 'NL-CMI-FOCUS', c: 'BATTERY' },
      check: rows,
      sql: inventory('COROP', { criticalList: 'NL-CMI-FOCUS', cluster: 'BATTERY' }),
    },
    {
      name: 'materialInventory CLUSTER x Sb, P, Mg, Ti, Al (all clusters)',
      query: INVENTORY,
      variables: { g: 'CLUSTER', e: ['Sb', 'P', 'Mg', 'Ti', 'Al'] },
      check: rows,
      sql: inventory('CLUSTER', { elements: ['Sb', 'P', 'Mg', 'Ti', 'Al'] }),
    },
    {
      name: 'materialInventory MANUFACTURER x EU-CRMA-2024-CRITICAL, cluster HIGH_TECH_EQUIPMENT',
      query: INVENTORY,
      variables: { g: 'MANUFACTURER', l: 'EU-CRMA-2024-CRITICAL', c: 'HIGH_TECH_EQUIPMENT' },
      check: rows,
      sql: inventory('MANUFACTURER', { criticalList: 'EU-CRMA-2024-CRITICAL', cluster: 'HIGH_TECH_EQUIPMENT' }),
    },
    {
      name: 'passport.components(filter: { element: Sb })',
      query:
        'query($id: ID!) { passport(id: $id) { id productName components(filter: { element: "Sb" }) { key path materials { name element massKgPerProduct } } } }',
      variables: { id: product.id },
      check: (data) => (data.passport.components.length > 0 ? null : 'no components'),
      sql: {
        text: `SELECT c.*, (SELECT json_agg(m ORDER BY m."position") FROM "PassportMaterial" m WHERE m."componentId" = c."id") AS materials
               FROM "PassportComponent" c WHERE c."passportId" = $1 ORDER BY c."position"`,
        values: [product.id],
      },
    },
  ];
}

function loadApi(url: string, key: string, scenario: Scenario, options: Options): Promise<Latencies> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let errors = 0;
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections: options.connections,
        duration: options.duration,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
      },
      (error, result) => (error ? reject(error) : resolve(summarise(latencies, errors + result.non2xx, result.duration))),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else errors++;
    });
  });
}

/** The same number of concurrent workers as the API had connections, each running `work` back to back. */
async function loadSql(work: () => Promise<unknown>, options: Options): Promise<Latencies> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + options.duration * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await work();
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const pool = new Pool({ connectionString: options.url, max: options.connections });
  const api = await startApi(options);
  try {
    const key = await recyclerKey(api.url, options.adminKey);
    const passports = Number((await pool.query('SELECT count(*) AS n FROM "Passport"')).rows[0].n);
    const materials = Number((await pool.query(`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'PassportMaterial'`)).rows[0].n);
    console.log(`# Benchmark: ${passports} passports, about ${materials} material rows; ${options.connections} connections, ${options.duration} s per run`);
    console.log(`# machine: ${cpus().length} x ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; API ${api.url}\n`);
    const results = [];
    for (const scenario of await scenarios(pool)) {
      if (options.only && !scenario.name.includes(options.only)) continue;
      const problem = scenario.check(await gql(api.url, key, scenario.query, scenario.variables));
      if (problem) throw new Error(`${scenario.name}: ${problem}`);
      // Warm-up: caches, JIT and query plans, so that each run measures the steady state.
      await loadApi(api.url, key, scenario, { ...options, duration: 2 });
      const apiRun = await loadApi(api.url, key, scenario, options);
      const sqlRun = await loadSql(() => pool.query(scenario.sql.text, scenario.sql.values), options);
      const fullRun = scenario.fullSql ? await loadSql(() => scenario.fullSql!(pool), options) : null;
      const result = { name: scenario.name, api: apiRun, sql: sqlRun, pageSql: fullRun, ratioP50: apiRun.p50 / sqlRun.p50, ratioP95: apiRun.p95 / sqlRun.p95 };
      results.push(result);
      console.log(`## ${scenario.name}`);
      console.log(
        `  API        ${apiRun.perSecond.toFixed(0).padStart(6)} req/s  p50 ${ms(apiRun.p50)} ms  p95 ${ms(apiRun.p95)} ms  p99 ${ms(apiRun.p99)} ms  (${apiRun.requests} requests, ${apiRun.errors} errors)`,
      );
      console.log(
        `  SQL        ${sqlRun.perSecond.toFixed(0).padStart(6)} q/s    p50 ${ms(sqlRun.p50)} ms  p95 ${ms(sqlRun.p95)} ms  p99 ${ms(sqlRun.p99)} ms`,
      );
      if (fullRun) {
        console.log(
          `  SQL+page   ${fullRun.perSecond.toFixed(0).padStart(6)} q/s    p50 ${ms(fullRun.p50)} ms  p95 ${ms(fullRun.p95)} ms  p99 ${ms(fullRun.p99)} ms  (search, then passports, components, materials of the page)`,
        );
      }
      console.log(
        `  API / SQL  p50 ${result.ratioP50.toFixed(2)}x  p95 ${result.ratioP95.toFixed(2)}x${fullRun ? `   API / SQL+page p95 ${(apiRun.p95 / fullRun.p95).toFixed(2)}x` : ''}\n`,
      );
    }
    if (options.json) writeFileSync(options.json, JSON.stringify({ options: { ...options, adminKey: undefined }, passports, results }, null, 2));
  } finally {
    await pool.end();
    api.process?.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
