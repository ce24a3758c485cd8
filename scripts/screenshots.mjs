// Takes the README's screenshots of the web application (docs/web-*.png) with Debian's Chromium and Playwright:
// builds nothing itself (run `npm run build` first), starts the API on a throw-away demo database, opens the three
// views as a person would and saves a PNG of each.   Usage: node scripts/screenshots.mjs
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const adminKey = `screenshots-admin-${Date.now()}-0123456789`;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// A port no other process holds: the system picks it, then the API takes it over.
const port = await new Promise((done) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => done(free));
  });
});
const base = `http://127.0.0.1:${port}`;

const server = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
  cwd: root,
  env: {
    ...process.env,
    DATA_DIR: 'memory://',
    PORT: String(port),
    SEED_DEMO: 'true',
    ADMIN_API_KEY: adminKey,
    LOG_FORMAT: 'text',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    DATABASE_URL: '',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let log = '';
server.stdout.on('data', (chunk) => (log += chunk));
const keys = await new Promise((done, fail) => {
  const timer = setTimeout(() => fail(new Error(`the API did not start:\n${log}`)), 120_000);
  server.stdout.on('data', () => {
    if (!log.includes('GraphQL API ready')) return;
    clearTimeout(timer);
    done(Object.fromEntries([...log.matchAll(/^\s+(MANUFACTURER|RECYCLER)\s.*Bearer (\S+)/gm)].map((m) => [m[1], m[2]])));
  });
});

async function gql(query, variables, key) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A GTIN-13 under `prefix` with its check digit. */
function gtin(prefix, item) {
  const digits = `${prefix}${String(item).padStart(12 - prefix.length, '0')}`;
  const sum = [...digits].reverse().reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 3 : 1), 0);
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

let browser;
try {
  // Manufacturers in a few more regions than the demo's, so that the map shows its colour classes.
  const regions = { CR05: 1, CR12: 2, CR23: 3, CR29: 4, CR36: 6, CR39: 2 };
  let n = 0;
  for (const [corop, models] of Object.entries(regions)) {
    const prefix = `871${String(++n).padStart(4, '0')}`;
    const { createOrganization: org } = await gql(
      'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
      { i: { name: `Heat pump maker ${corop}`, kind: 'MANUFACTURER', corop, gs1CompanyPrefixes: [prefix] } },
      adminKey,
    );
    const { createApiKey: key } = await gql(
      'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }',
      { i: { organizationId: org.id, role: 'MANUFACTURER' } },
      adminKey,
    );
    for (let i = 1; i <= models; i++) {
      const copper = 2 + i;
      const composition = {
        schemaVersion: '1.1',
        unitCount: 500 * i,
        components: [
          {
            key: 'exchanger',
            name: 'Heat exchanger',
            quantity: 1,
            massKg: copper + 4,
            materials: [
              { name: 'Copper tubes', element: 'Cu', massKg: copper },
              { name: 'Aluminium fins', element: 'Al', massKg: 4 },
            ],
            components: [],
          },
          {
            key: 'compressor',
            name: 'Compressor',
            quantity: 1,
            massKg: 10,
            dismantling: { fastening: 'bolted', toolRequired: 'spanner 13 mm' },
            materials: [
              { name: 'Steel', element: 'Fe', massKg: 9 },
              { name: 'Motor windings', element: 'Cu', massKg: 1 },
            ],
            components: [],
          },
        ],
      };
      await gql(
        'mutation($i: RegisterPassportInput!) { registerPassport(input: $i) { id } }',
        {
          i: {
            gtin: gtin(prefix, i),
            productName: `Heat pump model ${corop}-${i}`,
            cluster: 'HEAT_AS_A_SERVICE',
            granularity: 'MODEL',
            composition,
            publish: true,
          },
        },
        key.secret,
      );
    }
  }

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
  const useKey = async (key) => {
    await page.fill('#api-key', key);
    await page.click('.keybox button[type=submit]');
  };

  await page.goto(`${base}/app#/map`);
  await useKey(keys.RECYCLER);
  await page.waitForSelector('#corop-map path.region');
  await page.selectOption('#map-measure', 'el:Cu');
  await page.selectOption('#fact-cluster', 'HEAT_AS_A_SERVICE');
  await page.waitForFunction(() => globalThis.document.querySelectorAll('#map-table tbody tr').length >= 6);
  await page.waitForSelector('#chart-critical');
  await page.hover('#corop-map path[data-code="CR36"]');
  await page.screenshot({ path: join(root, 'docs/web-programme-map.png'), fullPage: true });

  await useKey(keys.MANUFACTURER);
  await page.goto(`${base}/app#/workspace`);
  await page.waitForSelector('#passport-list tbody tr');
  await page.click('#passport-list tbody tr:first-child button');
  await page.waitForSelector('#editor-heading');
  await page.fill('[id="field-/components/0/massKg"]', '999');
  await page.click('#save');
  await page.waitForSelector('.field-error');
  await page.screenshot({ path: join(root, 'docs/web-manufacturer-workspace.png'), fullPage: false });

  await useKey(keys.RECYCLER);
  await page.goto(`${base}/app#/search`);
  await page.fill('#search-value', 'Cu');
  await page.click('#search-submit');
  await page.waitForSelector('#search-results tbody tr');
  await page.click('button.sort[data-column="materialMass"]');
  await page.screenshot({ path: join(root, 'docs/web-recycler-search.png') });
  console.log('saved docs/web-programme-map.png, docs/web-manufacturer-workspace.png, docs/web-recycler-search.png');
} finally {
  await browser?.close();
  server.kill();
}
