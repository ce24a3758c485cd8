import { loadConfig } from '@registry/core';
import { hashRevision, revisionContentOf, storedRevisionOf, type StoredRevision, verifyRevisionChain } from '@registry/verification';
import { generateSigningJwk, loadSigningKeys } from './signing-keys';
import { SigningService } from './signing.service';

const PASSPORT = {
  id: '7b0e8a52-9d3c-4d36-9a57-4f4b2b1d3a10',
  manufacturerId: '0f9d8c7b-6a5e-4d3c-8b2a-1e0f9d8c7b6a',
  cluster: 'BATTERY',
  granularity: 'ITEM',
  gtin: '08712345000011',
  serialNumber: 'B-1',
  batchNumber: '',
};

function composition(massKg: number) {
  return {
    schemaVersion: '1.0',
    components: [{ key: 'cell', name: 'Cell', quantity: 1, massKg, materials: [{ name: 'Lithium', element: 'Li', massKg }], components: [] }],
  };
}

async function signer(kid: string): Promise<SigningService> {
  return new SigningService(await loadSigningKeys({ ...loadConfig({}), dataDir: 'memory://', signingKey: { ...generateSigningJwk(), kid } }));
}

/** A history as the registry writes it: revision 1 a draft, published (signed) at revision 2, then revision 3. */
async function history(signing: SigningService, passport = PASSPORT): Promise<StoredRevision[]> {
  const stored: StoredRevision[] = [];
  let previousHash: string | null = null;
  for (const [revision, status, massKg] of [
    [1, 'DRAFT', 0.5],
    [2, 'DRAFT', 0.6],
    [3, 'PUBLISHED', 0.7],
  ] as const) {
    const row = {
      revision,
      previousHash,
      productName: `Pack ${revision}`,
      status,
      totalMassKg: massKg,
      composition: composition(massKg),
      createdAt: new Date(Date.UTC(2026, 0, revision, 10, 0, 0, 123)),
    };
    const contentHash = hashRevision(revisionContentOf(passport, row));
    const signed = revision >= 2 ? await signing.signRevision({ passportId: passport.id, revision, contentHash }) : { signature: null, signingKeyId: null };
    stored.push(storedRevisionOf(passport, { ...row, contentHash, ...signed }));
    previousHash = contentHash;
  }
  return stored;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('verifyRevisionChain', () => {
  let signing: SigningService;
  let revisions: StoredRevision[];

  beforeAll(async () => {
    signing = await signer('key-2026');
    revisions = await history(signing);
  });

  it('finds nothing wrong in a history as written, in any order, whatever the key order of the documents', () => {
    expect(verifyRevisionChain(revisions, signing.jwks())).toEqual([]);
    const [first, second, third] = clone(revisions);
    // A database returns JSON objects with their keys in its own order (jsonb sorts them).
    const reordered = { ...first, composition: { components: (first.composition as any).components, schemaVersion: '1.0' } };
    expect(Object.keys(reordered.composition)).not.toEqual(Object.keys(first.composition as object));
    expect(verifyRevisionChain([third, reordered, second], signing.jwks())).toEqual([]);
  });

  it('stores null, not an empty string, for absent serial and batch numbers', () => {
    expect(revisions[0]).toMatchObject({ serialNumber: 'B-1', batchNumber: null, createdAt: '2026-01-01T10:00:00.123Z' });
  });

  it('names the revision whose stored composition was changed (hash mismatch)', () => {
    const tampered = clone(revisions);
    (tampered[1].composition as any).components[0].materials[0].massKg = 0.59;
    expect(verifyRevisionChain(tampered, signing.jwks())).toEqual([
      expect.objectContaining({ code: 'HASH_MISMATCH', passportId: PASSPORT.id, revision: 2, field: 'contentHash' }),
    ]);
  });

  it('catches metadata changes too: status, time, identity', () => {
    for (const change of [{ status: 'PUBLISHED' }, { createdAt: '2026-01-02T10:00:00.124Z' }, { gtin: '08712345000028' }, { totalMassKg: 0.61 }]) {
      const tampered = clone(revisions);
      Object.assign(tampered[1], change);
      expect(verifyRevisionChain(tampered, signing.jwks())).toContainEqual(expect.objectContaining({ code: 'HASH_MISMATCH', revision: 2 }));
    }
  });

  it('names the revision whose signature was changed', () => {
    const tampered = clone(revisions);
    const [header, payload, signature] = tampered[2].signature!.split('.');
    tampered[2].signature = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(verifyRevisionChain(tampered, signing.jwks())).toEqual([
      expect.objectContaining({ code: 'SIGNATURE_INVALID', passportId: PASSPORT.id, revision: 3, field: 'signature' }),
    ]);
  });

  it('refuses a valid signature moved from another revision', () => {
    const tampered = clone(revisions);
    tampered[1].signature = tampered[2].signature;
    const problems = verifyRevisionChain(tampered, signing.jwks());
    expect(problems).toEqual([expect.objectContaining({ code: 'SIGNATURE_INVALID', revision: 2, field: 'signature' })]);
    expect(problems[0].message).toContain('not this revision');
  });

  it('names a broken chain when a revision is dropped, or the first one is missing', () => {
    expect(verifyRevisionChain([revisions[0], revisions[2]], signing.jwks())).toEqual([
      expect.objectContaining({
        code: 'CHAIN_BROKEN',
        passportId: PASSPORT.id,
        revision: 3,
        field: 'previousHash',
        message: expect.stringContaining('revision 2 is missing'),
      }),
    ]);
    expect(verifyRevisionChain(revisions.slice(1), signing.jwks())).toEqual([
      expect.objectContaining({ code: 'CHAIN_BROKEN', revision: 2, field: 'previousHash', message: expect.stringContaining('revision 1 is missing') }),
    ]);
  });

  it('names a rewritten content whose hash was recomputed: the next link and the signature break', () => {
    const tampered = clone(revisions);
    tampered[1].productName = 'Forged';
    const { contentHash: _hash, signature: _signature, signingKeyId: _kid, ...content } = tampered[1];
    tampered[1].contentHash = hashRevision(content);
    expect(verifyRevisionChain(tampered, signing.jwks()).map((p) => [p.code, p.revision, p.field])).toEqual([
      ['SIGNATURE_INVALID', 2, 'signature'],
      ['CHAIN_BROKEN', 3, 'previousHash'],
    ]);
  });

  it('requires a signature on revisions written while PUBLISHED, and a known key', async () => {
    const unsigned = clone(revisions);
    unsigned[2].signature = null;
    unsigned[2].signingKeyId = null;
    expect(verifyRevisionChain(unsigned, signing.jwks())).toEqual([expect.objectContaining({ code: 'SIGNATURE_MISSING', revision: 3, field: 'signature' })]);

    const stranger = await signer('someone-else');
    expect(verifyRevisionChain(revisions, stranger.jwks()).map((p) => [p.code, p.revision, p.field])).toEqual([
      ['SIGNING_KEY_UNKNOWN', 2, 'signingKeyId'],
      ['SIGNING_KEY_UNKNOWN', 3, 'signingKeyId'],
    ]);
    const relabelled = clone(revisions);
    relabelled[2].signingKeyId = 'another-kid';
    expect(verifyRevisionChain(relabelled, signing.jwks())).toEqual([
      expect.objectContaining({ code: 'SIGNATURE_INVALID', revision: 3, field: 'signingKeyId' }),
    ]);
  });

  it('refuses a signature made by another key under the same kid', async () => {
    const impostor = await signer('key-2026');
    const forged = clone(revisions);
    Object.assign(forged[2], await impostor.signRevision({ passportId: PASSPORT.id, revision: 3, contentHash: forged[2].contentHash! }));
    expect(verifyRevisionChain(forged, signing.jwks())).toEqual([expect.objectContaining({ code: 'SIGNATURE_INVALID', revision: 3, field: 'signature' })]);
  });

  it('verifies older signatures with a retired key kept in the JWKS', async () => {
    const current = await signer('key-2027');
    const jwks = { keys: [...current.jwks().keys, ...signing.jwks().keys] };
    expect(verifyRevisionChain(revisions, jwks)).toEqual([]);
  });

  it('checks each passport of a mixed list on its own', async () => {
    const other = { ...PASSPORT, id: '11111111-2222-4333-8444-555555555555' };
    const otherHistory = clone(await history(signing, other));
    otherHistory[0].productName = 'changed';
    const problems = verifyRevisionChain([...revisions, ...otherHistory], signing.jwks());
    expect(problems).toEqual([expect.objectContaining({ code: 'HASH_MISMATCH', passportId: other.id, revision: 1 })]);
  });

  it('reports duplicated revision numbers and missing hashes', () => {
    const duplicated = clone([revisions[0], revisions[0], revisions[1], revisions[2]]);
    expect(verifyRevisionChain(duplicated, signing.jwks())).toEqual([expect.objectContaining({ code: 'REVISION_DUPLICATED', revision: 1, field: 'revision' })]);
    const legacy = clone(revisions);
    legacy[0].contentHash = null;
    expect(verifyRevisionChain(legacy, signing.jwks()).map((p) => [p.code, p.revision])).toEqual([
      ['HASH_MISSING', 1],
      ['CHAIN_BROKEN', 2],
    ]);
  });
});
