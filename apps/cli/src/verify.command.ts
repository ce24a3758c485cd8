import { type ExportManifest, type ExportProblem, type ExportVerification, verifyMaterialsExport, verifyPassportExport } from '@registry/verification';
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { CliError, type CliIo, EXIT, writeLine } from './cli-io';
import { loadJwks } from './registry-client';

export interface VerifyOptions {
  file: string;
  /** A JWKS file or URL; by default the `<file>.jwks.json` that `export` saved. */
  jwks: string | null;
  /** For CSV: the manifest file; by default `<file>.manifest.json`. */
  manifest: string | null;
}

/** `line 3 · passport 1f… · revision 2 · contentHash: …` */
export function formatProblem(problem: ExportProblem, unit: 'line' | 'record'): string {
  const place = [
    problem.line === null ? 'file' : `${unit} ${problem.line}`,
    problem.passportId && `passport ${problem.passportId}`,
    problem.revision !== undefined && `revision ${problem.revision}`,
  ].filter(Boolean);
  return `${place.join(' · ')} · ${problem.field ? `${problem.field}: ` : ''}${problem.message} [${problem.code}]`;
}

/** Verifies an export file offline and prints each problem with its place; exit code 1 when there is any. */
export async function verifyCommand(options: VerifyOptions, io: CliIo): Promise<number> {
  if (!existsSync(options.file)) throw new CliError(`verify: no file ${options.file}`, EXIT.USAGE);
  const jwksSource = options.jwks ?? `${options.file}.jwks.json`;
  if (!options.jwks && !existsSync(jwksSource)) {
    throw new CliError(
      `verify: no JWKS to check the signatures with: pass --jwks <file or URL> (e.g. https://<registry>/.well-known/jwks.json), or keep the ${jwksSource} that export saved`,
      EXIT.USAGE,
    );
  }
  const jwks = await loadJwks(jwksSource);
  const csv = options.file.toLowerCase().endsWith('.csv');

  let result: ExportVerification;
  if (csv) {
    const manifestFile = options.manifest ?? `${options.file}.manifest.json`;
    let manifest: ExportManifest;
    try {
      manifest = (JSON.parse(await readFile(manifestFile, 'utf8')) as { manifest: ExportManifest }).manifest;
    } catch (error) {
      throw new CliError(`verify: cannot read the manifest ${manifestFile} (${(error as Error).message}); pass --manifest <file>`, EXIT.USAGE);
    }
    if (!manifest) throw new CliError(`verify: ${manifestFile} holds no "manifest"`, EXIT.USAGE);
    result = await verifyMaterialsExport(createReadStream(options.file), manifest, jwks);
  } else {
    result = await verifyPassportExport(createReadStream(options.file), jwks);
  }

  for (const problem of result.problems) writeLine(io.stdout, formatProblem(problem, csv ? 'record' : 'line'));
  if (result.problems.length > 0) {
    writeLine(io.stdout, `${options.file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found.`);
    return EXIT.PROBLEMS;
  }
  const manifest = result.manifest!;
  const what = csv
    ? `${result.count} material rows`
    : `${result.count} passports, ${result.revisions} revisions (hash chains intact, ${result.signedRevisions} signatures valid)`;
  writeLine(io.stdout, `${options.file}: OK: ${what}.`);
  writeLine(
    io.stdout,
    `Manifest: ${manifest.export} as of ${manifest.asOf}, count ${manifest.count}, SHA-256 ${manifest.sha256}, signed by ${manifest.issuer} with key ${manifest.signingKeyId}.`,
  );
  return EXIT.OK;
}
