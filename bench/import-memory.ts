// `npm run build && node dist/bench/import-memory.js [--products=200]`
// Peak RSS of reading an import upload (CSV and XLSX) into rows, for a file of --products products (29 components
// and 78 materials each, one CSV line or Materials row per material) and one ten times larger, each read in a fresh
// process: as the import reads them now (CSV records as they arrive; the workbook streamed by exceljs's
// WorkbookReader) and, for comparison, whole (the file in memory, parsed at once; the workbook loaded as an exceljs
// model), as imports read them before issue 13.
import { csvRow, CsvReader, parseCsv } from '@registry/verification';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvColumns, csvRows, workbookRows } from '@registry/imports';

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
}

/** Per product: 29 components (3 nested under the first), 2 or 3 materials each (78 in all). */
function* productLines(products: number): Generator<string[]> {
  for (let p = 0; p < products; p++) {
    const product = [`p-${p}`, `Product ${p}`, 'BATTERY', 'MODEL', `87${String(p + 1).padStart(11, '0')}`, '', '', '100', '300', 'FALSE'];
    for (let c = 0; c < 29; c++) {
      const component = [`c-${c}`, c > 0 && c < 4 ? 'c-0' : '', `Component ${c}`, '1', '10'];
      for (let m = 0; m < (c < 20 ? 3 : 2); m++) {
        yield [...product, ...component, `Material ${m}`, ['Al', 'Cu', 'Fe'][m % 3], '', String(10 / 3), '25'];
      }
    }
  }
}

async function writeCsv(path: string, products: number): Promise<void> {
  const lines = [csvRow(csvColumns('BATTERY').slice(0, 20))];
  for (const line of productLines(products)) lines.push(csvRow(line));
  await writeFile(path, lines.join(''));
}

async function writeXlsx(path: string, products: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const passports = workbook.addWorksheet('Passports');
  const components = workbook.addWorksheet('Components');
  const materials = workbook.addWorksheet('Materials');
  passports.addRow(['key', 'productName', 'cluster', 'granularity', 'gtin', 'serialNumber', 'batchNumber', 'unitCount', 'productMassKg', 'publish']).commit();
  components.addRow(['passportKey', 'key', 'parentKey', 'name', 'quantity', 'massKg']).commit();
  materials.addRow(['passportKey', 'componentKey', 'name', 'element', 'casNumber', 'massKg', 'recycledContentPct']).commit();
  let last = '';
  let lastComponent = '';
  for (const line of productLines(products)) {
    if (line[0] !== last) passports.addRow([line[0], line[1], line[2], line[3], line[4], null, null, 100, 300, false]).commit();
    if (line[0] !== last || line[10] !== lastComponent) components.addRow([line[0], line[10], line[11] || null, line[12], 1, 10]).commit();
    materials.addRow([line[0], line[10], line[15], line[16], null, 10 / 3, 25]).commit();
    last = line[0];
    lastComponent = line[10];
  }
  await workbook.commit();
}

/** Child: reads one file one way and prints its row count and peak RSS. */
async function child(format: string, reader: string, path: string): Promise<void> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  let rows: number;
  if (format === 'csv' && reader === 'stream') {
    async function* records() {
      const csv = new CsvReader();
      const decoder = new TextDecoder();
      for await (const chunk of createReadStream(path)) yield* csv.push(decoder.decode(chunk as Buffer, { stream: true }));
      yield* csv.end();
    }
    rows = (await csvRows(records())).length;
  } else if (format === 'csv') {
    const all = parseCsv(readFileSync(path, 'utf8'));
    rows = (
      await csvRows(
        (async function* () {
          yield* all;
        })(),
      )
    ).length;
  } else if (reader === 'stream') {
    rows = (await workbookRows(path)).length;
  } else {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    rows = workbook.worksheets.reduce((sum, sheet) => sum + sheet.rowCount, 0);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(sampler);
  console.log(JSON.stringify({ rows, peakRss: peak }));
}

async function main(): Promise<void> {
  const [mode, format, reader, path] = process.argv.slice(2);
  if (mode === 'child') return child(format, reader, path);
  const products = Number(option('products') ?? 200);
  const dir = await mkdtemp(join(tmpdir(), 'registry-import-memory-'));
  try {
    console.log('| format | products | file | read as the import does now: peak RSS | read whole (before): peak RSS |');
    console.log('|---|---:|---:|---:|---:|');
    for (const format of ['csv', 'xlsx']) {
      for (const count of [products, products * 10]) {
        const path = join(dir, `upload-${count}.${format}`);
        await (format === 'csv' ? writeCsv(path, count) : writeXlsx(path, count));
        const measure = (reader: string) =>
          JSON.parse(execFileSync(process.execPath, [__filename, 'child', format, reader, path], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as {
            rows: number;
            peakRss: number;
          };
        const streamed = measure('stream');
        const whole = measure('whole');
        const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
        console.log(`| ${format} | ${count} | ${mb(statSync(path).size)} | ${mb(streamed.peakRss)} | ${mb(whole.peakRss)} |`);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
