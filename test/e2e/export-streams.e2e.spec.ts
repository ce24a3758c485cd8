import { canonicalJson, parseCsv } from '@registry/verification';
import { compactVerify, createLocalJWKSet } from 'jose';
import { createHash } from 'node:crypto';
import { compositionFixtures, lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const REVISE = 'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }';
const ARCHIVE = 'mutation($id: ID!) { archivePassport(passportId: $id) { status } }';

/** The lamp with a material whose name needs CSV quoting (a comma and a double quote). */
function quotedLamp(): Record<string, any> {
  const composition = lampComposition();
  composition.components[0].materials[1].name = 'Magnesium, "AZ31" alloying';
  return composition;
}

describe('streaming exports (NDJSON and CSV)', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let otherMaker: TestOrganization;
  let auditor: TestOrganization;
  let authority: TestOrganization;
  let recycler: TestOrganization;
  const ids: Record<'revised' | 'quoted' | 'draft' | 'battery' | 'archived', string> = {} as any;

  const register = async (by: TestOrganization, overrides: Record<string, unknown>) => {
    const res = await t.gql(REGISTER, { i: registerInput(overrides, by) }, by.key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.registerPassport.id as string;
  };

  /** The raw bytes of a GET, whatever the content type. */
  const raw = async (path: string, key?: string) => {
    const req = t
      .http()
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    if (key) req.set('authorization', `Bearer ${key}`);
    const res = await req;
    return { status: res.status, headers: res.headers, bytes: res.body as Buffer, json: () => JSON.parse((res.body as Buffer).toString('utf8')) };
  };

  const ndjson = async (query: string, key = auditor.key) => {
    const res = await raw(`/exports/passports.ndjson${query}`, key);
    expect(res.status).toBe(200);
    const text = res.bytes.toString('utf8');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    const manifestLine = lines.pop()!;
    return {
      res,
      text,
      passports: lines.map((line) => JSON.parse(line)),
      manifest: JSON.parse(manifestLine).manifest,
      body: Buffer.from(`${lines.map((l) => `${l}\n`).join('')}`),
    };
  };

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
    otherMaker = await t.organization('MANUFACTURER');
    auditor = await t.organization('AUDITOR');
    authority = await t.organization('AUTHORITY');
    recycler = await t.organization('RECYCLER');

    ids.revised = await register(maker, { publish: true });
    const changed = lampComposition();
    changed.components[0].materials[0].massKg = 0.078;
    changed.components[0].materials[1].massKg = 0.002;
    const revised = await t.gql(
      REVISE,
      { i: { passportId: ids.revised, expectedRevision: 1, composition: changed, productName: 'Bicycle lamp (2027)' } },
      maker.key,
    );
    expect(revised.errors).toBeUndefined();
    ids.quoted = await register(maker, { publish: true, composition: quotedLamp() });
    ids.draft = await register(maker, { publish: false });
    const battery = compositionFixtures('ok').find((f) => f.cluster === 'BATTERY')!;
    ids.battery = await register(otherMaker, {
      publish: true,
      cluster: 'BATTERY',
      granularity: 'BATCH',
      serialNumber: null,
      batchNumber: 'B-7',
      composition: battery.document,
    });
    ids.archived = await register(otherMaker, { publish: true });
    expect((await t.gql(ARCHIVE, { id: ids.archived }, otherMaker.key)).errors).toBeUndefined();
  });
  afterAll(() => t.close());

  it('refuses callers without an AUDITOR key in the registry error shape', async () => {
    for (const path of ['/exports/passports.ndjson', '/exports/materials.csv', '/exports/materials.csv.manifest.json?asOf=2026-01-01T00:00:00Z']) {
      const anonymous = await t.http().get(path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      // A MANUFACTURER key exports its own passports (imports-export.e2e.spec.ts), and nothing else.
      for (const key of path.startsWith('/exports/passports.ndjson') ? [recycler.key] : [maker.key, recycler.key]) {
        const refused = await t.http().get(path).set('authorization', `Bearer ${key}`);
        expect(refused.status).toBe(403);
        expect(refused.body).toEqual({ errors: [{ message: expect.stringContaining('AUDITOR'), extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }] });
      }
    }
    expect((await raw('/exports/passports.ndjson', authority.key)).status).toBe(200);
    expect((await raw('/exports/materials.csv', authority.key)).status).toBe(200);
  });

  it('exports one passport per line with its whole signed history, and a signed manifest last', async () => {
    const { res, passports, manifest, body } = await ndjson('');
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="passports-.*\.ndjson"$/);
    expect(res.headers['x-export-passports']).toBe('4');

    // Drafts are their owner's: not exported to auditors. Ordered by id, numbered from 1.
    const expected = [ids.revised, ids.quoted, ids.battery, ids.archived].sort();
    expect(passports.map((p) => p.id)).toEqual(expected);
    expect(passports.map((p) => p.sequence)).toEqual([1, 2, 3, 4]);

    const revised = passports.find((p) => p.id === ids.revised);
    expect(revised).toMatchObject({
      gtin: expect.stringMatching(/^\d{14}$/),
      serialNumber: expect.any(String),
      batchNumber: null,
      granularity: 'ITEM',
      cluster: 'HIGH_TECH_EQUIPMENT',
      manufacturer: { id: maker.id, name: expect.any(String) },
      status: 'PUBLISHED',
      productName: 'Bicycle lamp (2027)',
    });
    expect(revised.revisions.map((r: any) => r.revision)).toEqual([1, 2]);
    const [first, second] = revised.revisions;
    expect(first).toMatchObject({ status: 'PUBLISHED', productName: 'Bicycle lamp', previousHash: null, composition: lampComposition() });
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(second.previousHash).toBe(first.contentHash);
    expect(second.composition.components[0].materials[0].massKg).toBe(0.078);
    expect(second.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    for (const revision of revised.revisions) {
      expect(revision.signature.split('.')).toHaveLength(3);
      expect(revision.signingKeyId).toBe('test-signing-key');
    }
    const battery = passports.find((p) => p.id === ids.battery);
    expect(battery).toMatchObject({ granularity: 'BATCH', batchNumber: 'B-7', serialNumber: null, cluster: 'BATTERY', manufacturer: { id: otherMaker.id } });
    expect(passports.find((p) => p.id === ids.archived).status).toBe('ARCHIVED');

    expect(manifest).toMatchObject({
      export: 'passports.ndjson',
      count: 4,
      filters: {},
      signingKeyId: 'test-signing-key',
      asOf: res.headers['x-export-as-of'],
    });
    expect(manifest.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    const jwks = (await t.http().get('/.well-known/jwks.json').expect(200)).body;
    const { payload, protectedHeader } = await compactVerify(manifest.signature, createLocalJWKSet(jwks));
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', kid: 'test-signing-key' });
    const { signature: _s, signingKeyId: _k, ...signed } = manifest;
    expect(new TextDecoder().decode(payload)).toBe(canonicalJson(signed));
  });

  it('exports the platform administrator the drafts too', async () => {
    const { passports } = await ndjson('', t.adminKey);
    expect(passports.map((p) => p.id)).toContain(ids.draft);
  });

  it('exports one CSV row per material occurrence and element with CAS, masses, element shares and critical lists, quoted as RFC 4180 asks', async () => {
    const res = await raw('/exports/materials.csv', auditor.key);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    const text = res.bytes.toString('utf8');
    expect(text).toContain('\r\n');
    expect(text).toContain('"Magnesium, ""AZ31"" alloying"');
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'passportId',
      'revision',
      'gtin',
      'serialNumber',
      'batchNumber',
      'cluster',
      'status',
      'manufacturerId',
      'componentPath',
      'componentName',
      'materialName',
      'declaredElement',
      'casNumber',
      'massKg',
      'massKgPerProduct',
      'recycledContentPct',
      'element',
      'massFraction',
      'elementMassKgPerProduct',
      'source',
      'criticalLists',
    ]);
    const record = (row: string[]) => Object.fromEntries(header.map((name, i) => [name, row[i]]));
    const quoted = rows.filter((row) => row[0] === ids.quoted).map(record);
    // The lamp: housing (2 materials), board (3) and driver (2): 7 occurrences, in document order; each material is one
    // element (the epoxy none), so one row each.
    expect(quoted).toHaveLength(7);
    expect(quoted[0]).toMatchObject({
      declaredElement: 'Al',
      element: 'Al',
      massFraction: '1',
      elementMassKgPerProduct: '0.079',
      source: 'REFERENCE_SUBSTANCE',
    });
    expect(quoted[1]).toMatchObject({ declaredElement: 'Mg', element: 'Mg', source: 'DECLARED_ELEMENT' });
    expect(quoted[1]).toMatchObject({ componentPath: '/housing', materialName: 'Magnesium, "AZ31" alloying', element: 'Mg', massKg: '0.001', revision: '1' });
    expect(quoted[1].criticalLists.split(';')).toEqual(expect.arrayContaining(['EU-CRMA-2024-CRITICAL', 'EU-CRMA-2024-STRATEGIC', 'NL-CMI-FOCUS']));
    expect(quoted[0]).toMatchObject({
      materialName: 'Aluminium',
      casNumber: '7429-90-5',
      recycledContentPct: '50',
      status: 'PUBLISHED',
      manufacturerId: maker.id,
    });
    const driverSb = quoted.find((row) => row.componentPath === '/board/driver' && row.element === 'Sb')!;
    expect(Number(driverSb.massKgPerProduct)).toBeCloseTo(0.0004, 12); // 0.0001 kg x 2 boards x 2 chips
    expect(driverSb.criticalLists.split(';')).toContain('EU-CRMA-2024-CRITICAL');
    const epoxy = quoted.find((row) => row.materialName === 'Epoxy laminate')!;
    expect(epoxy).toMatchObject({ element: '', massFraction: '', source: '', casNumber: '25068-38-6', criticalLists: '' });

    // The current revision only: the revised lamp's housing now weighs in at 0.078 kg of aluminium.
    const revised = rows.filter((row) => row[0] === ids.revised).map(record);
    expect(revised[0]).toMatchObject({ revision: '2', massKg: '0.078' });
    expect(rows.some((row) => row[0] === ids.draft)).toBe(false);
    expect(rows.filter((row) => row[0] === ids.battery).map(record)[0]).toMatchObject({ batchNumber: 'B-7', serialNumber: '', cluster: 'BATTERY' });
  });

  it('serves the CSV manifest for the same asOf: count and SHA-256 of the same bytes, signed', async () => {
    const csv = await raw('/exports/materials.csv?cluster=HIGH_TECH_EQUIPMENT', auditor.key);
    const asOf = csv.headers['x-export-as-of'];
    expect(csv.headers.link).toBe(
      `<materials.csv.manifest.json?cluster=HIGH_TECH_EQUIPMENT&asOf=${encodeURIComponent(asOf)}>; rel="describedby"; type="application/json"`,
    );
    expect(Number(csv.headers['x-export-passports'])).toBeGreaterThan(0);
    const rows = parseCsv(csv.bytes.toString('utf8')).length - 1;

    // A passport registered after asOf does not change what the manifest covers.
    await register(maker, { publish: true });
    const res = await t
      .http()
      .get(`/exports/materials.csv.manifest.json?cluster=HIGH_TECH_EQUIPMENT&asOf=${encodeURIComponent(asOf)}`)
      .set('authorization', `Bearer ${auditor.key}`)
      .expect(200);
    const manifest = res.body.manifest;
    expect(manifest).toMatchObject({ export: 'materials.csv', count: rows, asOf, filters: { cluster: 'HIGH_TECH_EQUIPMENT' } });
    expect(manifest.sha256).toBe(createHash('sha256').update(csv.bytes).digest('hex'));
    const jwks = (await t.http().get('/.well-known/jwks.json')).body;
    await expect(compactVerify(manifest.signature, createLocalJWKSet(jwks))).resolves.toBeDefined();

    const missing = await t.http().get('/exports/materials.csv.manifest.json').set('authorization', `Bearer ${auditor.key}`).expect(400);
    expect(missing.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ path: 'asOf' })] });
  });

  it('filters by cluster, manufacturer, status and updatedSince, and records the filters in the manifest', async () => {
    const byCluster = await ndjson('?cluster=BATTERY');
    expect(byCluster.passports.map((p) => p.id)).toEqual([ids.battery]);
    expect(byCluster.manifest.filters).toEqual({ cluster: 'BATTERY' });

    const byMaker = await ndjson(`?manufacturerId=${otherMaker.id}`);
    expect(byMaker.passports.map((p) => p.id).sort()).toEqual([ids.battery, ids.archived].sort());

    const archived = await ndjson('?status=ARCHIVED');
    expect(archived.passports.map((p) => p.id)).toEqual([ids.archived]);
    // An auditor asking for drafts gets none: they stay their owner's.
    expect((await ndjson('?status=DRAFT')).passports).toEqual([]);

    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const revise = await t.gql(REVISE, { i: { passportId: ids.quoted, expectedRevision: 1, productName: 'Quoted lamp' } }, maker.key);
    expect(revise.errors).toBeUndefined();
    const updated = await ndjson(`?updatedSince=${encodeURIComponent(since)}`);
    expect(updated.passports.map((p) => p.id)).toEqual([ids.quoted]);
    expect(updated.manifest.filters).toEqual({ updatedSince: since });

    const csv = await raw(`/exports/materials.csv?cluster=BATTERY&manufacturerId=${otherMaker.id}`, auditor.key);
    const passportIds = new Set(
      parseCsv(csv.bytes.toString('utf8'))
        .slice(1)
        .map((row) => row[0]),
    );
    expect([...passportIds]).toEqual([ids.battery]);
  });

  it('exports the history as it stood at asOf', async () => {
    const all = await ndjson('');
    const quoted = all.passports.find((p) => p.id === ids.quoted);
    const firstRevisionAt = quoted.revisions[0].createdAt;
    const before = await ndjson(`?asOf=${encodeURIComponent(firstRevisionAt)}`);
    const then = before.passports.find((p) => p.id === ids.quoted);
    expect(then.revisions.map((r: any) => r.revision)).toEqual([1]);
    expect(before.passports.some((p) => p.id === ids.battery)).toBe(false);
  });

  it('answers bad parameters with 400 naming each parameter', async () => {
    const cases: [string, string][] = [
      ['cluster=SPACESHIPS', 'cluster'],
      ['status=LOST', 'status'],
      ['manufacturerId=acme', 'manufacturerId'],
      ['updatedSince=yesterday', 'updatedSince'],
      ['updatedSince=2026-01-31T12:00:00', 'updatedSince'],
      ['asOf=2999-01-01T00:00:00Z', 'asOf'],
      ['clusters=BATTERY', 'clusters'],
    ];
    for (const [query, parameter] of cases) {
      for (const path of ['/exports/passports.ndjson', '/exports/materials.csv']) {
        const res = await t.http().get(`${path}?${query}`).set('authorization', `Bearer ${auditor.key}`);
        expect(res.status).toBe(400);
        expect(res.body.errors[0].message).toContain(parameter);
        expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ path: parameter })] });
      }
    }
    const both = await t.http().get('/exports/passports.ndjson?cluster=X&status=Y').set('authorization', `Bearer ${auditor.key}`).expect(400);
    expect(both.body.errors[0].extensions.violations.map((v: any) => v.path)).toEqual(['cluster', 'status']);
  });
});
