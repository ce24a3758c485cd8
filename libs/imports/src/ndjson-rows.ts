import { ErrorCode, RegistryError } from '@registry/core';

/** One line of an NDJSON upload: its 1-based line number, and its value or why it could not be read. */
export interface NdjsonRow {
  line: number;
  value: unknown;
  problem: string | null;
}

/**
 * Reads NDJSON from a byte stream line by line, never holding more than one line: empty lines are skipped, and
 * the signed manifest line that ends a passports.ndjson export (`{"manifest": …}`) is not a row. The whole body
 * may hold at most `maxBytes` (PAYLOAD_TOO_LARGE names the setting); a line longer than `maxLineBytes` is a row
 * with a problem, its text dropped as it arrives.
 */
export async function* ndjsonRows(body: AsyncIterable<Buffer | string>, limits: { maxBytes: number; maxLineBytes: number }): AsyncGenerator<NdjsonRow> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let bytes = 0;
  let line = 0;
  let partial = '';
  let oversized = false;
  const finish = (text: string): NdjsonRow | null => {
    line += 1;
    if (oversized) {
      oversized = false;
      return { line, value: null, problem: `the line is longer than ${limits.maxLineBytes} bytes (BODY_LIMIT_MB, the largest document)` };
    }
    if (text.trim() === '') return null;
    try {
      const value: unknown = JSON.parse(text);
      if (isManifestLine(value)) return null;
      return { line, value, problem: null };
    } catch (error) {
      return { line, value: null, problem: `the line is not JSON: ${(error as Error).message}` };
    }
  };
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    if (bytes > limits.maxBytes) throw importTooLarge(limits.maxBytes);
    const parts = (partial + decoder.decode(buffer, { stream: true })).split('\n');
    partial = parts.pop()!;
    for (const text of parts) {
      const row = finish(text);
      if (row) yield row;
    }
    if (Buffer.byteLength(partial) > limits.maxLineBytes) {
      oversized = true;
      partial = '';
    }
  }
  const last = finish(partial + decoder.decode());
  if (last) yield last;
}

/** PAYLOAD_TOO_LARGE naming the setting. */
export function importTooLarge(limitBytes: number): RegistryError {
  return new RegistryError(ErrorCode.PAYLOAD_TOO_LARGE, `The file is larger than ${limitBytes} bytes (IMPORT_MAX_MB); split it into several imports`, {
    limitBytes,
    setting: 'IMPORT_MAX_MB',
  });
}

function isManifestLine(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && 'manifest' in value;
}
