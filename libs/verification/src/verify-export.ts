import { type StoredRevision, verifyRevisionChain } from './revision-chain';
import type { JSONWebKeySet, JWK } from 'jose';
import { createHash } from 'node:crypto';
import { CsvReader } from './csv';
import { type ExportManifest, MATERIAL_COLUMNS, type PassportExportLine } from './export.types';
import { verifyLifecycleChain } from './lifecycle-chain';
import { checkManifestSignature } from './manifest';

/** One thing wrong in an export file, with its place. `line` is 1-based; null when it concerns the whole file. */
export interface ExportProblem {
  code: string;
  line: number | null;
  passportId?: string;
  revision?: number;
  field?: string;
  message: string;
}

export interface ExportVerification {
  problems: ExportProblem[];
  /** Passport lines (NDJSON) or material rows (CSV) read. */
  count: number;
  /** Revisions checked (NDJSON). */
  revisions: number;
  /** Revisions whose signature was checked (NDJSON). */
  signedRevisions: number;
  manifest: ExportManifest | null;
}

type Jwks = JSONWebKeySet & { keys: JWK[] };

/** Splits a byte stream into lines, each with its raw bytes (newline included) so that hashes see the file as it is. */
async function* lines(input: AsyncIterable<Buffer | string>): AsyncGenerator<{ number: number; bytes: Buffer; text: string }> {
  let pending: Buffer[] = [];
  let number = 0;
  for await (const chunk of input) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    for (let newline = buffer.indexOf(0x0a); newline !== -1; newline = buffer.indexOf(0x0a)) {
      const bytes = Buffer.concat([...pending, buffer.subarray(0, newline + 1)]);
      pending = [];
      buffer = buffer.subarray(newline + 1);
      yield { number: ++number, bytes, text: bytes.toString('utf8', 0, bytes.length - 1) };
    }
    if (buffer.length > 0) pending.push(buffer);
  }
  if (pending.length > 0) {
    const bytes = Buffer.concat(pending);
    yield { number: ++number, bytes, text: bytes.toString('utf8') };
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed line is untyped JSON, checked field by field
const isObject = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Verifies passports.ndjson offline, reading it once in constant memory: every passport's hash chain and revision
 * signatures (against `jwks`), its lifecycle events' chain and signatures, the order of the lines, and the manifest on the last line (count, SHA-256 of the
 * bytes before it, and the registry's signature).
 */
export async function verifyPassportExport(input: AsyncIterable<Buffer | string>, jwks: Jwks): Promise<ExportVerification> {
  const problems: ExportProblem[] = [];
  const hash = createHash('sha256');
  const result: ExportVerification = { problems, count: 0, revisions: 0, signedRevisions: 0, manifest: null };
  let manifestLine = 0;
  let previousId = '';

  for await (const line of lines(input)) {
    const at = line.number;
    if (result.manifest) {
      problems.push({
        code: 'AFTER_MANIFEST',
        line: at,
        message: `line ${at} comes after the manifest (line ${manifestLine}); the manifest must be the last line`,
      });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch {
      hash.update(line.bytes);
      problems.push({ code: 'NOT_JSON', line: at, message: 'the line is not JSON' });
      continue;
    }
    if (isObject(value) && isObject(value.manifest)) {
      result.manifest = value.manifest as ExportManifest;
      manifestLine = at;
      await checkManifest(result.manifest, 'passports.ndjson', result.count, hash.digest('hex'), at, jwks, problems);
      continue;
    }
    hash.update(line.bytes);
    result.count++;
    if (!isObject(value) || typeof value.id !== 'string' || !Array.isArray(value.revisions) || !isObject(value.manufacturer)) {
      problems.push({ code: 'NOT_A_PASSPORT', line: at, message: 'the line is neither a passport (id, manufacturer, revisions) nor the manifest' });
      continue;
    }
    const passport = value as PassportExportLine;
    if (passport.sequence !== result.count) {
      problems.push({
        code: 'SEQUENCE',
        line: at,
        passportId: passport.id,
        field: 'sequence',
        message:
          typeof passport.sequence === 'number' && passport.sequence > result.count
            ? `passport #${passport.sequence} follows passport #${result.count - 1}: ${passport.sequence - result.count} passport line(s) are missing before this one`
            : `sequence ${String(passport.sequence)} where ${result.count} was expected: lines were duplicated or reordered`,
      });
    }
    if (passport.id <= previousId) {
      problems.push({
        code: 'ORDER',
        line: at,
        passportId: passport.id,
        field: 'id',
        message: `passport ${passport.id} is out of order or repeated (the export is ordered by id)`,
      });
    }
    previousId = passport.id;
    result.revisions += passport.revisions.length;
    result.signedRevisions += passport.revisions.filter((r) => isObject(r) && r.signature).length;
    for (const problem of verifyRevisionChain(
      passport.revisions.map((revision) => storedRevision(passport, revision)),
      jwks,
    )) {
      problems.push({
        code: problem.code,
        line: at,
        passportId: problem.passportId,
        revision: problem.revision,
        field: problem.field,
        message: problem.message,
      });
    }
    // Lifecycle events (exports since they were added): each hash, the chain and each signature.
    const events = Array.isArray(passport.lifecycleEvents) ? passport.lifecycleEvents : [];
    for (const problem of verifyLifecycleChain(passport.id, events, jwks.keys)) {
      problems.push({
        code: problem.code,
        line: at,
        passportId: passport.id,
        field: `lifecycleEvents/${problem.index}/${problem.field}`,
        message: problem.message,
      });
    }
  }

  if (!result.manifest) {
    problems.push({ code: 'NO_MANIFEST', line: null, message: 'the file has no manifest line: it is truncated, or not an export of the registry' });
  }
  return result;
}

/**
 * Verifies materials.csv against its manifest (materials.csv.manifest.json): the header, the row count, the
 * SHA-256 of the whole file and the registry's signature of the manifest.
 */
export async function verifyMaterialsExport(input: AsyncIterable<Buffer | string>, manifest: ExportManifest, jwks: Jwks): Promise<ExportVerification> {
  const problems: ExportProblem[] = [];
  const hash = createHash('sha256');
  const reader = new CsvReader();
  const decoder = new TextDecoder('utf-8');
  let records = 0;
  const take = (done: string[][]) => {
    for (const record of done) {
      records++;
      if (records === 1 && record.join(',') !== MATERIAL_COLUMNS.join(',')) {
        problems.push({ code: 'HEADER', line: 1, message: `the header is not ${MATERIAL_COLUMNS.join(',')}` });
      } else if (records > 1 && record.length !== MATERIAL_COLUMNS.length) {
        problems.push({
          code: 'COLUMNS',
          line: records,
          passportId: record[0],
          message: `the row has ${record.length} fields, not ${MATERIAL_COLUMNS.length}`,
        });
      }
    }
  };
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    hash.update(buffer);
    take(reader.push(decoder.decode(buffer, { stream: true })));
  }
  take(reader.push(decoder.decode()));
  if (reader.insideQuotes) problems.push({ code: 'TRUNCATED', line: records + 1, message: 'the file ends inside a quoted field: it is truncated' });
  take(reader.end());
  const count = Math.max(0, records - 1);
  await checkManifest(manifest, 'materials.csv', count, hash.digest('hex'), null, jwks, problems);
  return { problems, count, revisions: 0, signedRevisions: 0, manifest };
}

async function checkManifest(
  manifest: ExportManifest,
  expectedExport: string,
  count: number,
  sha256: string,
  line: number | null,
  jwks: Jwks,
  problems: ExportProblem[],
): Promise<void> {
  const problem = (field: string, message: string) => problems.push({ code: 'MANIFEST', line, field: `manifest.${field}`, message });
  if (manifest.export !== expectedExport) problem('export', `the manifest describes ${String(manifest.export)}, not ${expectedExport}`);
  if (manifest.count !== count) {
    problem('count', `the manifest counts ${String(manifest.count)} ${expectedExport.endsWith('.csv') ? 'rows' : 'passports'}, the file has ${count}`);
  }
  if (manifest.sha256 !== sha256) {
    problem('sha256', `the manifest's SHA-256 ${String(manifest.sha256)} is not that of the file's content (${sha256}): the content was changed`);
  }
  const signatureProblem = await checkManifestSignature(manifest, jwks);
  if (signatureProblem) problem('signature', signatureProblem);
}

/** An exported revision in the shape the hash chain check reads. */
function storedRevision(passport: PassportExportLine, revision: PassportExportLine['revisions'][number]): StoredRevision {
  return {
    passportId: passport.id,
    revision: revision.revision,
    previousHash: revision.previousHash,
    manufacturerId: passport.manufacturer.id,
    cluster: passport.cluster,
    granularity: passport.granularity,
    gtin: passport.gtin,
    serialNumber: passport.serialNumber,
    batchNumber: passport.batchNumber,
    productName: revision.productName,
    status: revision.status,
    totalMassKg: revision.totalMassKg,
    composition: revision.composition,
    createdAt: revision.createdAt,
    contentHash: revision.contentHash,
    signature: revision.signature,
    signingKeyId: revision.signingKeyId,
  };
}
