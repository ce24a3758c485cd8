import type { ClusterCode } from '@registry/prisma-client';
import ExcelJS from 'exceljs';
import { clusterColumns, type Column, FOOTPRINT_COLUMNS, SUBSTANCE_COLUMNS } from './sheet-fields';

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
