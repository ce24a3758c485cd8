import type { JWK } from 'jose';
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { optionalIdentifiers } from './optional-identifiers';
import { hashRevision, revisionContent, type RevisionContent } from './revision-hash';

/** `typ` of the JWS over a passport revision. */
export const REVISION_SIGNATURE_TYPE = 'passport-revision+jws';

/**
 * A revision as stored (or exported): everything its contentHash covers (RevisionContent), plus the hash, the
 * registry's signature and the kid of the key that made it.
 * - The identity fields (manufacturerId, cluster, granularity, gtin, serialNumber, batchNumber) are the passport's;
 *   they never change between revisions. serialNumber and batchNumber are null when the passport has none.
 * - `status` is the passport's status when the revision was written (DRAFT or PUBLISHED); publishing later does not
 *   change it but signs the revision.
 * - `createdAt` is ISO 8601 in UTC with milliseconds, exactly as hashed (`Date.toISOString()`).
 * - `contentHash`, `signature`, `signingKeyId` are null where the registry did not set them.
 */
export interface StoredRevision extends RevisionContent {
  contentHash: string | null;
  signature: string | null;
  signingKeyId: string | null;
}

export type ProblemCode =
  'HASH_MISSING' | 'HASH_MISMATCH' | 'CHAIN_BROKEN' | 'REVISION_DUPLICATED' | 'SIGNATURE_MISSING' | 'SIGNATURE_INVALID' | 'SIGNING_KEY_UNKNOWN';

/** Something wrong in a stored history, with its place: passport, revision and field. */
export interface Problem {
  code: ProblemCode;
  passportId: string;
  revision: number;
  field: string;
  message: string;
}

/** The passport columns a revision's content takes from the passport. */
export interface PassportIdentity {
  id: string;
  manufacturerId: string;
  cluster: string;
  granularity: string;
  gtin: string;
  /** '' or null when absent. */
  serialNumber: string | null;
  batchNumber: string | null;
}

/** The revision columns of a stored row. */
export interface RevisionRow {
  revision: number;
  previousHash: string | null;
  productName: string;
  status: string;
  totalMassKg: number;
  composition: unknown;
  createdAt: Date;
  contentHash?: string | null;
  signature?: string | null;
  signingKeyId?: string | null;
}

/** What a revision's hash covers, from the passport and the revision row (the same function writes and verifies). */
export function revisionContentOf(passport: PassportIdentity, row: RevisionRow): RevisionContent {
  return {
    passportId: passport.id,
    revision: row.revision,
    previousHash: row.previousHash,
    manufacturerId: passport.manufacturerId,
    cluster: passport.cluster,
    granularity: passport.granularity,
    gtin: passport.gtin,
    ...optionalIdentifiers(passport),
    productName: row.productName,
    status: row.status,
    totalMassKg: row.totalMassKg,
    composition: row.composition,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A stored revision in the shape verifyRevisionChain reads (and exports write). */
export function storedRevisionOf(passport: PassportIdentity, row: RevisionRow): StoredRevision {
  return {
    ...revisionContentOf(passport, row),
    contentHash: row.contentHash ?? null,
    signature: row.signature ?? null,
    signingKeyId: row.signingKeyId ?? null,
  };
}

/**
 * Checks stored revisions (of one or many passports, any order) without the database: recomputes each contentHash
 * from the stored fields, follows the previousHash links from revision 1 on, and verifies each signature against the
 * JWKS (Ed25519, payload = canonical JSON of { passportId, revision, contentHash }). A revision written while its
 * passport was PUBLISHED must be signed. Returns every problem found, in passport and revision order; [] when sound.
 */
export function verifyRevisionChain(revisions: readonly StoredRevision[], jwks: { keys: readonly JWK[] }): Problem[] {
  const problems: Problem[] = [];
  const byPassport = new Map<string, StoredRevision[]>();
  for (const revision of revisions) {
    const list = byPassport.get(revision.passportId) ?? [];
    list.push(revision);
    byPassport.set(revision.passportId, list);
  }
  const keys = new Map(jwks.keys.filter((key) => typeof key.kid === 'string').map((key) => [key.kid as string, key]));
  for (const [passportId, history] of byPassport) {
    history.sort((a, b) => a.revision - b.revision);
    let previous: StoredRevision | null = null;
    for (const revision of history) {
      const place = { passportId, revision: revision.revision };
      if (previous && previous.revision === revision.revision) {
        problems.push({ code: 'REVISION_DUPLICATED', ...place, field: 'revision', message: `revision ${revision.revision} appears more than once` });
        continue;
      }
      checkHash(revision, place, problems);
      checkLink(revision, previous, place, problems);
      checkSignature(revision, keys, place, problems);
      previous = revision;
    }
  }
  return problems;
}

type Place = { passportId: string; revision: number };

function checkHash(revision: StoredRevision, place: Place, problems: Problem[]): void {
  if (!revision.contentHash) {
    problems.push({ code: 'HASH_MISSING', ...place, field: 'contentHash', message: 'the revision has no contentHash' });
    return;
  }
  const { contentHash } = revision;
  let actual: string;
  try {
    actual = hashRevision(revisionContent(revision));
  } catch (error) {
    problems.push({ code: 'HASH_MISMATCH', ...place, field: 'contentHash', message: `the content cannot be hashed: ${(error as Error).message}` });
    return;
  }
  if (actual !== contentHash) {
    problems.push({
      code: 'HASH_MISMATCH',
      ...place,
      field: 'contentHash',
      message: `contentHash ${contentHash} does not match the stored content (it hashes to ${actual}): the revision was changed after it was written`,
    });
  }
}

function checkLink(revision: StoredRevision, previous: StoredRevision | null, place: Place, problems: Problem[]): void {
  const expectedNumber = previous ? previous.revision + 1 : 1;
  if (revision.revision !== expectedNumber) {
    const missing = expectedNumber === revision.revision - 1 ? `revision ${expectedNumber} is` : `revisions ${expectedNumber} to ${revision.revision - 1} are`;
    problems.push({ code: 'CHAIN_BROKEN', ...place, field: 'previousHash', message: `the chain is broken: ${missing} missing` });
    return;
  }
  const expectedHash = previous ? previous.contentHash : null;
  if (revision.previousHash !== expectedHash) {
    problems.push({
      code: 'CHAIN_BROKEN',
      ...place,
      field: 'previousHash',
      message: previous
        ? `the chain is broken: previousHash ${revision.previousHash} is not the contentHash ${expectedHash} of revision ${previous.revision}`
        : `the chain is broken: revision 1 must have no previousHash, found ${revision.previousHash}`,
    });
  }
}

function checkSignature(revision: StoredRevision, keys: Map<string, JWK>, place: Place, problems: Problem[]): void {
  if (!revision.signature) {
    if (revision.status === 'PUBLISHED') {
      problems.push({
        code: 'SIGNATURE_MISSING',
        ...place,
        field: 'signature',
        message: 'the revision was written while the passport was PUBLISHED but is not signed',
      });
    }
    return;
  }
  const invalid = (message: string) => problems.push({ code: 'SIGNATURE_INVALID', ...place, field: 'signature', message });
  const parts = revision.signature.split('.');
  if (parts.length !== 3) return void invalid('the signature is not a compact JWS');
  let header: { alg?: unknown; kid?: unknown; typ?: unknown };
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as typeof header;
  } catch {
    return void invalid('the signature header is not JSON');
  }
  if (header.alg !== 'EdDSA') return void invalid(`the signature algorithm is ${String(header.alg)}, not EdDSA`);
  if (header.typ !== REVISION_SIGNATURE_TYPE) return void invalid(`the signature type is ${String(header.typ)}, not ${REVISION_SIGNATURE_TYPE}`);
  if (header.kid !== revision.signingKeyId) {
    problems.push({
      code: 'SIGNATURE_INVALID',
      ...place,
      field: 'signingKeyId',
      message: `signingKeyId ${revision.signingKeyId} is not the key ${String(header.kid)} named by the signature`,
    });
    return;
  }
  const jwk = keys.get(String(header.kid));
  if (!jwk) {
    problems.push({ code: 'SIGNING_KEY_UNKNOWN', ...place, field: 'signingKeyId', message: `the JWKS has no key ${String(header.kid)}` });
    return;
  }
  let valid = false;
  try {
    const publicKey = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
    valid = verifySignature(null, Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii'), publicKey, Buffer.from(parts[2], 'base64url'));
  } catch {
    valid = false;
  }
  if (!valid) return void invalid(`the signature does not verify with key ${String(header.kid)}`);
  const payload = Buffer.from(parts[1], 'base64url').toString('utf8');
  const expected = canonicalJson({ passportId: revision.passportId, revision: revision.revision, contentHash: revision.contentHash });
  if (payload !== expected) invalid(`the signature is valid but signs ${payload}, not this revision (${expected})`);
}
