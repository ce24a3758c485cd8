import type { Browser } from 'playwright-core';
import { lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp } from '../support/test-app';
import { launchChromium, listen } from './chromium';

/**
 * What a consumer sees after scanning a passport's QR code: a real browser opens the GS1 Digital Link of a published
 * passport on the running API and reads the page as a person would.
 */
describe('the public passport page in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    t = await TestApp.start();
    baseUrl = await listen(t);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows product, manufacturer, cluster, critical materials and status, and nothing of the composition', async () => {
    const maker = await t.organization('MANUFACTURER');
    const makerName = (await t.gql('query($id: ID!) { organization(id: $id) { name } }', { id: maker.id })).data.organization.name;
    // Component and material names are legitimate-interest data; these cannot be confused with element names.
    const composition = lampComposition();
    const secrets: string[] = [];
    const rename = (components: any[]) => {
      for (const component of components) {
        component.name = `${component.name} part ${component.key}`;
        secrets.push(component.name);
        component.materials.forEach((material: { name: string }, i: number) => {
          material.name = `${material.name} grade ${component.key}-${i}`;
          secrets.push(material.name);
        });
        rename(component.components);
      }
    };
    rename(composition.components);
    const registered = await t.gql(
      REGISTER,
      { i: registerInput({ productName: 'Trekking bike lamp', serialNumber: 'TBL-0042', composition, publish: true }, maker) },
      maker.key,
    );
    expect(registered.errors).toBeUndefined();
    const { id, gtin } = registered.data.registerPassport;

    // The QR code encodes the Digital Link; the browser follows it like a phone camera would.
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    const requested: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('request', (request) => requested.push(request.url()));
    const response = await page.goto(`${baseUrl}/01/${gtin}/21/TBL-0042`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);

    await expect(page.title()).resolves.toBe('Trekking bike lamp: circular material passport');
    expect(await page.locator('h1').innerText()).toBe('Trekking bike lamp');
    expect(await page.locator('#manufacturer').innerText()).toBe(makerName);
    expect(await page.locator('#cluster').innerText()).toBe('High-tech equipment');
    expect(await page.locator('#status').innerText()).toBe('Published');

    // Critical raw materials present, with whether each is above 0.1 % by weight, by element symbol (not by mass).
    const rows = await page
      .locator('#critical-materials tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)));
    expect(rows).toEqual([
      ['Aluminium (Al)', 'yes'],
      ['Copper (Cu)', 'yes'],
      ['Magnesium (Mg)', 'yes'],
      ['Antimony (Sb)', 'yes'],
      ['Silicon (Si)', 'yes'],
    ]);
    expect(await page.locator('#recycled-content').innerText()).toContain('50 % recycled content');
    expect(await page.locator('.qr svg').count()).toBe(1);

    // No legitimate-interest data anywhere in the page: no component or material names, no masses.
    const text = await page.locator('body').innerText();
    const markup = await page.content();
    expect(secrets).toHaveLength(10);
    for (const secret of secrets) expect(markup).not.toContain(secret);
    for (const word of ['housing', 'board', 'driver', 'grade']) expect(text.toLowerCase()).not.toContain(word);
    for (const mass of ['0.079', '0.0039', '0.0001', '0.005', '0.0004', 'kg']) expect(text).not.toContain(mass);
    expect(markup).not.toMatch(/massKg|dismantling/);

    // The page runs no script and loads nothing from elsewhere.
    expect(await page.locator('script').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    expect(requested).toEqual([`${baseUrl}/01/${gtin}/21/TBL-0042`]);
    expect(await page.locator('footer').innerText()).toContain(`Passport ${id}`);
    await page.close();
  });

  it('tells a person that an unknown product has no passport', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${baseUrl}/01/8712345000011/21/UNKNOWN`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Passport not found');
    expect(await page.locator('#message').innerText()).toBe('No published passport has GTIN 08712345000011, serial UNKNOWN');
    await page.close();
  });
});
