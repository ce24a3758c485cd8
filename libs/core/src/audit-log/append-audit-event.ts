import type { Prisma } from '@registry/prisma-client';
import { hashAuditEvent } from '@registry/verification';

/** An event to append; the writer adds the time and the link to the event before it. */
export interface AuditEventInput {
  action: string;
  actorOrganizationId: string | null;
  actorKeyId: string | null;
  passportId?: string | null;
  revision?: number | null;
  details: Record<string, unknown>;
  /** The event concerns a passport that was never published (see AuditEvent.draft). */
  draft?: boolean;
}

/** Key of the transaction-scoped advisory lock that serialises appends to the chain (the migrator uses 72707370). */
const AUDIT_CHAIN_LOCK = 72707371;

/**
 * The one writer of the audit log: appends an event, chained to the last one, with the transaction client of the
 * write it records, so that the write and its event commit or roll back together. Call it last in the
 * transaction: from here on the transaction holds the chain's lock (until it ends), so concurrent writers append
 * one after the other and each links to the event committed before it.
 */
export async function appendAuditEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  const content = {
    occurredAt: new Date().toISOString(),
    action: event.action,
    actorOrganizationId: event.actorOrganizationId,
    actorKeyId: event.actorKeyId,
    passportId: event.passportId ?? null,
    revision: event.revision ?? null,
    details: event.details,
    draft: event.draft ?? false,
    previousHash: last?.hash ?? null,
  };
  await tx.auditEvent.create({
    data: { ...content, occurredAt: new Date(content.occurredAt), details: content.details as Prisma.InputJsonObject, hash: hashAuditEvent(content) },
  });
}
