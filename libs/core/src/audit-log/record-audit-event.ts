import type { Prisma } from '@registry/prisma-client';
import type { SqlExecutor } from '../database/database';
import { appendAuditEvents, appendAuditEventsOn, type AuditEventInput } from './append-audit-event';

/** Every write the registry records. */
export const AUDIT_ACTIONS = [
  'organization.created',
  'organization.gs1_company_prefixes_set',
  'api_key.created',
  'api_key.revoked',
  'passport.registered',
  'passport.revised',
  'passport.published',
  'passport.archived',
  'passport.lifecycle_event_recorded',
  'passport.responsibility_transferred',
  'passport.successor_registered',
  'passport.composition_access_set',
  'import.started',
  'import.finished',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who wrote: the key's organization and id; the platform administrator's environment key has neither. */
export interface AuditActor {
  organizationId: string | null;
  keyId: string | null;
  platformAdmin: boolean;
}

/** The actor of a caller (an auth Principal; typed by its shape, so that core imports no domain library). */
export function auditActorOf(principal: { organizationId: string | null; apiKeyId: string | null; platformAdmin: boolean }): AuditActor {
  return { organizationId: principal.organizationId, keyId: principal.apiKeyId, platformAdmin: principal.platformAdmin };
}

export interface NewAuditEvent {
  action: AuditAction;
  actor: AuditActor;
  passportId?: string | null;
  revision?: number | null;
  details?: Record<string, unknown>;
}

/**
 * Records an event in the audit log: what every domain (organizations, keys, passports) calls, with the
 * transaction client of the write it records, so that the write and its event commit or roll back together; call
 * it last in the transaction (appendAuditEvent chains the event to the one before under a lock). The log is
 * append-only: the database refuses UPDATE and DELETE of its rows, and no API changes them.
 */
export async function recordAuditEvent(tx: Prisma.TransactionClient, event: NewAuditEvent): Promise<void> {
  await recordAuditEvents(tx, [event]);
}

/** Appends several events in order, with one lock (the passports of a bulk write); see recordAuditEvent. */
export async function recordAuditEvents(tx: Prisma.TransactionClient, events: readonly NewAuditEvent[]): Promise<void> {
  await appendAuditEvents(tx, events.map(auditEventInputOf));
}

/** recordAuditEvents on the driver, within a transaction of Database.transaction (bulk writes without Prisma). */
export async function recordAuditEventsOn(sql: SqlExecutor, events: readonly NewAuditEvent[]): Promise<void> {
  await appendAuditEventsOn(sql, events.map(auditEventInputOf));
}

// The platform administrator's environment key has no id: details say so.
function auditEventInputOf(event: NewAuditEvent): AuditEventInput {
  const details = { ...(event.actor.platformAdmin ? { platformAdmin: true } : {}), ...event.details };
  return {
    action: event.action,
    actorOrganizationId: event.actor.organizationId,
    actorKeyId: event.actor.keyId,
    passportId: event.passportId ?? null,
    revision: event.revision ?? null,
    details,
    draft: isDraftEvent(event),
  };
}

/**
 * Whether an event was written while its passport was a DRAFT never published: its registration or a revision
 * written as DRAFT, or its archival straight from DRAFT (statuses only move DRAFT -> PUBLISHED -> ARCHIVED).
 * Such events stay the owner's business (the migration audit_log_chain applies the same rule to older events).
 */
export function isDraftEvent(event: Pick<NewAuditEvent, 'action' | 'passportId' | 'details'>): boolean {
  if (!event.passportId) return false;
  const status = event.action === 'passport.archived' ? event.details?.from : event.details?.status;
  return status === 'DRAFT';
}
