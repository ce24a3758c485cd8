import { RegistryError } from '@registry/core';
import { ndjsonRows } from './ndjson-rows';

async function* chunks(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(text: string, size: number, limits = { maxBytes: 1e6, maxLineBytes: 1e5 }) {
  const rows = [];
  for await (const row of ndjsonRows(chunks(text, size), limits)) rows.push(row);
  return rows;
}

describe('NDJSON rows of a stream', () => {
  it('gives each line with its number, however the bytes are cut (UTF-8 included)', async () => {
    const text = '{"a":"é"}\n\n{"b":2}\r\nnot json\n{"manifest":{"count":2}}\n{"c":3}';
    for (const size of [1, 2, 3, 7, 1000]) {
      const rows = await read(text, size);
      expect(rows.map((row) => [row.line, row.value, row.problem?.slice(0, 20) ?? null])).toEqual([
        [1, { a: 'é' }, null],
        [3, { b: 2 }, null],
        [4, null, 'the line is not JSON'],
        [6, { c: 3 }, null],
      ]);
    }
  });

  it('stops at maxBytes (IMPORT_MAX_MB) even without a Content-Length, and drops a line past maxLineBytes as it comes', async () => {
    await expect(read('{"a":1}\n'.repeat(100), 16, { maxBytes: 100, maxLineBytes: 1e5 })).rejects.toThrow(RegistryError);
    const rows = await read(`{"a":"${'x'.repeat(500)}"}\n{"b":1}\n`, 16, { maxBytes: 1e6, maxLineBytes: 64 });
    expect(rows).toEqual([
      { line: 1, value: null, problem: expect.stringContaining('longer than 64 bytes') },
      { line: 2, value: { b: 1 }, problem: null },
    ]);
  });
});
