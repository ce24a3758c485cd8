import type { Principal } from '../principal';

interface Entry {
  principal: Principal;
  expiresAt: Date | null;
  cachedUntil: number;
}

/**
 * The callers of recently seen API keys, by secret hash, for a short lifetime: without it every request reads its key
 * from the database. A key's entry is dropped when the key is revoked (here, or on another instance via
 * ApiKeyRevocationListener); the lifetime bounds how long a revocation that was not heard of can go unnoticed.
 * Unknown and revoked keys are never kept: every failed attempt reads the database (and counts against the IP address).
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly hashesByKey = new Map<string, string>();
  /** More keys than a registry uses at once within a lifetime: then the cache starts over rather than grow. */
  private static readonly MAX_ENTRIES = 10_000;

  constructor(private readonly lifetimeMs: number) {}

  get enabled(): boolean {
    return this.lifetimeMs > 0;
  }

  /** The cached caller of a secret hash, with its key's expiry; undefined when absent or stale. */
  get(secretHash: string, now: number): { principal: Principal; expiresAt: Date | null } | undefined {
    const entry = this.entries.get(secretHash);
    if (!entry) return undefined;
    if (entry.cachedUntil <= now) {
      this.drop(secretHash, entry);
      return undefined;
    }
    return entry;
  }

  set(secretHash: string, principal: Principal, expiresAt: Date | null, now: number): void {
    if (!this.enabled || !principal.apiKeyId) return;
    if (this.entries.size >= PrincipalCache.MAX_ENTRIES) this.clear();
    this.entries.set(secretHash, { principal, expiresAt, cachedUntil: now + this.lifetimeMs });
    this.hashesByKey.set(principal.apiKeyId, secretHash);
  }

  /** Forgets a key (revoked): its next use reads the database again. */
  evictKey(apiKeyId: string): void {
    const secretHash = this.hashesByKey.get(apiKeyId);
    this.hashesByKey.delete(apiKeyId);
    if (secretHash) this.entries.delete(secretHash);
  }

  /** Forgets every key, e.g. when revocations from other instances may have been missed. */
  clear(): void {
    this.entries.clear();
    this.hashesByKey.clear();
  }

  private drop(secretHash: string, entry: Entry): void {
    this.entries.delete(secretHash);
    if (entry.principal.apiKeyId) this.hashesByKey.delete(entry.principal.apiKeyId);
  }
}
