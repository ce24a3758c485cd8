import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { newGtin, REGISTER, registerInput } from '../support/factories';
import { TestApp } from '../support/test-app';
import { launchChromium, listen, openPage, useKey } from './chromium';

// The callbacks given to page.evaluate run in the browser, where these exist (the project's types are Node's alone).
declare const document: any, window: any, sessionStorage: any, localStorage: any;

const INVENTORY = `query { materialInventory(groupBy: COROP, elements: ["Cu"]) { group totalMassKg } }`;
const INSTALLED_INVENTORY = `query { materialInventory(groupBy: INSTALLED_COROP, elements: ["Cu"]) { group totalMassKg } }`;
const RECORD = 'mutation($i: RecordLifecycleEventInput!) { recordLifecycleEvent(input: $i) { sequence } }';

/** The map's regions and the legend's colour classes (the last legend entry is "no data"). */
async function mapColours(page: Page) {
  const regions = await page.$$eval('#corop-map path.region', (paths) =>
    paths.map((path) => ({ code: path.getAttribute('data-code')!, fill: path.getAttribute('fill')!, d: path.getAttribute('d')! })),
  );
  const legend = await page.$$eval('#map-legend li', (items) =>
    items.map((item) => ({
      colour: item.getAttribute('data-colour')!,
      min: Number(item.getAttribute('data-min')),
      max: Number(item.getAttribute('data-max')),
    })),
  );
  const classes = legend.slice(0, -1);
  const classOf = (mass: number) => classes.findIndex((c, i) => mass >= c.min && (mass < c.max || i === classes.length - 1));
  return { regions, legend, classes, noData: legend[legend.length - 1].colour, classOf, fillOf: (code: string) => regions.find((r) => r.code === code)!.fill };
}

/** Each region's colour is the legend's class holding the API's mass for it; regions without any are "no data". */
function expectColoursFollow(colours: Awaited<ReturnType<typeof mapColours>>, massOf: Map<string, number>): void {
  for (const region of colours.regions) {
    const mass = massOf.get(region.code);
    expect({ code: region.code, fill: region.fill }).toEqual({
      code: region.code,
      fill: mass ? colours.classes[colours.classOf(mass)].colour : colours.noData,
    });
  }
}

/** The table beside the map: region code and mass per row, in the order shown. */
async function mapTable(page: Page): Promise<[string, number][]> {
  return page.$$eval('#map-table tbody tr', (trs) =>
    trs.map((tr): [string, number] => [tr.getAttribute('data-code')!, Number(tr.querySelector('td')!.getAttribute('data-mass'))]),
  );
}

/** Every control a keyboard can reach in the page as it is, each marked with data-kb so the test can find it again. */
async function markControls(page: Page): Promise<number> {
  return page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
    const controls = [...document.querySelectorAll(selector)].filter((element: any) => element.getClientRects().length > 0);
    controls.forEach((element: any, i: number) => element.setAttribute('data-kb', String(i)));
    return controls.length;
  });
}

/** Presses Tab from the top of the page until focus has come round, and answers which marked controls it reached. */
async function tabThrough(page: Page, count: number): Promise<Set<string>> {
  await page.evaluate(() => document.activeElement?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  const reached = new Set<string>();
  for (let i = 0; i < count * 2 + 5; i++) {
    await page.keyboard.press('Tab');
    const mark = await page.evaluate(() => document.activeElement?.getAttribute('data-kb') ?? null);
    if (mark !== null) reached.add(mark);
    if (reached.size === count) break;
  }
  return reached;
}

describe('the web application at /app in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    if (!existsSync(join(process.cwd(), 'dist/web/index.html')))
      throw new Error('dist/web is missing: run `npm run build` first (it builds the web application)');
    t = await TestApp.start({ anonymousRateLimitPerMinute: 0, rateLimitPerMinute: 0 });
    baseUrl = await listen(t);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('is served under a strict Content-Security-Policy with no inline script', async () => {
    const response = await t.http().get('/app');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await t.http().get('/app/../package.json')).status).toBe(404);
    expect((await t.http().get('/app/%2e%2e/package.json')).status).toBe(404);
    expect((await t.http().get('/app/assets/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await t.http().get('/app/src/main.tsx')).status).toBe(404);
    const boundaries = await t.http().get('/app/geo/coropgebied_2024.topojson');
    expect(boundaries.status).toBe(200);
    expect(boundaries.headers['content-type']).toMatch(/^application\/json/);
    expect(readFileSync(join(process.cwd(), 'dist/web/geo/coropgebied_2024.topojson'), 'utf8')).toContain('"CR40"');
  });

  it('draws the 40 COROP regions with colours that follow the API figures, a legend, hover values and a table', async () => {
    // A seeded dataset: manufacturers in four regions with 1, 2, 3 and 5 published lamps (copper in each).
    const seeded: Record<string, number> = { CR01: 1, CR23: 2, CR39: 3, CR17: 5 };
    const recycler = await t.organization('RECYCLER');
    for (const [corop, lamps] of Object.entries(seeded)) {
      const maker = await t.organization('MANUFACTURER', { corop });
      for (let i = 0; i < lamps; i++) {
        const registered = await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
        expect(registered.errors).toBeUndefined();
      }
    }
    const rows = (await t.gql(INVENTORY, {}, recycler.key)).data.materialInventory as { group: string; totalMassKg: number }[];
    const massOf = new Map(rows.map((row) => [row.group, row.totalMassKg]));
    expect([...massOf.keys()].sort()).toEqual(['CR01', 'CR17', 'CR23', 'CR39']);

    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${baseUrl}/app#/map`);
    // Without a key the map says which key it needs; a recycler's key shows every manufacturer's published passports.
    await page.waitForSelector('#map-needs-key');
    await useKey(page, recycler.key);
    await page.waitForSelector('#corop-map path.region');
    await page.selectOption('#map-measure', 'el:Cu');
    await page.waitForFunction(() => document.querySelectorAll('#map-table tbody tr').length === 4);

    const colours = await mapColours(page);
    const { regions, legend, classes, fillOf } = colours;
    expect(regions).toHaveLength(40);
    expect(new Set(regions.map((region) => region.code))).toEqual(new Set(Array.from({ length: 40 }, (_, i) => `CR${String(i + 1).padStart(2, '0')}`)));
    for (const region of regions) expect(region.d.length).toBeGreaterThan(20);
    expect(legend).toHaveLength(6);
    expectColoursFollow(colours, massOf);
    expect(await page.locator('#map-legend-title').innerText()).toBe("Mass (kg) by the manufacturer's region");
    // More copper, a darker class: 5 lamps in the darkest, 1 lamp in a lighter one than 3 lamps.
    expect(fillOf('CR17')).toBe(classes[classes.length - 1].colour);
    expect(classes.findIndex((c) => c.colour === fillOf('CR01'))).toBeLessThan(classes.findIndex((c) => c.colour === fillOf('CR39')));

    // The value of a region on hover, and the same figures in the table.
    await page.hover('#corop-map path[data-code="CR39"]');
    const tooltip = await page.locator('#map-tooltip').innerText();
    expect(tooltip).toContain('Zuid-Limburg (CR39)');
    expect(tooltip).toContain(new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 4 }).format(massOf.get('CR39')!));
    const table = await mapTable(page);
    expect(table.map(([code]) => code)).toEqual(['CR17', 'CR39', 'CR23', 'CR01']);
    for (const [code, mass] of table) expect(mass).toBeCloseTo(massOf.get(code)!, 9);

    // The fact sheet of the cluster: five published lamps' worth and more, by status.
    await page.waitForSelector('#chart-status g[data-label="Published"]');
    expect(Number(await page.getAttribute('#chart-status g[data-label="Published"]', 'data-value'))).toBe(11);
    // In Dutch, too.
    await page.selectOption('#language', 'nl');
    await page.waitForSelector('h1:text("Programmakaart")');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('colours the map by installed region from the last INSTALLED lifecycle event, and says so in the legend and table', async () => {
    // A manufacturer in CR17 whose lamps were installed elsewhere: the first moved from CR03 to CR30, one more in CR30,
    // one in CR08, and one never installed.
    const maker = await t.organization('MANUFACTURER', { corop: 'CR17' });
    const recycler = await t.organization('RECYCLER');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key)).data.registerPassport.id);
    const installs: [string, string, string][] = [
      [ids[0], 'CR03', '2025-01-01T00:00:00Z'],
      [ids[0], 'CR30', '2025-06-01T00:00:00Z'],
      [ids[1], 'CR30', '2025-03-01T00:00:00Z'],
      [ids[2], 'CR08', '2025-04-01T00:00:00Z'],
    ];
    for (const [passportId, corop, occurredAt] of installs) {
      const recorded = await t.gql(RECORD, { i: { passportId, type: 'INSTALLED', corop, occurredAt } }, maker.key);
      expect(recorded.errors).toBeUndefined();
    }
    const rows = (await t.gql(INSTALLED_INVENTORY, {}, recycler.key)).data.materialInventory as { group: string; totalMassKg: number }[];
    const massOf = new Map(rows.map((row) => [row.group, row.totalMassKg]));
    expect([...massOf.keys()].sort()).toEqual(['(not installed)', 'CR08', 'CR30']);
    expect(massOf.get('CR30')).toBeCloseTo(2 * massOf.get('CR08')!, 9);

    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${baseUrl}/app#/map`);
    await useKey(page, recycler.key);
    await page.waitForSelector('#corop-map path.region');
    await page.selectOption('#map-measure', 'el:Cu');
    await page.waitForFunction(() => document.querySelector('#map-table tbody tr[data-code="CR17"]'));
    await page.selectOption('#map-basis', 'INSTALLED_COROP');
    await page.waitForFunction(
      () => document.querySelector('#map-table tbody tr[data-code="CR30"]') && !document.querySelector('#map-table tbody tr[data-code="CR17"]'),
    );

    const colours = await mapColours(page);
    expect(colours.regions).toHaveLength(40);
    expectColoursFollow(colours, massOf);
    expect(colours.fillOf('CR30')).toBe(colours.classes[colours.classes.length - 1].colour);
    expect(colours.fillOf('CR08')).not.toBe(colours.noData);
    // Where the lamp was installed first, and where its manufacturer is, count nothing on this map.
    expect(colours.fillOf('CR03')).toBe(colours.noData);
    expect(colours.fillOf('CR17')).toBe(colours.noData);

    // The heading, legend, note and table say which region the map is of.
    expect(await page.locator('#map-heading').innerText()).toBe('Mass by COROP region where installed');
    expect(await page.locator('#map-legend-title').innerText()).toBe('Mass (kg) by installed region');
    expect(await page.locator('#map-note').innerText()).toContain('last INSTALLED lifecycle event');
    expect(await page.locator('#map-table caption').innerText()).toContain('installed region');
    expect(await page.locator('#map-table thead th').first().innerText()).toBe('Installed COROP region');
    const table = await mapTable(page);
    expect(new Set(table.map(([code]) => code))).toEqual(new Set(massOf.keys()));
    for (const [code, mass] of table) expect(mass).toBeCloseTo(massOf.get(code)!, 9);
    expect(await page.locator('#map-table tr[data-code="(not installed)"] th').innerText()).toBe('Not installed (no INSTALLED event)');

    // Back to the manufacturer's region: the same lamps count in CR17 again.
    await page.selectOption('#map-basis', 'COROP');
    await page.waitForFunction(() => document.querySelector('#map-table tbody tr[data-code="CR17"]'));
    expect(await page.locator('#map-heading').innerText()).toBe('Mass by COROP region of the manufacturer');
    expect((await mapColours(page)).fillOf('CR30')).toBe(colours.noData);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("lists only the key's organization's passports in the workspace from the start", async () => {
    const maker = await t.organization('MANUFACTURER', { corop: 'CR07' });
    const other = await t.organization('MANUFACTURER', { corop: 'CR08' });
    const recycler = await t.organization('RECYCLER');
    // Published passports only (no drafts): the workspace learns the organization from the key alone.
    await t.gql(REGISTER, { i: registerInput({ publish: true, productName: 'Own published lamp' }, maker) }, maker.key);
    await t.gql(REGISTER, { i: registerInput({ publish: true, productName: 'Other lamp one' }, other) }, other.key);
    await t.gql(REGISTER, { i: registerInput({ publish: true, productName: 'Other lamp two' }, other) }, other.key);
    const nameOf = async (id: string) => (await t.gql('query($id: ID!) { organization(id: $id) { name } }', { id })).data.organization.name as string;

    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${baseUrl}/app#/workspace`);
    await useKey(page, maker.key);
    await page.locator('#workspace-organization', { hasText: await nameOf(maker.id) }).waitFor();
    await page.locator('#passport-list tbody tr', { hasText: 'Own published lamp' }).waitFor();
    const names = () => page.$$eval('#passport-list tbody tr th', (ths) => ths.map((th) => th.textContent));
    expect(await names()).toEqual(['Own published lamp']);
    expect(await page.locator('.pager').innerText()).toContain('1 ');
    expect(await page.locator('#not-a-manufacturer').count()).toBe(0);

    // Another manufacturer's key in the same tab: its own passports, not the previous key's.
    await useKey(page, other.key);
    await page.locator('#workspace-organization', { hasText: await nameOf(other.id) }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#passport-list tbody tr').length === 2);
    expect((await names()).sort()).toEqual(['Other lamp one', 'Other lamp two']);

    // A recycler's key registers nothing: the workspace says so and lists nothing.
    await useKey(page, recycler.key);
    await page.waitForSelector('#not-a-manufacturer');
    await page.waitForFunction(() => document.querySelectorAll('#passport-list tbody tr').length === 0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('lets a manufacturer register a passport through the form, fix a mass-balance violation, publish it and find it in the recycler search', async () => {
    const maker = await t.organization('MANUFACTURER', { corop: 'CR05' });
    const recycler = await t.organization('RECYCLER');
    const gtin = newGtin(maker.prefix!);
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${baseUrl}/app#/workspace`);
    await useKey(page, maker.key);
    expect(await page.evaluate(() => [sessionStorage.length > 0, localStorage.getItem('registry.apiKey')])).toEqual([true, null]);
    await page.click('#new-passport');

    await page.fill('[id="field-gtin"]', gtin);
    await page.fill('[id="field-productName"]', 'Web form battery pack');
    await page.selectOption('[id="field-cluster"]', 'BATTERY');
    await page.fill('[id="field-/components/0/key"]', 'casing');
    await page.fill('[id="field-/components/0/name"]', 'Casing with busbar');
    await page.fill('[id="field-/components/0/massKg"]', '2');
    await page.selectOption('[id="field-/components/0/dismantling/fastening"]', 'screwed');
    await page.fill('[id="field-/components/0/dismantling/toolRequired"]', 'Torx T20');
    await page.fill('[id="field-/components/0/materials/0/name"]', 'Steel');
    await page.fill('[id="field-/components/0/materials/0/element"]', 'Fe');
    await page.fill('[id="field-/components/0/materials/0/massKg"]', '1.5');
    await page.click('text=Add material');
    await page.fill('[id="field-/components/0/materials/1/name"]', 'Copper busbar');
    await page.fill('[id="field-/components/0/materials/1/element"]', 'Cu');
    await page.fill('[id="field-/components/0/materials/1/massKg"]', '0.3');
    await page.click('#save');

    // 1.5 + 0.3 kg of materials in a 2 kg component: the violation is shown at the component's mass field.
    const error = page.locator('[id="field-/components/0/massKg-error"]');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/does not match/);
    expect(await page.getAttribute('[id="field-/components/0/massKg"]', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('[id="field-/components/0/massKg"]', 'aria-describedby')).toBe('field-/components/0/massKg-error');
    expect(await page.locator('#editor-message').innerText()).toContain('/components/0/massKg');
    expect(await page.locator('.field-error').count()).toBe(1);
    expect(
      (await t.gql('query($f: PassportFilter) { passports(filter: $f) { totalCount } }', { f: { gtin, status: 'DRAFT' } }, maker.key)).data.passports
        .totalCount,
    ).toBe(0);

    await page.fill('[id="field-/components/0/massKg"]', '1.8');
    await page.click('#save');
    await page.locator('#editor-message', { hasText: 'Saved as revision 1' }).waitFor();
    expect(await page.locator('.field-error').count()).toBe(0);
    expect(await page.locator('#editor-status').innerText()).toBe('Draft');
    await page.click('#publish');
    await page.waitForSelector('#editor-status:text("Published")');
    await page.waitForSelector('#qr-label img');

    // Someone else revises the passport first: saving from the form answers the conflict.
    const [{ node: registered }] = (await t.gql('query($f: PassportFilter) { passports(filter: $f) { edges { node { id } } } }', { f: { gtin } }, maker.key))
      .data.passports.edges;
    const revised = await t.gql(
      'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }',
      {
        i: { passportId: registered.id, expectedRevision: 1, productName: 'Battery pack (renamed elsewhere)' },
      },
      maker.key,
    );
    expect(revised.data.revisePassport.revision).toBe(2);
    await page.fill('[id="field-productName"]', 'Web form battery pack 2');
    await page.click('#save');
    await page.waitForSelector('#editor-message.conflict');
    expect(await page.locator('#editor-message').innerText()).toContain('Someone else saved a newer revision first');
    await page.click('text=Reload passport');
    await page.waitForFunction(() => document.getElementById('field-productName').value === 'Battery pack (renamed elsewhere)');
    expect(await page.locator('#editor-heading').innerText()).toContain('Revision 2');

    // A recycler finds the copper busbar by element, region and minimum mass, with the component path and dismantling.
    await useKey(page, recycler.key);
    await page.click("nav >> text=Recycler's search");
    await page.fill('#search-value', 'Cu');
    await page.fill('#search-region', 'CR05');
    await page.fill('#search-min-mass', '0.25');
    await page.click('#search-submit');
    await page.waitForSelector('#search-results tbody tr');
    const hits = await page.$$eval('#search-results tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(hits).toEqual([
      [
        'Battery pack (renamed elsewhere)',
        expect.stringContaining(gtin.slice(-8)),
        'Batteries',
        'CR05',
        '/casing',
        'Copper busbar',
        'Cu',
        '0.3',
        '0.3',
        'screwed, Torx T20',
      ],
    ]);

    // The CSV of the current result.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[1]).toContain('"Battery pack (renamed elsewhere)"');
    expect(csv.split('\r\n')[1]).toContain('"/casing"');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('imports an NDJSON file from the workspace and shows the run to its end, with the row that failed and why', async () => {
    const maker = await t.organization('MANUFACTURER', { corop: 'CR20' });
    const good = registerInput({ productName: 'Imported lamp' }, maker);
    const bad = registerInput({ productName: 'Unbalanced lamp' }, maker);
    (bad.composition as any).components[0].massKg = 5;
    const file = [good, bad].map((row) => JSON.stringify(row)).join('\n') + '\n';
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${baseUrl}/app#/workspace`);
    await useKey(page, maker.key);
    await page.setInputFiles('#import-file', { name: 'lamps.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(file) });
    await page.click('text=Start import');
    await page.locator('#import-status', { hasText: 'FINISHED' }).waitFor();
    expect(await page.locator('#import-status').innerText()).toMatch(/created 1 · revised 0 · unchanged 0 · failed 1/);
    expect(Number(await page.getAttribute('#import-status progress', 'value'))).toBe(1);
    expect(await page.locator('.failed-rows li').innerText()).toMatch(/^2: .*\/passport\/composition\/components\/0\/massKg massKg 5 does not match/);
    await page.locator('#passport-list tbody tr', { hasText: 'Imported lamp' }).waitFor();
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('reaches every control of the three views with the keyboard alone', async () => {
    const maker = await t.organization('MANUFACTURER', { corop: 'CR12' });
    await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
    const { page, consoleErrors } = await openPage(browser);
    const check = async (what: string) => {
      const count = await markControls(page);
      const reached = await tabThrough(page, count);
      expect({ what, reached: reached.size }).toEqual({ what, reached: count });
    };

    // The key box, reached and used from the keyboard alone: Tab to it, type, Enter.
    await page.goto(`${baseUrl}/app#/map`);
    await page.waitForSelector('#map-needs-key');
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'api-key'; i++) await page.keyboard.press('Tab');
    await page.keyboard.type(maker.key);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#corop-map path.region');
    await page.waitForSelector('#chart-status');
    await check('programme map');
    // A region shows its value when focused from the keyboard.
    await page.focus('#corop-map path[data-code="CR12"]');
    expect(await page.locator('#map-tooltip').innerText()).toContain('Twente (CR12)');

    await page.goto(`${baseUrl}/app#/workspace`);
    await page.waitForSelector('#passport-list tbody tr');
    await check('workspace list');
    await page.focus('#passport-list tbody tr button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#editor-heading');
    await check('passport form');

    await page.goto(`${baseUrl}/app#/search`);
    await page.focus('#search-value');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Cu');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#search-results tbody tr');
    await check('recycler search');
    await page.focus('button.sort[data-column="materialMass"]');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#search-results th:nth-child(9)', 'aria-sort')).toBe('descending');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
