import { parseCsv } from '@registry/verification';
import ExcelJS from 'exceljs';
import { PrismaService } from '@registry/core';
import { newGtin, registerInput } from '../support/factories';
import { waitForRun } from '../support/imports';
import { TestApp, type TestOrganization } from '../support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const IMPACT = `query($id: ID!) { passport(id: $id) {
  environmentalImpact { carbonFootprint { kgCO2e declaredUnit lifecycleStages method } }
  substancesOfConcern { name casNumber ecNumber concentrationPct location }
  battery { schema chemistry minimalVoltageV maximalVoltageV expectedLifetimeCycles temperatureRange { minC maxC } recycledContent { cobaltPct lithiumPct } }
} }`;

/** A CSV line, quoting the values that hold a comma or a quote (like "A1-A3, C1-C4"). */
function csvLine(values: string[]): string {
  return `${values.map((value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)).join(',')}\r\n`;
}

/** A binary response body as a Buffer. */
function binary(res: any, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('import templates: a filled XLSX workbook or CSV imports its products', () => {
  let t: TestApp;
  let maker: TestOrganization;

  beforeAll(async () => {
    // A small IMPORT_MAX_MB (100 kB) so that the limit can be crossed here.
    t = await TestApp.start({ importMaxBytes: 100_000 });
    maker = await t.organization('MANUFACTURER');
  });
  afterAll(() => t.close());

  async function upload(body: Buffer | string, contentType: string, owner = maker) {
    const res = await t.http().post('/imports?mode=CREATE').set('authorization', `Bearer ${owner.key}`).set('content-type', contentType).send(body);
    // With the body, so that a refusal shows its message.
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 202 });
    return waitForRun(t, owner.key, res.body.id, 'CREATED');
  }

  it("gives the cluster's template; two products typed into it (one with a nested component) are imported", async () => {
    const res = await t.http().get('/imports/templates/BATTERY.xlsx').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Passports', 'Components', 'Materials', 'Fields']);
    const header = (workbook.getWorksheet('Passports')!.getRow(1).values as string[]).filter(Boolean);
    expect(header).toEqual(
      expect.arrayContaining([
        'key',
        'productName',
        'gtin',
        'carbonFootprint.kgCO2e',
        'clusterData.chemistry',
        'clusterData.minimalVoltageV',
        'clusterData.temperatureRange.minC',
      ]),
    );
    const materialHeader = (workbook.getWorksheet('Materials')!.getRow(1).values as string[]).filter(Boolean);
    expect(materialHeader).toEqual(expect.arrayContaining(['substanceOfConcern.name', 'substanceOfConcern.ecNumber', 'substanceOfConcern.concentrationPct']));

    // Fill it as a manufacturer would: the example product's lines replaced by two products.
    const fill = (name: string, rows: unknown[][]) => {
      const sheet = workbook.getWorksheet(name)!;
      const width = (sheet.getRow(1).values as string[]).length - 1;
      const last = Math.max(sheet.rowCount, rows.length + 1);
      for (let r = 2; r <= last; r++) {
        const row = rows[r - 2];
        for (let c = 1; c <= width; c++) sheet.getRow(r).getCell(c).value = (row?.[c - 1] ?? null) as ExcelJS.CellValue;
      }
    };
    const passports = (workbook.getWorksheet('Passports')!.getRow(1).values as string[]).slice(1);
    const product = (values: Record<string, unknown>) => passports.map((column) => values[column] ?? null);
    fill('Passports', [
      product({
        key: 'pack-1',
        productName: 'E-bike battery',
        cluster: 'BATTERY',
        granularity: 'ITEM',
        gtin: newGtin(maker.prefix!),
        serialNumber: 'EB-1',
        productMassKg: 2.5,
        'carbonFootprint.kgCO2e': 95,
        'carbonFootprint.declaredUnit': 'KWH',
        'carbonFootprint.lifecycleStages': 'A1-A3, C1-C4',
        'carbonFootprint.method': 'PEF',
        'clusterData.chemistry': 'NMC',
        'clusterData.minimalVoltageV': 30,
        'clusterData.maximalVoltageV': 42,
        'clusterData.expectedLifetimeCycles': 800,
        'clusterData.temperatureRange.minC': -20,
        'clusterData.temperatureRange.maxC': 45,
        'clusterData.recycledContent.cobaltPct': 12,
      }),
      product({
        key: 'pack-2',
        productName: 'Scooter battery',
        cluster: 'BATTERY',
        granularity: 'MODEL',
        gtin: newGtin(maker.prefix!),
        unitCount: 300,
        productMassKg: 1.2,
        publish: true,
      }),
    ]);
    fill('Components', [
      ['pack-1', 'cells', '', 'Cell block', 1, 2],
      ['pack-1', 'cell', 'cells', 'Cell', 40, 0.05],
      ['pack-1', 'case', '', 'Case', 1, 0.5],
      ['pack-2', 'cells', '', 'Cell block', 1, 1.2],
    ]);
    fill('Materials', [
      ['pack-1', 'cell', 'Nickel', 'Ni', '7440-02-0', 0.03, null],
      ['pack-1', 'cell', 'Lithium', 'Li', '', 0.02, null],
      ['pack-1', 'case', 'Aluminium', 'Al', '7429-90-5', 0.5, 60, 'Lead', '7439-92-1', '231-100-4', 0.2, 'case alloy'],
      ['pack-2', 'cells', 'Lithium iron phosphate', '', '15365-14-7', 1.2, null],
    ]);
    const run = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(run.counts).toEqual({ created: 2, revised: 0, unchanged: 0, failed: 0 });
    expect(run.rows.edges.map((edge: any) => edge.node.rowRef)).toEqual(['Passports!2', 'Passports!3']);

    const first = await t.gql(
      'query($id: ID!) { passport(id: $id) { productName status totalMassKg components { key path } } }',
      { id: run.rows.edges[0].node.passportId },
      maker.key,
    );
    expect(first.data.passport).toMatchObject({ productName: 'E-bike battery', status: 'DRAFT' });
    expect(first.data.passport.components.map((c: any) => c.path)).toEqual(['/cells', '/cells/cell', '/case']);

    const impact = await t.gql(IMPACT, { id: run.rows.edges[0].node.passportId }, maker.key);
    expect(impact.errors).toBeUndefined();
    expect(impact.data.passport).toEqual({
      environmentalImpact: { carbonFootprint: { kgCO2e: 95, declaredUnit: 'KWH', lifecycleStages: ['A1-A3', 'C1-C4'], method: 'PEF' } },
      substancesOfConcern: [{ name: 'Lead', casNumber: '7439-92-1', ecNumber: '231-100-4', concentrationPct: 0.2, location: 'case alloy' }],
      battery: {
        schema: 'battery.v2',
        chemistry: 'NMC',
        minimalVoltageV: 30,
        maximalVoltageV: 42,
        expectedLifetimeCycles: 800,
        temperatureRange: { minC: -20, maxC: 45 },
        recycledContent: { cobaltPct: 12, lithiumPct: null },
      },
    });
  });

  it('points a bad cell to its place in the passport, and gives the CSV template too', async () => {
    const res = await t.http().get('/imports/templates/SOLAR_PV.csv');
    expect(res.status).toBe(200);
    const [header, ...example] = parseCsv(res.text);
    expect(header.slice(0, 3)).toEqual(['passportKey', 'productName', 'cluster']);
    expect(example).toHaveLength(3);
    const gtin = newGtin(maker.prefix!);
    const rows = example.map((line) => line.map((value, i) => (header[i] === 'gtin' ? gtin : value)));
    rows[1][header.indexOf('materialMassKg')] = 'heavy';
    const csv = [header, ...rows].map(csvLine).join('');
    const created = await t.http().post('/imports?mode=CREATE').set('authorization', `Bearer ${maker.key}`).set('content-type', 'text/csv').send(csv);
    const run = await waitForRun(t, maker.key, created.body.id, 'FAILED');
    expect(run.counts.failed).toBe(1);
    expect(run.rows.edges[0].node).toMatchObject({
      rowRef: 'line 2',
      violations: expect.arrayContaining([expect.objectContaining({ path: '/passport/composition/components/1/materials/0/massKg' })]),
    });
    expect((await t.http().get('/imports/templates/NOPE.xlsx')).status).toBe(404);
  });

  it("imports the templates' example product as it is, with its carbon footprint and the lead in its solder", async () => {
    // Another manufacturer, whose example lamps stay apart from the products of the other tests.
    const lampMaker = await t.organization('MANUFACTURER');
    const res = await t.http().get('/imports/templates/BATTERY.csv');
    const [header, ...example] = parseCsv(res.text);
    const gtin = newGtin(lampMaker.prefix!);
    const csv = [header, ...example.map((line) => line.map((value, i) => (header[i] === 'gtin' ? gtin : value)))].map(csvLine).join('');
    const run = await upload(csv, 'text/csv', lampMaker);
    expect(run.counts).toEqual({ created: 1, revised: 0, unchanged: 0, failed: 0 });
    const lamp = await t.gql(IMPACT, { id: run.rows.edges[0].node.passportId }, lampMaker.key);
    expect(lamp.errors).toBeUndefined();
    expect(lamp.data.passport).toMatchObject({
      environmentalImpact: { carbonFootprint: { kgCO2e: 2.4, declaredUnit: 'PRODUCT', lifecycleStages: ['A1-A3', 'C1-C4'], method: 'ISO 14067' } },
      substancesOfConcern: [{ name: 'Lead', casNumber: '7439-92-1', ecNumber: '231-100-4', concentrationPct: 37, location: 'solder joints of the LED board' }],
    });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await t.http().get('/imports/templates/SOLAR_PV.xlsx').buffer(true).parse(binary)).body as unknown as ArrayBuffer);
    const passports = workbook.getWorksheet('Passports')!;
    const gtinColumn = (passports.getRow(1).values as string[]).indexOf('gtin');
    passports.getRow(2).getCell(gtinColumn).value = newGtin(lampMaker.prefix!);
    const fromWorkbook = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX, lampMaker);
    expect(fromWorkbook.counts).toEqual({ created: 1, revised: 0, unchanged: 0, failed: 0 });
    const panel = await t.gql(IMPACT, { id: fromWorkbook.rows.edges[0].node.passportId }, lampMaker.key);
    expect(panel.data.passport.environmentalImpact.carbonFootprint.kgCO2e).toBe(2.4);
    expect(panel.data.passport.substancesOfConcern.map((s: any) => s.name)).toEqual(['Lead']);
  });

  it('points a substance with a wrong EC check digit to its cell', async () => {
    const res = await t.http().get('/imports/templates/HEAT_AS_A_SERVICE.csv');
    const [header, ...example] = parseCsv(res.text);
    const gtin = newGtin(maker.prefix!);
    const rows = example.map((line) => line.map((value, i) => (header[i] === 'gtin' ? gtin : value)));
    rows[2][header.indexOf('substanceOfConcern.ecNumber')] = '231-100-5';
    const csv = [header, ...rows].map(csvLine).join('');
    const created = await t.http().post('/imports?mode=CREATE').set('authorization', `Bearer ${maker.key}`).set('content-type', 'text/csv').send(csv);
    const run = await waitForRun(t, maker.key, created.body.id, 'FAILED');
    expect(run.rows.edges[0].node.violations).toEqual([
      expect.objectContaining({ path: '/passport/composition/components/1/materials/1/substancesOfConcern/0/ecNumber' }),
    ]);
  });

  it('refuses a file over IMPORT_MAX_MB with PAYLOAD_TOO_LARGE naming the setting, and imports none of it', async () => {
    const file = Array.from({ length: 200 }, () => JSON.stringify(registerInput({}, maker))).join('\n');
    expect(file.length).toBeGreaterThan(100_000);
    const res = await t.http().post('/imports').set('authorization', `Bearer ${maker.key}`).set('content-type', 'application/x-ndjson').send(file);
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', setting: 'IMPORT_MAX_MB', limitBytes: 100_000 });
    // A CSV over the limit too, cut off while its lines are being staged: none of them stay.
    const [header, ...example] = parseCsv((await t.http().get('/imports/templates/SOLAR_PV.csv')).text);
    const lines = Array.from({ length: 1000 }, (_, i) => example[0].map((value, column) => (header[column] === 'passportKey' ? `lamp-${i}` : value)));
    const csv = [header, ...lines].map(csvLine).join('');
    expect(csv.length).toBeGreaterThan(100_000);
    const csvRes = await t.http().post('/imports').set('authorization', `Bearer ${maker.key}`).set('content-type', 'text/csv').send(csv);
    expect(csvRes.status).toBe(413);
    const prisma = t.app.get(PrismaService);
    expect(await prisma.importStagedRecord.count()).toBe(0);
    expect(await prisma.importPendingRow.count()).toBe(0);
    expect(await prisma.passport.count({ where: { productName: 'Bicycle lamp', manufacturerId: maker.id } })).toBe(0);
  });
});
