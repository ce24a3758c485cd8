import type { JWK } from 'jose';
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { type ExportedLifecycleEvent, hashLifecycleEvent, LIFECYCLE_EVENT_SIGNATURE_TYPE } from './lifecycle-event-hash';

/** Something wrong in a passport's lifecycle events: which event (its place in the list, 0-based) and field. */
export interface LifecycleProblem {
  code: 'EVENT_HASH_MISMATCH' | 'EVENT_CHAIN_BROKEN' | 'EVENT_SIGNATURE_INVALID' | 'SIGNING_KEY_UNKNOWN';
  index: number;
  field: string;
  message: string;
}

/**
 * Checks a passport's lifecycle events as exported (oldest first): each contentHash against its content, the chain
 * (sequences 1, 2, 3, ... each naming the hash of the one before), and each signature (EdDSA, typ
 * passport-lifecycle-event+jws, over the canonical JSON of { passportId, sequence, contentHash }) against `keys`.
 */
export function verifyLifecycleChain(passportId: string, events: readonly ExportedLifecycleEvent[], keys: readonly JWK[]): LifecycleProblem[] {
  const problems: LifecycleProblem[] = [];
  const byKid = new Map(keys.filter((key) => typeof key.kid === 'string').map((key) => [key.kid as string, key]));
  let previousHash: string | null = null;
  events.forEach((event, index) => {
    const problem = (code: LifecycleProblem['code'], field: string, message: string) => problems.push({ code, index, field, message });
    let actual: string | null = null;
    try {
      actual = hashLifecycleEvent({ ...event, passportId });
    } catch (error) {
      problem('EVENT_HASH_MISMATCH', 'contentHash', `the event cannot be hashed: ${(error as Error).message}`);
    }
    if (actual !== null && actual !== event.contentHash) {
      problem('EVENT_HASH_MISMATCH', 'contentHash', `contentHash ${event.contentHash} does not match the event (it hashes to ${actual}): it was changed`);
    }
    if (event.sequence !== index + 1)
      problem('EVENT_CHAIN_BROKEN', 'sequence', `event #${index + 1} has sequence ${event.sequence}: events are missing or reordered`);
    if (event.previousHash !== previousHash) {
      problem('EVENT_CHAIN_BROKEN', 'previousHash', `previousHash ${event.previousHash} is not the contentHash ${previousHash} of the event before`);
    }
    previousHash = event.contentHash;
    const signatureProblem = checkSignature(event, passportId, byKid);
    if (signatureProblem) problem(signatureProblem.code, 'signature', signatureProblem.message);
  });
  return problems;
}

function checkSignature(
  event: ExportedLifecycleEvent,
  passportId: string,
  keys: Map<string, JWK>,
): { code: 'EVENT_SIGNATURE_INVALID' | 'SIGNING_KEY_UNKNOWN'; message: string } | null {
  const invalid = (message: string) => ({ code: 'EVENT_SIGNATURE_INVALID' as const, message });
  const parts = typeof event.signature === 'string' ? event.signature.split('.') : [];
  if (parts.length !== 3) return invalid('the signature is not a compact JWS');
  let header: { alg?: unknown; kid?: unknown; typ?: unknown };
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as typeof header;
  } catch {
    return invalid('the signature header is not JSON');
  }
  if (header.alg !== 'EdDSA' || header.typ !== LIFECYCLE_EVENT_SIGNATURE_TYPE)
    return invalid(`the signature is not an EdDSA ${LIFECYCLE_EVENT_SIGNATURE_TYPE}`);
  if (header.kid !== event.signingKeyId) return invalid(`signingKeyId ${event.signingKeyId} is not the key ${String(header.kid)} named by the signature`);
  const jwk = keys.get(String(header.kid));
  if (!jwk) return { code: 'SIGNING_KEY_UNKNOWN', message: `the JWKS has no key ${String(header.kid)}` };
  const payload = Buffer.from(parts[1], 'base64url').toString('utf8');
  if (payload !== canonicalJson({ passportId, sequence: event.sequence, contentHash: event.contentHash })) {
    return invalid('the signature covers another event');
  }
  try {
    const publicKey = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
    if (verifySignature(null, Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii'), publicKey, Buffer.from(parts[2], 'base64url'))) return null;
  } catch {
    // An unusable key or signature: invalid below.
  }
  return invalid(`the signature does not verify with key ${String(header.kid)}`);
}
