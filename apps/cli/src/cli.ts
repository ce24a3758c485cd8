import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, type CliIo, EXIT, writeLine } from './cli-io';
import { exportCommand } from './export.command';
import { importCommand } from './import.command';
import { verifyCommand } from './verify.command';

export const USAGE = `The registry's command line for auditors and manufacturers.

  npm run cli -- import <file> --url <registry> --key <api key> [--mode CREATE|UPSERT] [--dry-run]
      Uploads an NDJSON (.ndjson, .jsonl), XLSX (.xlsx) or CSV (.csv) file to POST /imports with a MANUFACTURER
      key, follows the import run with a progress bar and prints its counts and failed rows. Exit code 1 when a
      row failed. The key may come from REGISTRY_API_KEY instead of --key.

  npm run cli -- export --url <registry> --key <api key> [--format ndjson|csv] [--out <file>]
                        [--cluster <code>] [--status <status>] [--manufacturer-id <id>]
                        [--updated-since <ISO date>] [--as-of <ISO date-time>]
      Streams /exports/passports.ndjson (default) or /exports/materials.csv to <file> (or stdout) with a
      progress bar, and saves <file>.jwks.json (and for CSV <file>.manifest.json) beside it.
      The key may come from REGISTRY_API_KEY instead of --key.

  npm run cli -- verify <file> [--jwks <file or URL>] [--manifest <file>]
      Checks an export offline: every passport's hash chain and signatures, the line order, and the signed
      manifest (count and SHA-256). Prints each problem with its line, passport, revision and field.
      Exit code 0 when all is well, 1 when something is wrong, 2 for a wrong command line.

Run \`npm run build\` once first (the cli script runs the compiled code).`;

const FILTERS: Record<string, string> = {
  cluster: 'cluster',
  status: 'status',
  'manufacturer-id': 'manufacturerId',
  'updated-since': 'updatedSince',
  'as-of': 'asOf',
};

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`, EXIT.USAGE);
  }
}

/** Runs one command line; returns the process exit code. */
export async function runCli(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'export': {
        const { values, positionals } = parse(rest, {
          url: { type: 'string' },
          key: { type: 'string' },
          format: { type: 'string', default: 'ndjson' },
          out: { type: 'string' },
          ...Object.fromEntries(Object.keys(FILTERS).map((name) => [name, { type: 'string' as const }])),
        });
        if (positionals.length > 0) throw new CliError(`export takes no positional arguments, got ${positionals.join(' ')}`, EXIT.USAGE);
        const url = values.url as string | undefined;
        const key = (values.key as string | undefined) ?? env.REGISTRY_API_KEY;
        if (!url) throw new CliError('export: --url <registry address> is required', EXIT.USAGE);
        if (!key) throw new CliError('export: --key <api key> (or REGISTRY_API_KEY) is required', EXIT.USAGE);
        const format = values.format as string;
        if (format !== 'ndjson' && format !== 'csv') throw new CliError(`export: --format must be ndjson or csv, got "${format}"`, EXIT.USAGE);
        const filters = Object.fromEntries(
          Object.entries(FILTERS)
            .filter(([option]) => typeof values[option] === 'string')
            .map(([option, parameter]) => [parameter, values[option] as string]),
        );
        return await exportCommand({ url, key, format, out: (values.out as string | undefined) ?? null, filters }, io);
      }
      case 'import': {
        const { values, positionals } = parse(rest, {
          url: { type: 'string' },
          key: { type: 'string' },
          mode: { type: 'string', default: 'CREATE' },
          'dry-run': { type: 'boolean', default: false },
        });
        if (positionals.length !== 1) throw new CliError('import: give exactly one file to import', EXIT.USAGE);
        const url = values.url as string | undefined;
        const key = (values.key as string | undefined) ?? env.REGISTRY_API_KEY;
        if (!url) throw new CliError('import: --url <registry address> is required', EXIT.USAGE);
        if (!key) throw new CliError('import: --key <api key> (or REGISTRY_API_KEY) is required', EXIT.USAGE);
        const mode = values.mode as string;
        if (mode !== 'CREATE' && mode !== 'UPSERT') throw new CliError(`import: --mode must be CREATE or UPSERT, got "${mode}"`, EXIT.USAGE);
        return await importCommand({ file: positionals[0], url, key, mode, dryRun: values['dry-run'] === true }, io);
      }
      case 'verify': {
        const { values, positionals } = parse(rest, { jwks: { type: 'string' }, manifest: { type: 'string' } });
        if (positionals.length !== 1) throw new CliError('verify: give exactly one file to verify', EXIT.USAGE);
        return await verifyCommand(
          { file: positionals[0], jwks: (values.jwks as string | undefined) ?? null, manifest: (values.manifest as string | undefined) ?? null },
          io,
        );
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        writeLine(io.stdout, USAGE);
        return command === undefined ? EXIT.USAGE : EXIT.OK;
      default:
        throw new CliError(`Unknown command "${command}".\n\n${USAGE}`, EXIT.USAGE);
    }
  } catch (error) {
    if (error instanceof CliError) {
      writeLine(io.stderr, error.message);
      return error.exitCode;
    }
    throw error;
  }
}
