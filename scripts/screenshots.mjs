// Takes the README's screenshots of the web application (docs/web-*.png) with Debian's Chromium and Playwright:
// builds nothing itself (run `npm run build` first), starts the API on a throw-away demo database, opens the three
// views as a person would and saves a PNG of each.   Usage: node scripts/screenshots.mjs
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = 3000 + Math.floor(Math.random() * 2000) + 2000;
const base = `http://127.0.0.1:${port}`;

const server = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
  cwd: root,
  env: {
    ...process.env,
    DATA_DIR: 'memory://',
    PORT: String(port),
    SEED_DEMO: 'true',
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

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
  const useKey = async (key) => {
    await page.fill('#api-key', key);
    await page.click('.keybox button[type=submit]');
  };

  await page.goto(`${base}/app#/map`);
  await useKey(keys.RECYCLER);
  await page.waitForSelector('#corop-map path.region');
  await page.waitForSelector('#map-table tbody tr');
  await page.hover('#corop-map path[data-code="CR17"]');
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
  await page.screenshot({ path: join(root, 'docs/web-recycler-search.png'), fullPage: true });
  console.log('saved docs/web-programme-map.png, docs/web-manufacturer-workspace.png, docs/web-recycler-search.png');
} finally {
  await browser.close();
  server.kill();
}
