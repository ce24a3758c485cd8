import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/** RFC 8785 (JSON Canonicalization Scheme) text of a value: the same bytes for the same data, whatever the key order. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised to JSON');
  return text;
}

/** Lowercase hex SHA-256 of a value's canonical JSON: the hash of revisions and audit events. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
