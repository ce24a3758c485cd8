import { Presets, SingleBar } from 'cli-progress';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { CliError, type CliIo, EXIT, writeLine } from './cli-io';
import { baseUrl, failure, fetchJson } from './registry-client';

export interface ImportOptions {
  file: string;
  url: string;
  key: string;
  mode: 'CREATE' | 'UPSERT';
  dryRun: boolean;
}

interface ImportRunAnswer {
  id: string;
  status: 'RECEIVING' | 'QUEUED' | 'RUNNING' | 'FINISHED' | 'FAILED';
  totalRows: number;
  progress: number;
  error: string | null;
  counts: { created: number; revised: number; unchanged: number; failed: number };
}

const CONTENT_TYPES: Record<string, string> = {
  '.ndjson': 'application/x-ndjson',
  '.jsonl': 'application/x-ndjson',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv',
};

/** Failed rows printed in the summary; the others are in importRun(id) { rows(outcome: FAILED) }. */
const FAILED_ROWS_SHOWN = 20;

const FAILED_ROWS = `query($id: ID!, $first: Int) {
  importRun(id: $id) { rows(first: $first, outcome: FAILED) { totalCount edges { node { rowRef violations { path message } } } } }
}`;

/**
 * Uploads a file to POST /imports (streamed from disk), then follows the run to its end with a progress bar
 * (uploaded bytes, then processed rows), and prints its counts and the first failed rows. Exit code 1 when a row
 * failed or the run did.
 */
export async function importCommand(options: ImportOptions, io: CliIo): Promise<number> {
  const contentType = CONTENT_TYPES[extname(options.file).toLowerCase()];
  if (!contentType) throw new CliError(`import: the file must end in ${Object.keys(CONTENT_TYPES).join(', ')}, got "${options.file}"`, EXIT.USAGE);
  const size = await stat(options.file).then(
    (info) => info.size,
    (error: NodeJS.ErrnoException) => {
      throw new CliError(`import: cannot read ${options.file} (${error.code ?? error.message})`);
    },
  );
  const root = baseUrl(options.url);
  const bar = io.interactive
    ? new SingleBar({ format: ' {phase} [{bar}] {percentage}% | {value}/{total}', stream: io.stderr as NodeJS.WritableStream }, Presets.shades_classic)
    : null;

  bar?.start(size, 0, { phase: 'upload ' });
  let sent = 0;
  const counted = createReadStream(options.file).pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sent += chunk.length;
        bar?.update(sent);
        done(null, chunk);
      },
    }),
  );
  const query = new URLSearchParams({ mode: options.mode, dryRun: String(options.dryRun) });
  let res: Response;
  try {
    res = await fetch(`${root}/imports?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.key}`, 'content-type': contentType, 'content-length': String(size) },
      body: Readable.toWeb(counted) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
  } catch (error) {
    bar?.stop();
    throw new CliError(`import: cannot reach ${root} (${(error as Error).message})`);
  }
  if (res.status !== 202) {
    bar?.stop();
    throw await failure(res, 'Uploading the file');
  }
  let run = (await res.json()) as ImportRunAnswer;
  bar?.setTotal(Math.max(run.totalRows, 1));
  bar?.update(0, { phase: 'import ' });
  while (run.status !== 'FINISHED' && run.status !== 'FAILED') {
    await new Promise((resolve) => setTimeout(resolve, 500));
    run = await fetchJson<ImportRunAnswer>(`${root}/imports/${run.id}`, 'Following the import run', options.key);
    bar?.update(Math.round(run.progress * run.totalRows));
  }
  bar?.stop();

  const { created, revised, unchanged, failed } = run.counts;
  writeLine(io.stdout, `Import run ${run.id}${options.dryRun ? ' (dry run: nothing was written)' : ''}: ${run.status}`);
  writeLine(io.stdout, `  ${run.totalRows} rows: ${created} created, ${revised} revised, ${unchanged} unchanged, ${failed} failed`);
  if (run.error) writeLine(io.stdout, `  ${run.error}`);
  if (failed > 0) {
    const answer = await fetch(`${root}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: FAILED_ROWS, variables: { id: run.id, first: FAILED_ROWS_SHOWN } }),
    });
    const body = (await answer.json()) as {
      data?: { importRun: { rows: { edges: { node: { rowRef: string; violations: { path: string; message: string }[] } }[] } } };
    };
    writeLine(io.stdout, 'Failed rows:');
    for (const { node } of body.data?.importRun.rows.edges ?? []) {
      writeLine(io.stdout, `  row ${node.rowRef}: ${node.violations.map((v) => `${v.path || '(row)'} ${v.message}`).join('; ')}`);
    }
    if (failed > FAILED_ROWS_SHOWN)
      writeLine(io.stdout, `  ... and ${failed - FAILED_ROWS_SHOWN} more: query importRun(id: "${run.id}") { rows(outcome: FAILED) }`);
  }
  return run.status === 'FINISHED' && failed === 0 ? EXIT.OK : EXIT.PROBLEMS;
}
