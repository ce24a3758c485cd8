import { canonicalHash } from './canonical-json';

/**
 * What an audit event's hash covers: everything it records and the hash of the event before it, so the log is a
 * hash chain like each passport's revisions: changing, removing or reordering a stored event breaks the link of
 * the event after it. (The id is not covered; the chain itself fixes the order.)
 */
export interface AuditEventContent {
  /** ISO 8601 in UTC with milliseconds, as hashed (`Date.toISOString()`). */
  occurredAt: string;
  action: string;
  actorOrganizationId: string | null;
  actorKeyId: string | null;
  passportId: string | null;
  revision: number | null;
  details: Record<string, unknown>;
  draft: boolean;
  previousHash: string | null;
}

/** An event as stored: its content, id and hash (null for events written before the chain existed). */
export interface StoredAuditEvent extends Omit<AuditEventContent, 'details'> {
  id: string;
  details: unknown;
  hash: string | null;
}

export type AuditChainProblemCode = 'HASH_MISSING' | 'HASH_MISMATCH' | 'CHAIN_BROKEN';

export interface AuditChainProblem {
  code: AuditChainProblemCode;
  eventId: string;
  field: 'hash' | 'previousHash';
  message: string;
}

/** Where a check of the log in id order stands after the events read so far; start from AUDIT_CHAIN_START. */
export interface AuditChainState {
  /** The hash of the last event read (what the next event's previousHash must be). */
  lastHash: string | null;
  /** Events read so far. */
  checked: number;
  /** Events before the chain started (written before it existed): not covered by any hash. */
  unchained: number;
}

export const AUDIT_CHAIN_START: AuditChainState = { lastHash: null, checked: 0, unchained: 0 };

/** Lowercase hex SHA-256 of the RFC 8785 canonical JSON of an event's content. */
export function hashAuditEvent(content: AuditEventContent): string {
  return canonicalHash({
    occurredAt: content.occurredAt,
    action: content.action,
    actorOrganizationId: content.actorOrganizationId,
    actorKeyId: content.actorKeyId,
    passportId: content.passportId,
    revision: content.revision,
    details: content.details,
    draft: content.draft,
    previousHash: content.previousHash,
  });
}

/**
 * Checks the next events of the log (in id order, continuing from `state`) without the database: each event's hash
 * is recomputed from its stored content, and its previousHash must be the hash of the event before it. Events
 * without a hash are accepted only before the first hashed one (the log from before the chain). Appends what is
 * wrong to `problems` and returns the state to continue from.
 */
export function checkAuditChain(events: readonly StoredAuditEvent[], state: AuditChainState, problems: AuditChainProblem[]): AuditChainState {
  let { lastHash, checked, unchained } = state;
  for (const event of events) {
    const chainStarted = checked > unchained;
    checked++;
    if (!event.hash) {
      if (chainStarted) {
        problems.push({ code: 'HASH_MISSING', eventId: event.id, field: 'hash', message: `event ${event.id} has no hash, but events before it are chained` });
      } else {
        unchained++;
      }
      lastHash = null;
      continue;
    }
    if (event.previousHash !== lastHash) {
      problems.push({
        code: 'CHAIN_BROKEN',
        eventId: event.id,
        field: 'previousHash',
        message: `the chain is broken: previousHash ${event.previousHash} of event ${event.id} is not the hash ${lastHash} of the event before it (an event was removed, inserted or reordered)`,
      });
    }
    let actual: string | null;
    try {
      actual = hashAuditEvent({ ...event, details: (event.details ?? {}) as Record<string, unknown> });
    } catch {
      actual = null;
    }
    if (actual !== event.hash) {
      problems.push({
        code: 'HASH_MISMATCH',
        eventId: event.id,
        field: 'hash',
        message: `hash ${event.hash} of event ${event.id} does not match its stored content${actual ? ` (it hashes to ${actual})` : ''}: the event was changed after it was written`,
      });
    }
    lastHash = event.hash;
  }
  return { lastHash, checked, unchained };
}
