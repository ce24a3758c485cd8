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
  await appendAuditEvents(tx, [event]);
}

/**
 * Appends several events in order, each chained to the one before, with one lock and one insert (the events of a
 * bulk write, e.g. a chunk of an import). Call it last in the transaction, as appendAuditEvent.
 */
export async function appendAuditEvents(tx: Prisma.TransactionClient, events: readonly AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  let previousHash = last?.hash ?? null;
  const rows = events.map((event) => {
    const content = {
      occurredAt: new Date().toISOString(),
      action: event.action,
      actorOrganizationId: event.actorOrganizationId,
      actorKeyId: event.actorKeyId,
      passportId: event.passportId ?? null,
      revision: event.revision ?? null,
      details: event.details,
      draft: event.draft ?? false,
      previousHash,
    };
    previousHash = hashAuditEvent(content);
    return { ...content, occurredAt: new Date(content.occurredAt), details: content.details as Prisma.InputJsonObject, hash: previousHash };
  });
  // createMany inserts in the order given, so the ids (a sequence) follow the chain.
  await tx.auditEvent.createMany({ data: rows });
}
