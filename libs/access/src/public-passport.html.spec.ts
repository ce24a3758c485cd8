import { escapeHtml, renderErrorPage, renderPublicPassportPage } from './public-passport.html';
import type { PublicPassportView } from './public-passport.view';

const VIEW: PublicPassportView = {
  digitalLink: 'https://id.example.org/01/08712345000011/21/%3Cx%3E',
  passportId: 'c0ffee00-0000-4000-8000-000000000000',
  productName: 'Lamp <b>"bold"</b> & \'co\'',
  granularity: 'ITEM',
  gtin: '08712345000011',
  serialNumber: '<x>',
  batchNumber: null,
  status: 'ARCHIVED',
  revision: 3,
  updatedAt: '2026-03-01T10:00:00.000Z',
  cluster: { code: 'BATTERY', name: 'Batteries' },
  manufacturer: { id: 'm', name: 'Acme <Lighting>' },
  criticalMaterials: [],
  recycledContent: { recycledContentPct: null, declaredShareOfMass: 0, recycledShareOfMass: 0 },
  circularity: null,
  environmentalImpact: null,
  substancesOfConcern: [],
  battery: null,
  links: { qrSvg: 'https://id.example.org/passports/x/qr.svg', qrPng: 'https://id.example.org/passports/x/qr.png' },
};

describe('the public passport page', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('escapes every value taken from the passport', () => {
    const page = renderPublicPassportPage(VIEW, null);
    expect(page).toContain('<h1>Lamp &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; &#39;co&#39;</h1>');
    expect(page).toContain('Acme &lt;Lighting&gt;');
    expect(page).toContain('serial &lt;x&gt;');
    expect(page).not.toMatch(/<b>|<x>|<Lighting>/);
  });

  it('says what is not there rather than leaving gaps, and that an archived passport is no longer kept up to date', () => {
    const page = renderPublicPassportPage(VIEW, null);
    expect(page).toContain('No critical raw material is declared in this product.');
    expect(page).toContain('No recycled content is declared.');
    expect(page).toContain('Not calculated yet.');
    expect(page).toContain('Archived: this passport is no longer kept up to date');
    expect(page).not.toContain('class="qr"');
    expect(page).toContain('No environmental impact is declared.');
    expect(page).toContain('No substance of concern is declared in this product.');
    expect(page).not.toContain('<h2>Battery</h2>');
  });

  it('shows the declared footprint and substances of concern, every value escaped', () => {
    const page = renderPublicPassportPage(
      {
        ...VIEW,
        environmentalImpact: {
          carbonFootprint: {
            kgCO2e: 25,
            declaredUnit: 'KG',
            lifecycleStages: ['A1-A3'],
            method: 'ISO 14067',
            primaryDataSharePct: null,
            verifiedBy: '<Verifier>',
            studyUrl: 'https://example.org/"study"',
          },
          carbonFootprintKgCO2ePerProduct: 500,
          waterUse: null,
          energyUse: null,
          components: [],
        },
        substancesOfConcern: [
          {
            name: 'Lead <Pb>',
            casNumber: '7439-92-1',
            ecNumber: null,
            svhc: true,
            candidateList: { listId: 'REACH-CANDIDATE-2026-01', listVersion: '2026-01', entryName: 'Lead', reason: 'toxic for reproduction (Art. 57c)' },
            location: 'solder & ribbons',
            safeUse: null,
            endOfLife: null,
          },
        ],
      },
      null,
    );
    expect(page).toContain('25 kg CO2e per kg, stages A1-A3, ISO 14067, verified by &lt;Verifier&gt;');
    expect(page).toContain('<dt>Per product</dt><dd>500 kg CO2e</dd>');
    expect(page).toContain('href="https://example.org/&quot;study&quot;"');
    expect(page).toContain('<td>Lead &lt;Pb&gt; (CAS 7439-92-1)</td><td>solder &amp; ribbons</td><td>Lead (REACH-CANDIDATE-2026-01)</td>');
    expect(page).not.toMatch(/<Verifier>|<Pb>/);
  });

  it('lists critical materials with their threshold flag and lists', () => {
    const page = renderPublicPassportPage(
      {
        ...VIEW,
        criticalMaterials: [
          {
            element: 'Co',
            elementName: 'Cobalt',
            aboveReportingThreshold: true,
            lists: [{ listId: 'EU-CRMA-2024-CRITICAL', listVersion: '2024', materialName: 'cobalt', form: null, match: 'ELEMENT' }],
          },
          {
            element: 'Ni',
            elementName: 'Nickel',
            aboveReportingThreshold: true,
            lists: [
              { listId: 'EU-CRMA-2024-CRITICAL', listVersion: '2024', materialName: 'nickel (battery grade)', form: 'BATTERY_GRADE', match: 'FORM' },
              { listId: 'EU-CRMA-2024-STRATEGIC', listVersion: '2024', materialName: 'nickel (battery grade)', form: 'BATTERY_GRADE', match: 'FORM' },
            ],
          },
          // Titanium of a TiO2 pigment: not titanium metal.
          {
            element: 'Ti',
            elementName: 'Titanium',
            aboveReportingThreshold: false,
            lists: [{ listId: 'EU-CRMA-2024-CRITICAL', listVersion: '2024', materialName: 'titanium metal', form: 'METAL', match: 'ELEMENT' }],
          },
          {
            element: 'Sb',
            elementName: 'Antimony',
            aboveReportingThreshold: false,
            lists: [{ listId: 'EU-2020', listVersion: '2020', materialName: 'antimony', form: null, match: 'ELEMENT' }],
          },
        ],
        recycledContent: { recycledContentPct: 42.5, declaredShareOfMass: 0.8, recycledShareOfMass: 0.34 },
        circularity: { materialCircularityIndicator: 0.4354 },
      },
      '<svg id="qr"></svg>',
    );
    expect(page).toContain('<td>Cobalt (Co)</td><td>yes</td><td>EU-CRMA-2024-CRITICAL (2024): cobalt</td>');
    expect(page).toContain(
      '<td>Nickel (Ni)</td><td>yes</td><td>EU-CRMA-2024-CRITICAL (2024): nickel (battery grade) (in that form); ' +
        'EU-CRMA-2024-STRATEGIC (2024): nickel (battery grade) (in that form)</td>',
    );
    expect(page).toContain('<td>Titanium (Ti)</td><td>no</td><td>EU-CRMA-2024-CRITICAL (2024): titanium metal (contains the element, not in that form)</td>');
    expect(page).toContain('<td>Antimony (Sb)</td><td>no</td><td>EU-2020 (2020): antimony</td>');
    expect(page).toContain('42.5 % recycled content');
    expect(page).toContain('(80 % of the product by weight)');
    expect(page).toContain('<strong>0.44</strong>');
    expect(page).toContain('<svg id="qr"></svg>');
  });

  it('renders errors as a page with the message escaped', () => {
    const page = renderErrorPage(404, 'No published passport has GTIN 1, serial <x>');
    expect(page).toContain('<title>Passport not found</title>');
    expect(page).toContain('serial &lt;x&gt;');
    expect(renderErrorPage(400, 'bad')).toContain('This link cannot be read');
  });
});
