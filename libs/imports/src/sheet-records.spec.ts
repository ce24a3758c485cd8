import { rereadOnLostWorkbookEntry } from './sheet-records';

/** A read that fails like exceljs's reader does when it lost `xl/workbook.xml`, `failures` times, then gives `rows`. */
function flakyRead(failures: number, rows: number[]) {
  let reads = 0;
  const read = async function* (): AsyncGenerator<number> {
    reads += 1;
    if (reads <= failures) throw new TypeError("Cannot read properties of undefined (reading 'sheets')");
    yield* rows;
  };
  return { read, reads: () => reads };
}

async function all<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const record of records) out.push(record);
  return out;
}

describe('reading a workbook again when the streaming reader lost its workbook entry', () => {
  it('reads the file again and gives every row once', async () => {
    const flaky = flakyRead(2, [1, 2, 3]);
    expect(await all(rereadOnLostWorkbookEntry(flaky.read))).toEqual([1, 2, 3]);
    expect(flaky.reads()).toBe(3);
  });

  it('gives up after eight reads', async () => {
    const flaky = flakyRead(10, [1]);
    await expect(all(rereadOnLostWorkbookEntry(flaky.read))).rejects.toThrow("reading 'sheets'");
    expect(flaky.reads()).toBe(8);
  });

  it('does not read again after a row was given, or for another failure', async () => {
    const afterRow = async function* (): AsyncGenerator<number> {
      yield 1;
      throw new TypeError("Cannot read properties of undefined (reading 'sheets')");
    };
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const row of rereadOnLostWorkbookEntry(afterRow)) seen.push(row);
      })(),
    ).rejects.toThrow(TypeError);
    expect(seen).toEqual([1]);

    let reads = 0;
    const corrupt = async function* (): AsyncGenerator<number> {
      reads += 1;
      if (reads > 0) throw new Error('invalid signature: 0x0');
      yield 0;
    };
    await expect(all(rereadOnLostWorkbookEntry(corrupt))).rejects.toThrow('invalid signature');
    expect(reads).toBe(1);
  });
});
