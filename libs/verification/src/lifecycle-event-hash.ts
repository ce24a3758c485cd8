import { canonicalHash } from './canonical-json';

/** The `typ` of the registry's signature over a lifecycle event. */
export const LIFECYCLE_EVENT_SIGNATURE_TYPE = 'passport-lifecycle-event+jws';

/**
 * What a lifecycle event's contentHash covers. `previousHash` links each event to the one before it on the same
 * passport, so a passport's life is a hash chain like its revisions: changing a stored event breaks every link after it.
 * The registry signs `{ passportId, sequence, contentHash }`.
 */
export interface LifecycleEventContent {
  passportId: string;
  sequence: number;
  previousHash: string | null;
  type: string;
  /** ISO 8601, UTC, milliseconds. */
  occurredAt: string;
  recordedAt: string;
  corop: string | null;
  componentKeys: string[];
  note: string | null;
  evidenceUrl: string | null;
  actorOrganizationId: string | null;
  fromOrganizationId: string | null;
  toOrganizationId: string | null;
}

const LIFECYCLE_EVENT_FIELDS = Object.keys({
  passportId: true,
  sequence: true,
  previousHash: true,
  type: true,
  occurredAt: true,
  recordedAt: true,
  corop: true,
  componentKeys: true,
  note: true,
  evidenceUrl: true,
  actorOrganizationId: true,
  fromOrganizationId: true,
  toOrganizationId: true,
} satisfies Record<keyof LifecycleEventContent, true>) as (keyof LifecycleEventContent)[];

/** Only the fields LifecycleEventContent names, whatever else a stored or exported event carries. */
export function lifecycleEventContent(event: LifecycleEventContent): LifecycleEventContent {
  return Object.fromEntries(LIFECYCLE_EVENT_FIELDS.map((field) => [field, event[field]])) as unknown as LifecycleEventContent;
}

/** contentHash of a lifecycle event: lowercase hex SHA-256 of its canonical JSON. */
export function hashLifecycleEvent(event: LifecycleEventContent): string {
  return canonicalHash(lifecycleEventContent(event));
}

/** An exported lifecycle event: its content, hash and signature (passports.ndjson). */
export interface ExportedLifecycleEvent extends Omit<LifecycleEventContent, 'passportId'> {
  contentHash: string;
  signature: string;
  signingKeyId: string;
}
