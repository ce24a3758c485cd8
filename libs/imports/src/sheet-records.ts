import ExcelJS from 'exceljs';
import { NUMBER_COLUMNS, SUBSTANCE_COLUMNS } from './sheet-fields';
import { SHEETS } from './workbook';

/** The three tables of a spreadsheet import. */
export type SheetName = 'Passports' | 'Components' | 'Materials';

/**
 * A line of a spreadsheet upload as it is staged: its table, its row (line) number, the product it belongs to, the
 * key it is found by (a component's key; a material's componentKey; empty for a product), and its values by column.
 */
export interface StagedRecord {
  sheet: SheetName;
  row: number;
  passportKey: string;
  key: string;
  record: Record<string, unknown>;
}

/**
 * The records of the Passports, Components and Materials sheets of a workbook, a row at a time: the file is read as
 * a stream (exceljs's WorkbookReader), so neither the workbook's cells and styles nor its rows are held. The names
 * of the sheets read are added to `seen`.
 */
export function workbookRecords(path: string, seen: Set<string>): AsyncGenerator<StagedRecord> {
  return rereadOnLostWorkbookEntry(() => readWorkbook(path, seen));
}

/** Reads of one file before its workbook is refused (the failure below hits about one read in seven here). */
const WORKBOOK_READ_ATTEMPTS = 8;

/**
 * exceljs's streaming reader now and then loses the last entry of the zip, which is `xl/workbook.xml` in the files
 * exceljs writes (the templates filled in), and then fails on the first sheet with "Cannot read properties of
 * undefined (reading 'sheets')" (exceljs issue 3064). That happens before any row is read and the file is on disk,
 * so the file is read again; any other failure, or one after a row, is the file's.
 */
export async function* rereadOnLostWorkbookEntry<T>(read: () => AsyncGenerator<T>): AsyncGenerator<T> {
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const record of read()) {
        yielded = true;
        yield record;
      }
      return;
    } catch (error) {
      const lostWorkbookEntry = error instanceof TypeError && error.message.includes("(reading 'sheets')");
      if (yielded || !lostWorkbookEntry || attempt === WORKBOOK_READ_ATTEMPTS) throw error;
      // The failures come in runs of a few reads in a row; a short pause breaks them.
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
    }
  }
}

async function* readWorkbook(path: string, seen: Set<string>): AsyncGenerator<StagedRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name: string }).name;
    if (name !== 'Passports' && name !== 'Components' && name !== 'Materials') {
      // Read to its end all the same: exceljs deletes a sheet's temporary file once the next one is asked for, and
      // a sheet stream left unread then fails to open it, outside any caller.
      for await (const row of sheet) void row;
      continue;
    }
    seen.add(name);
    for await (const { row, record } of recordsOf(sheet)) {
      if (name === 'Passports') yield { sheet: name, row, passportKey: text(record.key), key: '', record };
      else yield { sheet: name, row, passportKey: text(record.passportKey), key: text(name === 'Components' ? record.key : record.componentKey), record };
    }
  }
}

/**
 * The records of a one-table CSV (see csvColumns) as its lines arrive: a line gives its product's fields, its
 * component's and its material's. A product's fields count from its first line and a component's from its first
 * line; a line repeating the product (or component) of the line before it is not staged again for it, which leaves
 * out most repeats without holding the keys seen (the assembly takes the first of those left). Numbers are read as
 * numbers. Row numbers are line numbers.
 */
export async function* csvStagedRecords(records: AsyncIterable<string[]>): AsyncGenerator<StagedRecord> {
  let header: string[] | null = null;
  let columnOf = new Map<string, number>();
  let line = 0;
  // The keys of the line before (undefined before the first line).
  let previousPassport: string | undefined;
  let previousComponent: string | undefined;
  for await (const values of records) {
    line += 1;
    if (!header) {
      header = values;
      // The first column of each name, as indexOf would find it.
      columnOf = new Map([...values.entries()].reverse().map(([column, name]) => [name, column]));
      continue;
    }
    const columns = header;
    const cell = (name: string): unknown => csvValue(name, values[columnOf.get(name) ?? -1]);
    if (values.every((value) => value.trim() === '')) continue;
    const passportKey = text(cell('passportKey'));
    const componentKey = text(cell('componentKey'));
    if (passportKey !== previousPassport) {
      const record: Record<string, unknown> = {};
      columns.forEach((name, column) => {
        if (SHEETS.Passports.some((field) => field.name === name) || name.startsWith('clusterData.') || name.startsWith('carbonFootprint.'))
          record[name] = csvValue(name, values[column]);
      });
      yield { sheet: 'Passports', row: line, passportKey, key: '', record: { ...record, key: passportKey } };
    }
    if (componentKey && (passportKey !== previousPassport || componentKey !== previousComponent)) {
      yield {
        sheet: 'Components',
        row: line,
        passportKey,
        key: componentKey,
        record: {
          passportKey,
          key: componentKey,
          parentKey: cell('parentKey'),
          name: cell('componentName'),
          quantity: cell('quantity'),
          massKg: cell('componentMassKg'),
        },
      };
    }
    if (text(cell('materialName'))) {
      yield {
        sheet: 'Materials',
        row: line,
        passportKey,
        key: componentKey,
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
      };
    }
    previousPassport = passportKey;
    previousComponent = componentKey;
  }
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
async function* recordsOf(sheet: AsyncIterable<ExcelJS.Row>): AsyncGenerator<{ row: number; record: Record<string, unknown> }> {
  let header: string[] | null = null;
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
    if (filled) yield { row: row.number, record };
  }
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

export function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}
