import { canonicalJson } from './canonical-json';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import type { ExportManifest } from './export.types';

/** `typ` of the JWS over an export manifest. */
export const MANIFEST_SIGNATURE_TYPE = 'export-manifest+jws';

/** What the registry signs: the manifest without its signature (the key id is in the JWS header). */
export type ManifestPayload = Omit<ExportManifest, 'signature' | 'signingKeyId'>;

export function manifestPayload(manifest: ExportManifest | ManifestPayload): ManifestPayload {
  const { signature: _signature, signingKeyId: _keyId, ...payload } = manifest as ExportManifest;
  return payload;
}

/**
 * Checks a manifest's signature against a JWKS: the JWS must verify with the key its header names, that key must
 * be the manifest's signingKeyId, and its payload must be exactly the canonical JSON of the manifest as read.
 * Returns what is wrong, or null.
 */
export async function checkManifestSignature(manifest: ExportManifest, jwks: JSONWebKeySet): Promise<string | null> {
  if (typeof manifest.signature !== 'string' || manifest.signature === '') return 'the manifest has no signature';
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(manifest.signature).kid;
  } catch {
    return 'the signature is not a compact JWS';
  }
  if (kid !== manifest.signingKeyId) return `the signature names key ${kid ?? '(none)'}, the manifest says ${manifest.signingKeyId}`;
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(manifest.signature, createLocalJWKSet(jwks), { algorithms: ['EdDSA'] }));
  } catch (error) {
    return `the signature does not verify with key ${kid} of the JWKS (${(error as Error).message})`;
  }
  if (new TextDecoder().decode(payload) !== canonicalJson(manifestPayload(manifest))) {
    return 'the signature is valid but was made over other manifest values: the manifest was changed';
  }
  return null;
}
