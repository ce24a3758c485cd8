import { CsvReader, type ExportManifest } from '@registry/verification';
import { Presets, SingleBar } from 'cli-progress';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CliError, type CliIo, EXIT, writeLine } from './cli-io';
import { baseUrl, failure, fetchJson } from './registry-client';

export interface ExportOptions {
  url: string;
  key: string;
  format: 'ndjson' | 'csv';
  out: string | null;
  filters: Record<string, string>;
}

/**
 * Counts passports as the export streams by: NDJSON lines (the manifest line excepted), or changes of
 * passportId in the CSV's first column (rows come ordered by passport). Keeps the last NDJSON line to check
 * that the stream ended with its manifest.
 */
class PassportCounter extends Transform {
  passports = 0;
  lastLine = '';
  private partial: Buffer[] = [];
  private readonly csv: CsvReader | null;
  private readonly decoder = new TextDecoder('utf-8');
  private records = 0;
  private lastPassport = '';

  constructor(
    format: 'ndjson' | 'csv',
    private readonly onProgress: (passports: number) => void,
  ) {
    super();
    this.csv = format === 'csv' ? new CsvReader() : null;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    if (this.csv) this.countCsv(this.csv.push(this.decoder.decode(chunk, { stream: true })));
    else this.countLines(chunk);
    this.onProgress(this.passports);
    done(null, chunk);
  }

  override _flush(done: () => void): void {
    if (this.csv) this.countCsv([...this.csv.push(this.decoder.decode()), ...this.csv.end()]);
    else if (this.partial.length > 0) this.lastLine = Buffer.concat(this.partial).toString('utf8');
    done();
  }

  private countLines(chunk: Buffer): void {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      const line = Buffer.concat([...this.partial, chunk.subarray(start, newline)]);
      this.partial = [];
      // The line before this one was a passport; this one may be the manifest (known only at the end).
      if (this.lastLine !== '') this.passports++;
      this.lastLine = line.toString('utf8');
      start = newline + 1;
    }
    if (start < chunk.length) this.partial.push(chunk.subarray(start));
  }

  private countCsv(records: string[][]): void {
    for (const record of records) {
      if (++this.records === 1) continue;
      if (record[0] !== this.lastPassport) {
        this.passports++;
        this.lastPassport = record[0];
      }
    }
  }
}

/** Streams an export of the registry to a file (or stdout), with a progress bar, and keeps what verify needs beside it. */
export async function exportCommand(options: ExportOptions, io: CliIo): Promise<number> {
  const base = baseUrl(options.url);
  const path = options.format === 'csv' ? '/exports/materials.csv' : '/exports/passports.ndjson';
  const url = `${base}${path}${Object.keys(options.filters).length ? `?${new URLSearchParams(options.filters)}` : ''}`;

  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${options.key}` } });
  } catch (error) {
    throw new CliError(`Export: cannot reach ${base} (${(error as Error).message})`);
  }
  if (!res.ok || !res.body) throw await failure(res, 'Export');

  const expected = Number(res.headers.get('x-export-passports') ?? 0);
  const bar = io.interactive
    ? new SingleBar(
        { stream: io.stderr, format: 'Exporting |{bar}| {value}/{total} passports  {percentage}%  {duration_formatted}', hideCursor: true },
        Presets.shades_classic,
      )
    : null;
  bar?.start(expected, 0);
  const counter = new PassportCounter(options.format, (passports) => bar?.update(passports));
  const target: Writable = options.out ? createWriteStream(options.out) : io.stdout;
  try {
    await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), counter, target, { end: options.out !== null });
  } catch (error) {
    throw new CliError(`Export interrupted after ${counter.passports} passports: ${(error as Error).message}`);
  } finally {
    bar?.update(counter.passports);
    bar?.stop();
  }

  const where = options.out ?? 'stdout';
  if (options.format === 'ndjson') {
    let manifest: ExportManifest | undefined;
    try {
      manifest = (JSON.parse(counter.lastLine) as { manifest?: ExportManifest }).manifest;
    } catch {
      manifest = undefined;
    }
    if (!manifest) throw new CliError(`The export to ${where} stopped before its manifest after ${counter.passports} passports: it is incomplete`);
    writeLine(io.stderr, `Exported ${counter.passports} passports to ${where} (as of ${manifest.asOf}, SHA-256 ${manifest.sha256}).`);
  } else {
    writeLine(io.stderr, `Exported the materials of ${counter.passports} passports to ${where} (as of ${res.headers.get('x-export-as-of')}).`);
  }
  if (!options.out) return EXIT.OK;

  // Beside the file: the registry's public keys, and for CSV its manifest (the same asOf, so the same data).
  const jwks = await fetchJson<object>(`${base}/.well-known/jwks.json`, 'Fetching the JWKS');
  await writeFile(`${options.out}.jwks.json`, `${JSON.stringify(jwks, null, 2)}\n`);
  if (options.format === 'csv') {
    const link = /<([^>]+)>;\s*rel="describedby"/.exec(res.headers.get('link') ?? '')?.[1];
    if (!link) throw new CliError('The registry sent no link to the manifest of the CSV');
    const manifestUrl = new URL(link, url).toString();
    const manifest = await fetchJson<{ manifest: ExportManifest }>(manifestUrl, 'Fetching the manifest', options.key);
    await writeFile(`${options.out}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    writeLine(io.stderr, `Saved ${options.out}.manifest.json (${manifest.manifest.count} rows, SHA-256 ${manifest.manifest.sha256}).`);
  }
  writeLine(io.stderr, `Saved the registry's keys to ${options.out}.jwks.json. Check the file with: npm run cli -- verify ${options.out}`);
  return EXIT.OK;
}
