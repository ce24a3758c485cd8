import { PrismaService } from '@registry/core';
import { ImportProcessor } from '@registry/imports';
import ExcelJS from 'exceljs';
import { newGtin } from '../support/factories';
import { waitForRun } from '../support/imports';
import { TestApp, type TestOrganization } from '../support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COMPONENTS = 'query($id: ID!) { passport(id: $id) { productName components { path quantity massKg materials { name } } } }';

/** A CSV line, quoting the values that hold a comma or a quote. */
function csvLine(values: (string | number)[]): string {
  return `${values.map((value) => (/[",\r\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value))).join(',')}\r\n`;
}

describe('spreadsheet imports staged in the database: passports assembled from lines anywhere in the file', () => {
  let t: TestApp;
  let maker: TestOrganization;

  beforeAll(async () => {
    // Chunks of 2 products, so that a product's lines and its passport fall in different chunks.
    t = await TestApp.start({ importChunkRows: 2 });
    maker = await t.organization('MANUFACTURER');
  });
  afterAll(() => t.close());

  async function upload(body: Buffer | string, contentType: string) {
    const res = await t.http().post('/imports?mode=CREATE').set('authorization', `Bearer ${maker.key}`).set('content-type', contentType).send(body);
    expect(res.status).toBe(202);
    return waitForRun(t, maker.key, res.body.id);
  }

  async function treeOf(passportId: string) {
    const res = await t.gql(COMPONENTS, { id: passportId }, maker.key);
    expect(res.errors).toBeUndefined();
    return res.data.passport.components.map((c: any) => [c.path, c.materials.map((m: any) => m.name)]);
  }

  it('a workbook whose Materials come before their Components and products: lines that name nothing are failed rows with their place', async () => {
    const workbook = new ExcelJS.Workbook();
    const materials = workbook.addWorksheet('Materials');
    const components = workbook.addWorksheet('Components');
    const passports = workbook.addWorksheet('Passports');
    materials.addRows([
      ['passportKey', 'componentKey', 'name', 'element', 'casNumber', 'massKg', 'recycledContentPct'],
      ['b', 'frame', 'Steel', 'Fe', null, 1, null],
      ['a', 'cell', 'Nickel', 'Ni', null, 0.05, null],
      ['a', 'nope', 'Copper', 'Cu', null, 0.01, null],
      ['a', 'case', 'Aluminium', 'Al', null, 0.5, 60],
      ['c', 'housing', 'Aluminium', 'Al', null, 0.2, null],
    ]);
    components.addRows([
      ['passportKey', 'key', 'parentKey', 'name', 'quantity', 'massKg'],
      ['a', 'cell', 'cells', 'Cell', 10, 0.05],
      ['b', 'frame', null, 'Frame', 1, 1],
      ['a', 'cells', null, 'Cell block', 1, 0.5],
      ['a', 'case', null, 'Case', 1, 0.5],
      ['a', 'lid', 'top', 'Lid', 1, 0.1],
      ['ghost', 'x', null, 'Nothing', 1, 1],
    ]);
    passports.addRows([
      ['key', 'productName', 'cluster', 'granularity', 'gtin', 'serialNumber', 'batchNumber', 'unitCount', 'productMassKg', 'publish'],
      ['a', 'Battery A', 'HIGH_TECH_EQUIPMENT', 'MODEL', newGtin(maker.prefix!), null, null, 10, 1, false],
      ['b', 'Frame B', 'HIGH_TECH_EQUIPMENT', 'MODEL', newGtin(maker.prefix!), null, null, 10, 1, false],
      ['c', 'Lamp C', 'HIGH_TECH_EQUIPMENT', 'MODEL', newGtin(maker.prefix!), null, null, 10, 0.2, false],
    ]);
    const run = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(run.status).toBe('FINISHED');
    const byRef = new Map<string, any>(run.rows.edges.map((edge: any) => [edge.node.rowRef, edge.node]));
    // Lines of a product that is not there first; then each product with the lines of it that name nothing.
    expect([...byRef.keys()]).toEqual(['Components!7', 'Materials!4', 'Components!6', 'Passports!2', 'Passports!3', 'Materials!6', 'Passports!4']);
    expect(byRef.get('Materials!4').violations).toEqual([
      { path: '', message: 'no component "nope" of product "a" on the Components sheet', keyword: 'parse' },
    ]);
    expect(byRef.get('Materials!6').violations[0].message).toBe('no component "housing" of product "c" on the Components sheet');
    expect(byRef.get('Components!7').violations[0].message).toBe('no product "ghost" on the Passports sheet');
    expect(byRef.get('Components!6').violations[0]).toEqual({ path: '', message: 'no component "top" (parentKey) in product "a"', keyword: 'parse' });

    expect(byRef.get('Passports!2').outcome).toBe('CREATED');
    expect(await treeOf(byRef.get('Passports!2').passportId)).toEqual([
      ['/cells', []],
      ['/cells/cell', ['Nickel']],
      ['/case', ['Aluminium']],
    ]);
    expect(await treeOf(byRef.get('Passports!3').passportId)).toEqual([['/frame', ['Steel']]]);
    // A product without components fails its own checks, with a pointer into the row.
    expect(byRef.get('Passports!4')).toMatchObject({ outcome: 'FAILED' });
    expect(byRef.get('Passports!4').violations[0].path).toMatch(/^\/passport\/composition/);
    expect(await t.app.get(PrismaService).importStagedRecord.count()).toBe(0);
  });

  it("a CSV whose products' lines are not together: each product and component counts from its first line", async () => {
    const header = ['passportKey', 'productName', 'cluster', 'granularity', 'gtin', 'serialNumber', 'batchNumber', 'unitCount', 'productMassKg', 'publish'];
    const parts = ['componentKey', 'parentKey', 'componentName', 'quantity', 'componentMassKg', 'materialName', 'element', 'casNumber', 'materialMassKg'];
    const [gtinA, gtinB] = [newGtin(maker.prefix!), newGtin(maker.prefix!)];
    const a = ['a', 'Lamp A', 'HIGH_TECH_EQUIPMENT', 'MODEL', gtinA, '', '', '10', '1', 'FALSE'];
    const b = ['b', 'Lamp B', 'HIGH_TECH_EQUIPMENT', 'MODEL', gtinB, '', '', '10', '1', 'FALSE'];
    const csv = [
      [...header, ...parts],
      [...a, 'housing', '', 'Housing', '1', '0.6', 'Aluminium', 'Al', '', '0.6'],
      [...b, 'housing', '', 'Housing', '1', '1', 'Steel', 'Fe', '', '1'],
      [...a, 'board', '', 'Board', '1', '0.4', 'Copper', 'Cu', '', '0.3'],
      // The product's and component's fields on later lines do not count: their first lines do.
      [...a.slice(0, 1), 'Renamed', ...a.slice(2), 'board', '', 'Other name', '9', '9', 'Tin', 'Sn', '', '0.1'],
      [...b, '', '', '', '', '', 'Loose', 'Fe', '', '1'],
    ]
      .map(csvLine)
      .join('');
    const run = await upload(csv, 'text/csv');
    expect(run.status).toBe('FINISHED');
    expect(run.counts).toEqual({ created: 2, revised: 0, unchanged: 0, failed: 1 });
    expect(run.rows.edges.map((edge: any) => [edge.node.rowRef, edge.node.outcome])).toEqual([
      ['line 2', 'CREATED'],
      ['line 6', 'FAILED'],
      ['line 3', 'CREATED'],
    ]);
    expect(run.rows.edges[1].node.violations[0].message).toBe('no component "" of product "b" on the Components sheet');
    const lampA = await t.gql(COMPONENTS, { id: run.rows.edges[0].node.passportId }, maker.key);
    expect(lampA.data.passport).toMatchObject({
      productName: 'Lamp A',
      components: [
        { path: '/housing', quantity: 1, massKg: 0.6, materials: [{ name: 'Aluminium' }] },
        { path: '/board', quantity: 1, massKg: 0.4, materials: [{ name: 'Copper' }, { name: 'Tin' }] },
      ],
    });
  });

  it('a run whose process died while its file was received fails visibly, and its staged lines go', async () => {
    const prisma = t.app.get(PrismaService);
    const run = await prisma.importRun.create({
      data: {
        organizationId: maker.id,
        mode: 'CREATE',
        dryRun: false,
        status: 'RECEIVING',
        leaseOwner: 'a process that died',
        leaseExpiresAt: new Date(Date.now() - 1000),
        staged: { create: [{ sheet: 'Passports', row: 2, passportKey: 'a', lines: '[{"row":2,"key":"","record":{"key":"a"}}]' }] },
      },
    });
    await t.app.get(ImportProcessor).resumeAbandoned();
    expect(await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: 'FAILED',
      error: 'The upload stopped before the whole file was received; no row was imported',
    });
    expect(await prisma.importStagedRecord.count({ where: { runId: run.id } })).toBe(0);
  });
});
