import { jest } from '@jest/globals';
import QRCode from 'qrcode';
import { lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

/**
 * Replays of the attacks on what the public API gives away (issue 9, findings 6, 8, 9 and the clusterSummary half of
 * 10), each against the running application over HTTP.
 */

const PUBLIC_FIGURES = `query($id: ID!) { passport(id: $id) {
  totalMassKg
  recycledContentSummary { recycledContentPct declaredShareOfMass recycledShareOfMass }
  criticalMaterials { element }
  circularity { mci missingInputs flows { massKg } }
} }`;

/** The lamp, with 78.7 g of aluminium (37.42 % recycled) in 100 g: exact shares would give that mass to the tenth of a gram. */
function lampWithAluminium(): Record<string, any> {
  const composition = lampComposition();
  composition.components[0].materials[0] = { ...composition.components[0].materials[0], massKg: 0.0787, recycledContentPct: 37.42 };
  composition.components[0].materials[1] = { ...composition.components[0].materials[1], massKg: 0.0013 };
  return composition;
}

describe('what the public API gives away', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let recycler: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start({ publicBaseUrl: 'https://id.example.org', anonymousRateLimitPerMinute: 0 });
    [maker, recycler] = await Promise.all([t.organization('MANUFACTURER'), t.organization('RECYCLER')]);
  });
  afterAll(() => t.close());

  async function publish(overrides: Record<string, unknown> = {}): Promise<{ id: string; gtin: string; serialNumber: string }> {
    const res = await t.gql(REGISTER, { i: registerInput({ publish: true, ...overrides }, maker) }, maker.key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.registerPassport;
  }

  describe('QR codes (finding 6)', () => {
    it('refuses sizes other than the offered ones before drawing anything, naming size and the allowed values', async () => {
      const { id } = await publish();
      const draw = jest.spyOn(QRCode, 'toBuffer');
      try {
        const res = await t.http().get(`/passports/${id}/qr.png?size=2048`);
        expect(res.status).toBe(400);
        expect(res.body.errors[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          violations: [{ path: 'size', keyword: 'enum', message: 'must be one of 128, 256, 512, 1024 (pixels), got "2048"' }],
        });
        expect(draw).not.toHaveBeenCalled();
      } finally {
        draw.mockRestore();
      }
    });

    it('draws each offered size, once per passport and size however many ask at the same time', async () => {
      const { id, gtin, serialNumber } = await publish();
      const link = `https://id.example.org/01/${gtin}/21/${serialNumber}`;
      const draw = jest.spyOn(QRCode, 'toBuffer');
      try {
        for (const size of [128, 256, 512, 1024]) {
          const answers = await Promise.all(Array.from({ length: 5 }, () => t.http().get(`/passports/${id}/qr.png?size=${size}`).buffer(true)));
          for (const res of answers) {
            expect(res.status).toBe(200);
            expect(res.body.readUInt32BE(16)).toBe(size); // IHDR width
            expect(res.body).toEqual(answers[0].body);
          }
        }
        // The default size is 512: already drawn.
        expect((await t.http().get(`/passports/${id}/qr.png`).buffer(true)).body.readUInt32BE(16)).toBe(512);
        expect(draw).toHaveBeenCalledTimes(4);
        expect(draw.mock.calls.map((call) => call[0])).toEqual([link, link, link, link]);
      } finally {
        draw.mockRestore();
      }
    });

    it('draws the SVG once for the qr.svg route and the page a scanner opens', async () => {
      const { id, gtin, serialNumber } = await publish();
      const draw = jest.spyOn(QRCode, 'toString');
      try {
        const first = await t.http().get(`/passports/${id}/qr.svg`).buffer(true);
        const second = await t.http().get(`/passports/${id}/qr.svg`).buffer(true);
        expect(String(second.body)).toBe(String(first.body));
        const page = await t.http().get(`/01/${gtin}/21/${serialNumber}`).set('accept', 'text/html');
        expect(page.text).toContain(String(first.body));
        expect(draw).toHaveBeenCalledTimes(1);
      } finally {
        draw.mockRestore();
      }
    });
  });

  describe('legitimate-interest data in public fields (finding 9)', () => {
    it('does not let totalMassKg x declaredShareOfMass give the aluminium mass', async () => {
      const { id } = await publish({ composition: lampWithAluminium() });
      const anonymous = await t.gql(PUBLIC_FIGURES, { id });
      const { totalMassKg, recycledContentSummary } = anonymous.data.passport;
      expect(totalMassKg).toBe(0.1);
      expect(recycledContentSummary).toEqual({ recycledContentPct: 37, declaredShareOfMass: 0.79, recycledShareOfMass: 0.29 });
      // The attack: 0.1 kg x 0.79 is 79 g, not the 78.7 g in the product.
      expect(totalMassKg * recycledContentSummary.declaredShareOfMass).not.toBeCloseTo(0.0787, 4);

      // The same rounding in the public JSON view of the Digital Link.
      const { gtin, serialNumber } = (await t.gql('query($id: ID!) { passport(id: $id) { gtin serialNumber } }', { id })).data.passport;
      const view = await t.http().get(`/01/${gtin}/21/${serialNumber}`).set('accept', 'application/json');
      expect(view.body.recycledContent).toEqual(recycledContentSummary);

      // A recycler (LEGITIMATE_INTEREST) reads the component masses anyway, and gets the exact shares.
      const exact = await t.gql(PUBLIC_FIGURES, { id }, recycler.key);
      expect(exact.errors).toBeUndefined();
      expect(exact.data.passport.recycledContentSummary).toEqual({ recycledContentPct: 37.42, declaredShareOfMass: 0.787, recycledShareOfMass: 0.2945 });
    });

    it('keeps the circularity inputs and flows from the public, and lists critical materials by element symbol', async () => {
      const { id } = await publish({ composition: lampWithAluminium() });
      const anonymous = await t.gql(PUBLIC_FIGURES, { id });
      expect(anonymous.data.passport.circularity).toEqual({ mci: expect.any(Number), missingInputs: null, flows: null });
      expect(anonymous.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.requiredTier]).sort()).toEqual([
        ['passport.circularity.flows', 'FORBIDDEN', 'LEGITIMATE_INTEREST'],
        ['passport.circularity.missingInputs', 'FORBIDDEN', 'LEGITIMATE_INTEREST'],
      ]);
      // Heaviest first would be Al, Cu, Si, Mg, Sb: the order would rank the masses.
      expect(anonymous.data.passport.criticalMaterials.map((m: { element: string }) => m.element)).toEqual(['Al', 'Cu', 'Mg', 'Sb', 'Si']);

      const recycled = await t.gql(PUBLIC_FIGURES, { id }, recycler.key);
      expect(recycled.data.passport.circularity.missingInputs).toEqual(expect.any(Array));
      expect(recycled.data.passport.circularity.flows.massKg).toBeGreaterThan(0);
    });
  });

  describe('drafts in clusterSummary (finding 10)', () => {
    it("counts another organization's drafts for no one but their owner and the platform administrator", async () => {
      const secretive = await t.organization('MANUFACTURER');
      for (let i = 0; i < 3; i++) {
        const draft = await t.gql(REGISTER, { i: registerInput({ cluster: 'WIND_PARK' }, secretive) }, secretive.key);
        expect(draft.errors).toBeUndefined();
      }
      await t.gql(REGISTER, { i: registerInput({ cluster: 'WIND_PARK', publish: true }, maker) }, maker.key);
      const counts = async (key?: string) => {
        const res = await t.gql('{ clusterSummary(cluster: WIND_PARK) { passportsByStatus { status count } productUnits } }', {}, key);
        expect(res.errors).toBeUndefined();
        return Object.fromEntries(res.data.clusterSummary.passportsByStatus.map((row: { status: string; count: number }) => [row.status, row.count]));
      };
      for (const key of [undefined, recycler.key, maker.key]) expect(await counts(key)).toEqual({ DRAFT: 0, PUBLISHED: 1, ARCHIVED: 0 });
      expect(await counts(secretive.key)).toEqual({ DRAFT: 3, PUBLISHED: 1, ARCHIVED: 0 });
      expect(await counts(t.adminKey)).toEqual({ DRAFT: 3, PUBLISHED: 1, ARCHIVED: 0 });
    });
  });
});

describe('links without PUBLIC_BASE_URL (finding 8)', () => {
  let t: TestApp;
  let maker: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start({ publicBaseUrl: null });
    maker = await t.organization('MANUFACTURER');
  });
  afterAll(() => t.close());

  it('varies by Host and keeps every answer that embeds the host out of shared caches', async () => {
    const res = await t.gql(REGISTER, { i: registerInput({ serialNumber: 'H-1', publish: true }, maker) }, maker.key);
    const { id, gtin } = res.data.registerPassport;

    // The attack: a forged Host header ends up in the Digital Link, the Link header and the QR code...
    const view = await t.http().get(`/01/${gtin}/21/H-1`).set('host', 'evil.example').set('accept', 'application/json');
    expect(view.status).toBe(200);
    expect(view.body.digitalLink).toBe(`http://evil.example/01/${gtin}/21/H-1`);
    expect(view.headers.link).toBe(`<http://evil.example/01/${gtin}/21/H-1>; rel="canonical"`);
    // ...but no shared cache may keep it to hand to others.
    expect(view.headers['cache-control']).toBe('private, max-age=60');
    expect(view.headers.vary).toMatch(/\bHost\b/);
    const page = await t.http().get(`/01/${gtin}/21/H-1`).set('host', 'evil.example').set('accept', 'text/html');
    expect(page.headers['cache-control']).toBe('private, max-age=60');
    expect(page.headers.vary).toMatch(/\bHost\b/);

    for (const path of [`/passports/${id}/qr.svg`, `/passports/${id}/qr.png?size=128`]) {
      const qr = await t.http().get(path).set('host', 'evil.example');
      expect(qr.status).toBe(200);
      expect(qr.headers['cache-control']).toBe('private, max-age=86400');
      expect(qr.headers.vary).toMatch(/\bHost\b/);
    }
  });
});

describe('links with PUBLIC_BASE_URL (finding 8)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ publicBaseUrl: 'https://id.example.org' });
  });
  afterAll(() => t.close());

  it('ignores the Host header and lets shared caches keep published answers', async () => {
    const maker = await t.organization('MANUFACTURER');
    const res = await t.gql(REGISTER, { i: registerInput({ serialNumber: 'H-2', publish: true }, maker) }, maker.key);
    const { id, gtin } = res.data.registerPassport;
    const view = await t.http().get(`/01/${gtin}/21/H-2`).set('host', 'evil.example').set('accept', 'application/json');
    expect(view.body.digitalLink).toBe(`https://id.example.org/01/${gtin}/21/H-2`);
    expect(view.headers['cache-control']).toBe('public, max-age=60');
    expect(view.headers.vary).not.toMatch(/\bHost\b/);
    const qr = await t.http().get(`/passports/${id}/qr.svg`).set('host', 'evil.example');
    expect(qr.headers['cache-control']).toBe('public, max-age=86400');
    expect(qr.headers.vary ?? '').not.toMatch(/\bHost\b/);
  });
});
