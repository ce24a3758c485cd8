import { Injectable } from '@nestjs/common';
import { ImportRepository } from './import.repository';
import { assemblePassport, firstOfEachKey, orphanComponent, orphanMaterial, type RowRefOf, type SheetRecord, type SheetRow } from './sheet-assembly';
import { type StagedRecord, text } from './sheet-records';

/** Lines staged per statement (records of a few hundred bytes). */
const STAGE_CHUNK = 1000;
/** Orphan lines read per query. */
const ORPHAN_PAGE = 1000;

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
    let chunk: StagedRecord[] = [];
    for await (const record of records) {
      chunk.push(record);
      if (chunk.length === STAGE_CHUNK) {
        await this.repository.addStagedRecords(runId, chunk);
        chunk = [];
        await keepLease();
      }
    }
    await this.repository.addStagedRecords(runId, chunk);
    await this.repository.analyzeStagedRecords();
    await keepLease();
  }

  /**
   * The rows of the staged lines: first the Materials lines without their component and the Components lines
   * without their product (failed rows), then each product's passport in the order of its Passports line, `chunk`
   * products at a time. A CSV (`firstOfKey`) counts the first line of each product and component. `keepLease` is
   * called after each query.
   */
  async *rows(runId: string, refOf: RowRefOf, firstOfKey: boolean, chunk: number, keepLease: () => Promise<void>): AsyncGenerator<SheetRow> {
    for (let after = -1; ; ) {
      const page = await this.repository.orphanMaterials(runId, after, ORPHAN_PAGE);
      await keepLease();
      if (page.length === 0) break;
      for (const line of page) yield orphanMaterial(line, refOf);
      after = page.at(-1)!.row;
    }
    for (let after = -1; ; ) {
      const page = await this.repository.orphanComponents(runId, after, ORPHAN_PAGE);
      await keepLease();
      if (page.length === 0) break;
      for (const line of page) yield orphanComponent(line, refOf);
      after = page.at(-1)!.row;
    }
    for (let after = -1; ; ) {
      const passports = await this.repository.stagedPassports(runId, after, chunk, firstOfKey);
      await keepLease();
      if (passports.length === 0) break;
      const parts = new Map<string, { components: SheetRecord[]; materials: SheetRecord[] }>();
      for (const line of await this.repository.stagedParts(runId, [...new Set(passports.map(({ record }) => text(record.key)))])) {
        const own = parts.get(line.passportKey) ?? { components: [], materials: [] };
        (line.sheet === 'Components' ? own.components : own.materials).push(line);
        parts.set(line.passportKey, own);
      }
      for (const passport of passports) {
        const own = parts.get(text(passport.record.key)) ?? { components: [], materials: [] };
        yield* assemblePassport(passport, firstOfKey ? firstOfEachKey(own.components) : own.components, own.materials, refOf);
      }
      after = passports.at(-1)!.row;
    }
  }

  /** The run's staged lines, once its rows are stored. */
  async clear(runId: string): Promise<void> {
    await this.repository.deleteStagedRecords(runId);
  }
}
