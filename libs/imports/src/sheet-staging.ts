import { Injectable } from '@nestjs/common';
import { ImportRepository, type StagedLines } from './import.repository';
import { assemblePassport, firstOfEachKey, orphanComponent, orphanMaterial, type RowRefOf, type SheetRecord, type SheetRow } from './sheet-assembly';
import { type StagedRecord, text } from './sheet-records';

/** Lines staged per statement (a few hundred bytes each). */
const STAGE_CHUNK_LINES = 1000;
/** Lines per staged record at most. */
const RECORD_LINES = 500;
/** Keys of products without a Passports line read per query. */
const ORPHAN_PAGE = 100;

/**
 * Spreadsheet uploads (a workbook or a one-table CSV) in bounded memory: a product's lines may be anywhere in the
 * file, so its lines are staged in the database as they are read (ImportStagedRecord), then the passports are
 * assembled a chunk of products at a time, each with its own lines found by SQL. The staged lines live only while
 * the upload is received; a process that dies meanwhile leaves a RECEIVING run, which fails (and its lines go) once
 * its lease expires.
 */
@Injectable()
export class SheetStaging {
  constructor(private readonly repository: ImportRepository) {}

  /**
   * Stores the records in statements of STAGE_CHUNK lines, calling `keepLease` after each; then refreshes the
   * table's statistics, which the assembly's queries are planned by (without them, a table that was small when last
   * analyzed gets plans that scan it whole for each line).
   */
  async stage(runId: string, records: AsyncIterable<StagedRecord>, keepLease: () => Promise<void>): Promise<void> {
    // One statement in flight while the next lines are read: reading is the process's work, storing the database's.
    let writing: Promise<void> = Promise.resolve();
    let chunk: StagedLines[] = [];
    let chunkLines = 0;
    const flush = async () => {
      await writing;
      writing = this.repository.addStagedRecords(runId, chunk);
      // Its failure surfaces at the next await of it; until then it must not count as unhandled.
      writing.catch(() => undefined);
      chunk = [];
      chunkLines = 0;
      await keepLease();
    };
    // The record being filled for each sheet: lines of one product follow each other in most files.
    const open = new Map<string, StagedLines>();
    const close = async (record: StagedLines) => {
      chunk.push(record);
      chunkLines += record.lines.length;
      if (chunkLines >= STAGE_CHUNK_LINES) await flush();
    };
    try {
      for await (const { sheet, row, passportKey, key, record } of records) {
        let current = open.get(sheet);
        if (current && (current.passportKey !== passportKey || current.lines.length === RECORD_LINES)) {
          await close(current);
          current = undefined;
        }
        if (!current) open.set(sheet, (current = { sheet, passportKey, lines: [] }));
        current.lines.push({ row, key, record });
      }
      for (const record of open.values()) await close(record);
      await flush();
      await writing;
    } finally {
      // Nothing is stored after the upload failed (its run's lines are removed then).
      await writing.catch(() => undefined);
    }
    await this.repository.analyzeStagedRecords();
    await keepLease();
  }

  /**
   * The rows of the staged lines. First the lines of products that have no Passports line (failed rows: a
   * component names no product; a material names no component of it), then each product's passport in the order of
   * its Passports lines, `chunk` at a time, each after the failed rows of its materials without their component and
   * of its components whose parentKey names nothing. A CSV (`firstOfKey`) counts the first line of each product and
   * component. `keepLease` is called after each query.
   */
  async *rows(runId: string, refOf: RowRefOf, firstOfKey: boolean, chunk: number, keepLease: () => Promise<void>): AsyncGenerator<SheetRow> {
    for (let after = ''; ;) {
      const keys = await this.repository.keysWithoutProduct(runId, after, ORPHAN_PAGE);
      await keepLease();
      if (keys.length === 0) break;
      const lines = await this.repository.stagedLines(runId, keys);
      await keepLease();
      const components = new Set(lines.filter((line) => line.sheet === 'Components').map((line) => JSON.stringify([line.passportKey, line.key])));
      for (const line of lines) {
        if (line.sheet === 'Components') yield orphanComponent(line, refOf);
        else if (!components.has(JSON.stringify([line.passportKey, line.key]))) yield orphanMaterial(line, refOf);
      }
      after = keys.at(-1)!;
    }
    for (let after = -1; ;) {
      const passports = await this.repository.stagedPassports(runId, after, chunk);
      await keepLease();
      if (passports.length === 0) break;
      const products = new Map<string, { firstRow: number; components: SheetRecord[]; materials: StagedRecord[] }>();
      for (const line of await this.repository.stagedLines(runId, [...new Set(passports.map(({ record }) => text(record.key)))])) {
        const product = products.get(line.passportKey) ?? { firstRow: -1, components: [], materials: [] };
        // Rows count per sheet; the lines come in row order, so the first Passports line seen is the product's first.
        if (line.sheet === 'Passports' && product.firstRow < 0) product.firstRow = line.row;
        if (line.sheet === 'Components') product.components.push(line);
        if (line.sheet === 'Materials') product.materials.push(line);
        products.set(line.passportKey, product);
      }
      await keepLease();
      for (const passport of passports) {
        const product = products.get(text(passport.record.key))!;
        const first = passport.row === product.firstRow;
        if (firstOfKey && !first) continue;
        const components = firstOfKey ? firstOfEachKey(product.components) : product.components;
        // Reported once, with the first Passports line of the product.
        if (first) {
          const keys = new Set(components.map(({ record }) => text(record.key)));
          for (const material of product.materials) if (!keys.has(material.key)) yield orphanMaterial(material, refOf);
        }
        yield* assemblePassport(passport, components, product.materials, refOf);
      }
      after = passports.at(-1)!.row;
    }
  }

  /** The run's staged lines, once its rows are stored. */
  async clear(runId: string): Promise<void> {
    await this.repository.deleteStagedRecords(runId);
  }
}
