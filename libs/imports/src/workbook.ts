import type { ClusterCode } from '@registry/prisma-client';
import ExcelJS from 'exceljs';
import {
  clusterColumns,
  clusterDataOf,
  type Column,
  environmentalImpactOf,
  FOOTPRINT_COLUMNS,
  NUMBER_COLUMNS,
  SHEET_SCHEMA_VERSION,
  SUBSTANCE_COLUMNS,
  substancesOfConcernOf,
  withoutEmpty,
} from './sheet-fields';

/** A row of a workbook import: its reference (sheet and row number), the passport it makes, or why it could not. */
export interface WorkbookRow {
  rowRef: string;
  value: unknown;
  problem: string | null;
}

/**
 * The columns of each sheet, in template order; the carbon footprint and cluster data add `carbonFootprint.<field>` and
 * `clusterData.<field>` columns to Passports, a substance of concern `substanceOfConcern.<field>` columns to Materials.
 */
export const SHEETS: Record<'Passports' | 'Components' | 'Materials', Column[]> = {
  Passports: [
    { name: 'key', description: 'Your key of the product, referred to by its Components (passportKey).' },
    { name: 'productName', description: '1 to 200 characters.' },
    { name: 'cluster', description: 'WIND_PARK, SOLAR_PV, BATTERY, HEAT_AS_A_SERVICE or HIGH_TECH_EQUIPMENT.' },
    { name: 'granularity', description: 'ITEM (needs serialNumber), BATCH (needs batchNumber) or MODEL.' },
    { name: 'gtin', description: 'GTIN-8/12/13/14 under one of your GS1 Company Prefixes.' },
    { name: 'serialNumber', description: 'GS1 AI 21, up to 20 characters.' },
    { name: 'batchNumber', description: 'GS1 AI 10, up to 20 characters.' },
    { name: 'unitCount', description: 'Units a BATCH or MODEL passport stands for.' },
    { name: 'productMassKg', unit: 'kg', description: 'Mass of one product.' },
    { name: 'publish', description: 'TRUE to publish at once, else a DRAFT.' },
  ],
  Components: [
    { name: 'passportKey', description: 'The key of its product on the Passports sheet.' },
    { name: 'key', description: 'Unique within the product.' },
    { name: 'parentKey', description: 'The key of the component it is part of; empty for a top-level component.' },
    { name: 'name', description: 'Name of the component.' },
    { name: 'quantity', description: 'How many of it are in its parent (or the product).' },
    { name: 'massKg', unit: 'kg', description: 'Mass of one of it.' },
  ],
  Materials: [
    { name: 'passportKey', description: 'The key of its product.' },
    { name: 'componentKey', description: 'The key of its component.' },
    { name: 'name', description: 'Name of the material.' },
    { name: 'element', description: 'Chemical element symbol, when the material is one element.' },
    { name: 'casNumber', description: 'CAS Registry Number.' },
    { name: 'massKg', unit: 'kg', description: 'Mass in one of its component.' },
    { name: 'recycledContentPct', unit: '%', description: 'Recycled content, 0 to 100.' },
  ],
};

/** The example product's footprint and the lead in its solder, in the order of FOOTPRINT_COLUMNS and SUBSTANCE_COLUMNS. */
const EXAMPLE_FOOTPRINT = [2.4, 'PRODUCT', 'A1-A3, C1-C4', 'ISO 14067'];
const EXAMPLE_SUBSTANCE = ['Lead', '7439-92-1', '231-100-4', 37, 'solder joints of the LED board'];

/** The .xlsx template of a cluster: the three sheets with their columns and one example product, and a Fields sheet. */
export async function workbookTemplate(cluster: ClusterCode): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const passportColumns = [...SHEETS.Passports, ...FOOTPRINT_COLUMNS, ...clusterColumns(cluster)];
  const sheets: [string, Column[], unknown[][]][] = [
    ['Passports', passportColumns, [['lamp-1', 'Bicycle lamp', cluster, 'MODEL', '', '', '', 1000, 0.1, false, ...EXAMPLE_FOOTPRINT]]],
    [
      'Components',
      SHEETS.Components,
      [
        ['lamp-1', 'housing', '', 'Aluminium housing', 1, 0.08],
        ['lamp-1', 'board', '', 'LED board', 2, 0.01],
      ],
    ],
    [
      'Materials',
      [...SHEETS.Materials, ...SUBSTANCE_COLUMNS],
      [
        ['lamp-1', 'housing', 'Aluminium', 'Al', '7429-90-5', 0.08, 50],
        ['lamp-1', 'board', 'Copper', 'Cu', '', 0.0099, ''],
        ['lamp-1', 'board', 'Tin-lead solder', 'Sn', '', 0.0001, '', ...EXAMPLE_SUBSTANCE],
      ],
    ],
  ];
  for (const [name, columns, examples] of sheets) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(columns.map((column) => column.name)).font = { bold: true };
    for (const example of examples) sheet.addRow(example);
  }
  const fields = workbook.addWorksheet('Fields');
  fields.addRow(['sheet', 'column', 'unit', 'description']).font = { bold: true };
  for (const [name, columns] of sheets) for (const column of columns) fields.addRow([name, column.name, column.unit ?? '', column.description]);
  fields.addRow([]);
  fields.addRow(['', `Cluster: ${cluster}. The example product (lamp-1) needs a GTIN under your GS1 Company Prefix; replace it with your products.`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The passports of a workbook: one row per line of the Passports sheet (rowRef "Passports!<row>"), its composition
 * assembled from the Components (nested by parentKey) and Materials of the same key. Values go into the document
 * as they are, so the composition schema reports a wrong one with its pointer; lines of Components or Materials
 * that name no product or component become failed rows of their own. The file is read as a stream (exceljs's
 * WorkbookReader): only the three sheets' values are kept, as records, never the workbook's cells and styles.
 */
export async function workbookRows(path: string): Promise<WorkbookRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets = new Map<string, SheetRecord[]>();
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name: string }).name;
    if (name === 'Passports' || name === 'Components' || name === 'Materials') sheets.set(name, await recordsOf(sheet));
  }
  const passports = sheets.get('Passports');
  if (!passports) return [{ rowRef: 'Passports', value: null, problem: 'the workbook has no sheet named Passports' }];
  return assembleRows(passports, sheets.get('Components') ?? [], sheets.get('Materials') ?? [], ['Passports', 'Components', 'Materials']);
}

type SheetRecord = { row: number; record: Record<string, unknown> };

/** A component assembled from the Components and Materials sheets, before the document is validated. */
interface ComponentDraft {
  key: string;
  name: string;
  quantity: unknown;
  massKg: unknown;
  materials: Record<string, unknown>[];
  components: ComponentDraft[];
}

/** Passports from the records of the three tables; `names` says how row references name them. */
function assembleRows(
  passports: SheetRecord[],
  componentRecords: SheetRecord[],
  materialRecords: SheetRecord[],
  names: [string, string, string],
): WorkbookRow[] {
  const [passportsName, componentsName, materialsName] = names;
  const rows: WorkbookRow[] = [];
  const components = new Map<string, { row: number; record: Record<string, unknown>; document: ComponentDraft }[]>();
  for (const { row, record } of componentRecords) {
    const document: ComponentDraft = {
      key: text(record.key),
      name: text(record.name),
      quantity: record.quantity,
      massKg: record.massKg,
      materials: [],
      components: [],
    };
    const list = components.get(text(record.passportKey)) ?? [];
    list.push({ row, record, document });
    components.set(text(record.passportKey), list);
  }
  for (const { row, record } of materialRecords) {
    const owner = components.get(text(record.passportKey))?.find((component) => component.document.key === text(record.componentKey));
    if (!owner) {
      rows.push({
        rowRef: `${materialsName}!${row}`,
        value: null,
        problem: `no component "${text(record.componentKey)}" of product "${text(record.passportKey)}" on the Components sheet`,
      });
      continue;
    }
    owner.document.materials.push(
      withoutEmpty({
        name: text(record.name),
        element: record.element,
        casNumber: record.casNumber,
        massKg: record.massKg,
        recycledContentPct: record.recycledContentPct,
        substancesOfConcern: substancesOfConcernOf(record),
      }),
    );
  }
  const keys = new Set(passports.map(({ record }) => text(record.key)));
  for (const [key, list] of components) {
    if (!keys.has(key))
      for (const { row } of list) rows.push({ rowRef: `${componentsName}!${row}`, value: null, problem: `no product "${key}" on the Passports sheet` });
  }
  for (const { row, record } of passports) {
    const own = components.get(text(record.key)) ?? [];
    const top: ComponentDraft[] = [];
    for (const component of own) {
      const parentKey = text(component.record.parentKey);
      const parent = parentKey ? own.find((candidate) => candidate.document.key === parentKey) : null;
      if (parentKey && !parent) {
        rows.push({
          rowRef: `${componentsName}!${component.row}`,
          value: null,
          problem: `no component "${parentKey}" (parentKey) in product "${text(record.key)}"`,
        });
        continue;
      }
      (parent ? parent.document.components : top).push(component.document);
    }
    const composition = withoutEmpty({
      schemaVersion: SHEET_SCHEMA_VERSION,
      productMassKg: record.productMassKg,
      unitCount: record.unitCount,
      components: top,
      environmentalImpact: environmentalImpactOf(record),
      clusterData: clusterDataOf(record),
    });
    rows.push({
      rowRef: `${passportsName}!${row}`,
      value: withoutEmpty({
        productName: text(record.productName),
        cluster: text(record.cluster),
        granularity: text(record.granularity),
        gtin: text(record.gtin),
        serialNumber: record.serialNumber === null ? null : text(record.serialNumber),
        batchNumber: record.batchNumber === null ? null : text(record.batchNumber),
        composition,
        publish: record.publish === true || text(record.publish).toUpperCase() === 'TRUE',
      }),
      problem: null,
    });
  }
  return rows;
}

/** Columns of the one-table CSV form: one line per material (or per component without materials). */
export function csvColumns(cluster: ClusterCode): string[] {
  return [
    ...SHEETS.Passports.map((column) => (column.name === 'key' ? 'passportKey' : column.name)),
    ...FOOTPRINT_COLUMNS.map((column) => column.name),
    'componentKey',
    'parentKey',
    'componentName',
    'quantity',
    'componentMassKg',
    'materialName',
    'element',
    'casNumber',
    'materialMassKg',
    'recycledContentPct',
    ...SUBSTANCE_COLUMNS.map((column) => column.name),
    ...clusterColumns(cluster).map((column) => column.name),
  ];
}

/** The CSV template of a cluster: its columns and the example product, one line per material. */
export function csvTemplate(cluster: ClusterCode): string[][] {
  const product = ['lamp-1', 'Bicycle lamp', cluster, 'MODEL', '', '', '', '1000', '0.1', 'FALSE', ...EXAMPLE_FOOTPRINT.map(String)];
  const noSubstance = SUBSTANCE_COLUMNS.map(() => '');
  const lines = [
    [...product, 'housing', '', 'Aluminium housing', '1', '0.08', 'Aluminium', 'Al', '7429-90-5', '0.08', '50', ...noSubstance],
    [...product, 'board', '', 'LED board', '2', '0.01', 'Copper', 'Cu', '', '0.0099', '', ...noSubstance],
    [...product, 'board', '', 'LED board', '2', '0.01', 'Tin-lead solder', 'Sn', '', '0.0001', '', ...EXAMPLE_SUBSTANCE.map(String)],
  ];
  const clusterCells = clusterColumns(cluster).map(() => '');
  return [csvColumns(cluster), ...lines.map((line) => [...line, ...clusterCells])];
}

/**
 * The passports of a one-table CSV (see csvColumns), its records read as they come: a product's fields are taken
 * from its first line, a component's from its first line; rowRef "line <n>" of the product's first line. Numbers
 * are read as numbers. Only the values are kept, as records (a product's lines may be anywhere in the file).
 */
export async function csvRows(records: AsyncIterable<string[]>): Promise<WorkbookRow[]> {
  let header: string[] | null = null;
  const passports = new Map<string, SheetRecord>();
  const components = new Map<string, SheetRecord>();
  const materials: SheetRecord[] = [];
  let line = 0;
  for await (const values of records) {
    line += 1;
    if (!header) {
      header = values;
      continue;
    }
    const columns = header;
    const cell = (name: string): unknown => csvValue(name, values[columns.indexOf(name)]);
    if (values.every((value) => value.trim() === '')) continue;
    const passportKey = text(cell('passportKey'));
    if (!passports.has(passportKey)) {
      const record: Record<string, unknown> = {};
      columns.forEach((name, column) => {
        if (SHEETS.Passports.some((field) => field.name === name) || name.startsWith('clusterData.') || name.startsWith('carbonFootprint.'))
          record[name] = csvValue(name, values[column]);
      });
      passports.set(passportKey, { row: line, record: { ...record, key: passportKey } });
    }
    const componentKey = text(cell('componentKey'));
    if (componentKey && !components.has(JSON.stringify([passportKey, componentKey]))) {
      components.set(JSON.stringify([passportKey, componentKey]), {
        row: line,
        record: {
          passportKey,
          key: componentKey,
          parentKey: cell('parentKey'),
          name: cell('componentName'),
          quantity: cell('quantity'),
          massKg: cell('componentMassKg'),
        },
      });
    }
    if (text(cell('materialName'))) {
      materials.push({
        row: line,
        record: {
          passportKey,
          componentKey,
          name: cell('materialName'),
          element: cell('element'),
          casNumber: cell('casNumber'),
          massKg: cell('materialMassKg'),
          recycledContentPct: cell('recycledContentPct'),
          ...Object.fromEntries(SUBSTANCE_COLUMNS.map(({ name }) => [name, cell(name)])),
        },
      });
    }
  }
  if (!header) return [];
  return assembleRows([...passports.values()], [...components.values()], materials, ['line', 'line', 'line']).map((row) => ({
    ...row,
    rowRef: row.rowRef.replace('!', ' '),
  }));
}

/** Columns holding numbers or yes/no; the others (GTINs, serial numbers, keys, names) stay text as written. */
const TYPED_COLUMNS = new Set([
  'unitCount',
  'productMassKg',
  'publish',
  'quantity',
  'componentMassKg',
  'materialMassKg',
  'recycledContentPct',
  ...NUMBER_COLUMNS,
]);

/** A CSV cell: empty is null; in a typed column a decimal number is a number and TRUE/FALSE a boolean. */
function csvValue(column: string, value: string | undefined): unknown {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  if (!TYPED_COLUMNS.has(column) && !column.startsWith('clusterData.')) return trimmed;
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(trimmed)) return Number(trimmed);
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  return trimmed;
}

/** The data rows of a streamed sheet as records keyed by its header row (its first row); empty cells are null. */
async function recordsOf(sheet: AsyncIterable<ExcelJS.Row>): Promise<SheetRecord[]> {
  let header: string[] | null = null;
  const records: SheetRecord[] = [];
  for await (const row of sheet) {
    const values = row.values as unknown[];
    if (!header) {
      if (row.number !== 1) header = [];
      else {
        header = Array.from(values, (value) => (value === undefined || value === null ? '' : String(value).trim()));
        continue;
      }
    }
    const record: Record<string, unknown> = {};
    let filled = false;
    header.forEach((name, column) => {
      if (!name) return;
      const value = cellValue(values[column] as ExcelJS.CellValue);
      if (value !== null) filled = true;
      record[name] = value;
    });
    if (filled) records.push({ row: row.number, record });
  }
  return records;
}

function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object' && !(value instanceof Date)) {
    // Formulas give their result; rich text its plain text; hyperlinks their text.
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
  }
  return value;
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}
