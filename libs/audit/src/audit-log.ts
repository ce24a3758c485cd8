import type { Principal } from '@registry/auth';
import type { Prisma } from '@registry/prisma-client';

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
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who wrote: the key's organization and id; the platform administrator's environment key has neither. */
export interface AuditActor {
  organizationId: string | null;
  keyId: string | null;
  platformAdmin: boolean;
}

export function auditActorOf(principal: Principal): AuditActor {
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
 * Appends an event to the audit log with the transaction client of the write it records, so that the write and
 * its event commit or roll back together. The log is append-only: nothing in the registry updates or deletes
 * AuditEvent rows, and no API can.
 */
export async function recordAuditEvent(tx: Prisma.TransactionClient, event: NewAuditEvent): Promise<void> {
  const details = { ...(event.actor.platformAdmin ? { platformAdmin: true } : {}), ...event.details };
  await tx.auditEvent.create({
    data: {
      action: event.action,
      actorOrganizationId: event.actor.organizationId,
      actorKeyId: event.actor.keyId,
      passportId: event.passportId ?? null,
      revision: event.revision ?? null,
      details: details as Prisma.InputJsonObject,
    },
  });
}
