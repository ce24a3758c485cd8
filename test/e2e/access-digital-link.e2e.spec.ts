import { PrismaService } from '@registry/core';
import QRCode from 'qrcode';
import { lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const PUBLIC_READ = `query($id: ID!) { passport(id: $id) {
  circularity { mci }
  criticalMaterials { element elementName aboveReportingThreshold lists { listId listVersion materialName form match } }
  recycledContentSummary { recycledContentPct declaredShareOfMass recycledShareOfMass }
} }`;

/** Legitimate-interest data of the lamp that must never appear publicly: component and material names, masses. */
const LEGITIMATE_INTEREST_TEXT = ['Aluminium housing', 'LED board', 'Driver chip', 'Antimony in solder', 'Epoxy laminate', '0.079', '0.0039'];

describe('GS1 Digital Link resolver and QR codes', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let otherMaker: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start({ publicBaseUrl: 'https://id.example.org' });
    maker = await t.organization('MANUFACTURER');
    otherMaker = await t.organization('MANUFACTURER');
  });
  afterAll(() => t.close());

  async function register(overrides: Record<string, unknown>): Promise<{ id: string; gtin: string }> {
    const res = await t.gql(REGISTER, { i: registerInput(overrides, maker) }, maker.key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.registerPassport;
  }

  it('answers the public view of an item as JSON, with the GTIN in any of its forms', async () => {
    const input = registerInput({ serialNumber: 'LAMP-0001', publish: true }, maker);
    const { data } = await t.gql(REGISTER, { i: input }, maker.key);
    const id = data.registerPassport.id;
    const gtin13 = String(input.gtin);
    const gtin14 = `0${gtin13}`;

    for (const form of [gtin13, gtin14]) {
      const res = await t.http().get(`/01/${form}/21/LAMP-0001`).set('accept', 'application/json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers.link).toBe(`<https://id.example.org/01/${gtin14}/21/LAMP-0001>; rel="canonical"`);
      expect(res.body).toMatchObject({
        digitalLink: `https://id.example.org/01/${gtin14}/21/LAMP-0001`,
        passportId: id,
        productName: 'Bicycle lamp',
        granularity: 'ITEM',
        gtin: gtin14,
        serialNumber: 'LAMP-0001',
        status: 'PUBLISHED',
        cluster: { code: 'HIGH_TECH_EQUIPMENT', name: expect.any(String) },
        manufacturer: { id: maker.id, name: expect.any(String) },
        links: { qrSvg: `https://id.example.org/passports/${id}/qr.svg`, qrPng: `https://id.example.org/passports/${id}/qr.png` },
      });
    }

    // The same critical materials and recycled content as the GraphQL API shows an anonymous caller.
    const res = await t.http().get(`/01/${gtin13}/21/LAMP-0001`).set('accept', 'application/ld+json');
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    const view = JSON.parse(res.text);
    const graphql = (await t.gql(PUBLIC_READ, { id })).data.passport;
    expect(view.criticalMaterials).toEqual(graphql.criticalMaterials);
    expect(view.recycledContent).toEqual(graphql.recycledContentSummary);
    expect(view.circularity).toEqual(graphql.circularity ? { materialCircularityIndicator: graphql.circularity.mci } : null);
    // Only the aluminium (79 g of 100 g) declares its recycled content, 50 %: public shares are whole percent.
    expect(view.recycledContent).toEqual({ recycledContentPct: 50, declaredShareOfMass: 0.79, recycledShareOfMass: 0.4 });
    // By element symbol, not by mass.
    expect(view.criticalMaterials.map((m: { element: string }) => m.element)).toEqual(['Al', 'Cu', 'Mg', 'Sb', 'Si']);

    // No legitimate-interest data: no masses, no components.
    for (const text of LEGITIMATE_INTEREST_TEXT) expect(res.text).not.toContain(text);
    expect(res.text).not.toMatch(/massKg|components|dismantling/);
  });

  it('resolves a model and a batch, and an item by batch and serial', async () => {
    const model = await register({ granularity: 'MODEL', serialNumber: null, productName: 'Lamp model', publish: true });
    const batch = await register({ granularity: 'BATCH', serialNumber: null, batchNumber: 'B/2026?01', productName: 'Lamp batch', publish: true });
    const item = await register({ granularity: 'ITEM', serialNumber: 'S-1', batchNumber: 'B-9', productName: 'Lamp of batch B-9', publish: true });
    const json = (path: string) => t.http().get(path).set('accept', 'application/json');

    expect((await json(`/01/${model.gtin}`)).body).toMatchObject({ passportId: model.id, granularity: 'MODEL' });
    const batchRes = await json(`/01/${batch.gtin}/10/${encodeURIComponent('B/2026?01')}`);
    expect(batchRes.body).toMatchObject({
      passportId: batch.id,
      batchNumber: 'B/2026?01',
      digitalLink: `https://id.example.org/01/${batch.gtin}/10/B%2F2026%3F01`,
    });
    expect((await json(`/01/${item.gtin}/10/B-9/21/S-1`)).body).toMatchObject({ passportId: item.id });
    expect((await json(`/01/${item.gtin}/21/S-1`)).body).toMatchObject({ passportId: item.id, batchNumber: 'B-9' });
    expect((await json(`/01/${item.gtin}/10/B-8/21/S-1`)).status).toBe(404);
    // A GTIN with only item passports has no model passport.
    expect((await json(`/01/${item.gtin}`)).status).toBe(404);
  });

  it('never resolves a draft, and keeps resolving an archived passport', async () => {
    const draft = await register({ serialNumber: 'D-1' });
    const res = await t.http().get(`/01/${draft.gtin}/21/D-1`).set('accept', 'application/json');
    expect(res.status).toBe(404);
    expect(res.body.errors[0]).toMatchObject({
      message: `No published passport has GTIN ${draft.gtin}, serial D-1`,
      extensions: { code: 'NOT_FOUND' },
    });

    const archived = await register({ serialNumber: 'A-1', publish: true });
    await t.gql('mutation($id: ID!) { archivePassport(passportId: $id) { status } }', { id: archived.id }, maker.key);
    const archivedView = await t.http().get(`/01/${archived.gtin}/21/A-1`).set('accept', 'application/json');
    expect(archivedView.body).toMatchObject({ passportId: archived.id, status: 'ARCHIVED' });
  });

  it('answers a change of the passport at once, although its view was just cached', async () => {
    const item = await register({ serialNumber: 'C-1', publish: true });
    const link = `/01/${item.gtin}/21/C-1`;
    expect((await t.http().get(link).set('accept', 'application/json')).body).toMatchObject({ status: 'PUBLISHED' });
    expect((await t.http().get(link).set('accept', 'text/html')).text).toContain('class="status-PUBLISHED"');
    await t.gql('mutation($id: ID!) { archivePassport(passportId: $id) { status } }', { id: item.id }, maker.key);
    expect((await t.http().get(link).set('accept', 'application/json')).body).toMatchObject({ passportId: item.id, status: 'ARCHIVED' });
    const page = (await t.http().get(link).set('accept', 'text/html')).text;
    expect(page).toContain('class="status-ARCHIVED"');
    expect(page).not.toContain('class="status-PUBLISHED"');
  });

  it('lets a client revalidate what it holds: 304 while the passport is unchanged, the new answer once it changed', async () => {
    const item = await register({ serialNumber: 'E-1', publish: true });
    const link = `/01/${item.gtin}/21/E-1`;
    const first = await t.http().get(link).set('accept', 'application/json');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await t.http().get(link).set('accept', 'application/json').set('if-none-match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers.etag).toBe(etag);
    // The page is another representation, with a tag of its own.
    const page = await t.http().get(link).set('accept', 'text/html').set('if-none-match', etag);
    expect(page.status).toBe(200);
    expect(page.headers.etag).not.toBe(etag);
    expect((await t.http().get(link).set('accept', 'text/html').set('if-none-match', `"other", ${page.headers.etag}`)).status).toBe(304);

    await t.gql('mutation($id: ID!) { archivePassport(passportId: $id) { status } }', { id: item.id }, maker.key);
    const changed = await t.http().get(link).set('accept', 'application/json').set('if-none-match', etag);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ passportId: item.id, status: 'ARCHIVED' });
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('answers a revision at once, although the view of the revision before was just cached', async () => {
    const item = await register({ serialNumber: 'R-1', publish: true });
    const link = `/01/${item.gtin}/21/R-1`;
    expect((await t.http().get(link).set('accept', 'application/json')).body).toMatchObject({ revision: 1, productName: 'Bicycle lamp' });
    expect((await t.http().get(link).set('accept', 'text/html')).text).toContain('Bicycle lamp');
    const revised = await t.gql(
      'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }',
      { i: { passportId: item.id, expectedRevision: 1, productName: 'Bicycle lamp, second edition' } },
      maker.key,
    );
    expect(revised.errors).toBeUndefined();
    expect((await t.http().get(link).set('accept', 'application/json')).body).toMatchObject({
      passportId: item.id,
      revision: 2,
      productName: 'Bicycle lamp, second edition',
    });
    expect((await t.http().get(link).set('accept', 'text/html')).text).toContain('Bicycle lamp, second edition');
  });

  it("cannot be taken over: another manufacturer is refused the GTIN and the link keeps answering the brand owner's passport", async () => {
    const mine = await register({ serialNumber: 'T-1', publish: true });
    // The attack: a second organization registers and publishes the same GTIN + serial.
    const theirs = await t.gql(REGISTER, { i: registerInput({ gtin: mine.gtin, serialNumber: 'T-1', publish: true }, otherMaker) }, otherMaker.key);
    expect(theirs.data).toBeNull();
    expect(theirs.errors![0]).toMatchObject({
      message: `GTIN ${mine.gtin} is not under a GS1 Company Prefix of the caller's organization: its GS1 Company Prefixes are ${otherMaker.prefix}`,
      extensions: { code: 'FORBIDDEN', gtin: mine.gtin, gs1CompanyPrefixes: [otherMaker.prefix] },
    });
    const view = await t.http().get(`/01/${mine.gtin}/21/T-1`).set('accept', 'application/json');
    expect(view.body).toMatchObject({ passportId: mine.id, manufacturer: { id: maker.id } });
    const listed = await t.gql('query($g: String) { passports(filter: { gtin: $g }) { totalCount } }', { g: mine.gtin }, t.adminKey);
    expect(listed.data.passports.totalCount).toBe(1);
  });

  it('never picks one of several items that share a serial in different batches: the link must name the batch', async () => {
    const first = await register({ serialNumber: 'S-2', batchNumber: 'B-1', publish: true });
    const second = await register({ gtin: first.gtin, serialNumber: 'S-2', batchNumber: 'B-2', publish: true });
    const json = (path: string) => t.http().get(path).set('accept', 'application/json');
    const ambiguous = await json(`/01/${first.gtin}/21/S-2`);
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.errors[0]).toMatchObject({
      message: `Several published passports have GTIN ${first.gtin}, serial S-2 (batches B-1, B-2): name the batch, /01/{gtin}/10/{batch}/21/{serial}`,
      extensions: { code: 'CONFLICT', batchNumbers: ['B-1', 'B-2'] },
    });
    expect((await json(`/01/${first.gtin}/10/B-1/21/S-2`)).body.passportId).toBe(first.id);
    expect((await json(`/01/${first.gtin}/10/B-2/21/S-2`)).body.passportId).toBe(second.id);
  });

  it('shows the circularity indicator of the passport, and says so when there is none', async () => {
    const { id, gtin } = await register({ granularity: 'MODEL', serialNumber: null, publish: true });
    const json = () => t.http().get(`/01/${gtin}`).set('accept', 'application/json');
    // Passport.mci is what the circularity calculation keeps with the passport; set here to known values.
    const prisma = t.app.get(PrismaService);
    await prisma.passport.update({ where: { id }, data: { mci: 0.4354 } });
    expect((await json()).body.circularity).toEqual({ materialCircularityIndicator: 0.4354 });
    expect((await t.http().get(`/01/${gtin}`)).text).toContain('Material Circularity Indicator: <strong>0.44</strong>');
    // A passport stored before the calculation existed has none.
    await prisma.passport.update({ where: { id }, data: { mci: null } });
    expect((await json()).body.circularity).toBeNull();
    expect((await t.http().get(`/01/${gtin}`)).text).toContain('Not calculated yet.');
  });

  it('refuses a malformed link, naming the attribute', async () => {
    const res = await t.http().get('/01/8712345000012/21/X').set('accept', 'application/json');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      violations: [expect.objectContaining({ path: 'gtin', message: expect.stringContaining('check digit') })],
    });
    const long = await t
      .http()
      .get(`/01/8712345000011/21/${'x'.repeat(21)}`)
      .set('accept', 'application/json');
    expect(long.body.errors[0].extensions.violations).toEqual([expect.objectContaining({ path: 'serialNumber' })]);
  });

  it('answers browsers with an escaped HTML page, and unknown products with a readable 404 page', async () => {
    const composition = lampComposition();
    const { gtin } = await register({ productName: '<script>alert("x")</script> & lamp', serialNumber: '<b>1</b>', composition, publish: true });
    const res = await t
      .http()
      .get(`/01/${gtin}/21/${encodeURIComponent('<b>1</b>')}`)
      .set('accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers.vary).toContain('Accept');
    expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; lamp');
    expect(res.text).toContain('serial &lt;b&gt;1&lt;/b&gt;');
    expect(res.text).not.toContain('<script>');
    expect(res.text).not.toContain('<b>1</b>');
    expect(res.text).toContain('<svg');
    for (const text of LEGITIMATE_INTEREST_TEXT) expect(res.text).not.toContain(text);

    // Without an Accept header (curl, a scanner app) the answer is the page too.
    expect((await t.http().get(`/01/${gtin}/21/${encodeURIComponent('<b>1</b>')}`)).headers['content-type']).toMatch(/^text\/html/);

    const missing = await t.http().get(`/01/${gtin}/21/NOPE`).set('accept', 'text/html');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expect(missing.text).toContain('Passport not found');
    expect(missing.text).toContain(`No published passport has GTIN ${gtin}, serial NOPE`);
  });

  it('draws QR codes of the Digital Link, for published passports to anyone and for drafts to their owner', async () => {
    const published = await register({ serialNumber: 'Q/1', publish: true });
    const link = `https://id.example.org/01/${published.gtin}/21/Q%2F1`;

    const svg = await t.http().get(`/passports/${published.id}/qr.svg`).buffer(true);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.headers['cache-control']).toBe('public, max-age=86400');
    // The same input gives the same symbol: the code encodes exactly the Digital Link.
    expect(String(svg.body)).toBe(await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }));

    const png = await t.http().get(`/passports/${published.id}/qr.png?size=256`).buffer(true);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.body.readUInt32BE(16)).toBe(256); // IHDR width
    expect(png.body).toEqual(await QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 256 }));

    for (const size of ['5000', '2048', '300', 'abc']) {
      const badSize = await t.http().get(`/passports/${published.id}/qr.png?size=${size}`);
      expect(badSize.status).toBe(400);
      expect(badSize.body.errors[0].extensions.violations[0]).toMatchObject({
        path: 'size',
        message: `must be one of 128, 256, 512, 1024 (pixels), got "${size}"`,
      });
    }

    const draft = await register({ serialNumber: 'Q-2' });
    expect((await t.http().get(`/passports/${draft.id}/qr.svg`)).status).toBe(404);
    expect((await t.http().get(`/passports/${draft.id}/qr.svg`).set('authorization', `Bearer ${otherMaker.key}`)).status).toBe(404);
    const own = await t.http().get(`/passports/${draft.id}/qr.svg`).set('authorization', `Bearer ${maker.key}`);
    expect(own.status).toBe(200);
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect((await t.http().get('/passports/not-a-uuid/qr.svg')).status).toBe(404);
  });
});
