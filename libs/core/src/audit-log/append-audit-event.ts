import type { Prisma } from '@registry/prisma-client';
import { type AuditEventContent, hashAuditEvent } from '@registry/verification';
import type { SqlExecutor } from '../database/database';

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
  const rows = chained(events, last?.hash ?? null).map((row) => ({
    ...row,
    occurredAt: new Date(row.occurredAt),
    details: row.details as Prisma.InputJsonObject,
  }));
  // createMany inserts in the order given, so the ids (a sequence) follow the chain.
  await tx.auditEvent.createMany({ data: rows });
}

const INSERT_EVENTS = `
INSERT INTO "AuditEvent" ("occurredAt", "action", "actorOrganizationId", "actorKeyId", "passportId", "revision", "details", "draft", "previousHash", "hash")
SELECT u.occurred, u.action, u.organization, u.key, u.passport, u.revision, u.details::jsonb, u.draft, u.previous, u.hash
FROM unnest($1::timestamptz[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::int[], $7::text[], $8::bool[], $9::text[], $10::text[])
  WITH ORDINALITY AS u(occurred, action, organization, key, passport, revision, details, draft, previous, hash, ord)
ORDER BY u.ord`;

/**
 * appendAuditEvents on the driver, within a transaction of Database.transaction (the bulk writes that bypass
 * Prisma): the same lock, chain and rows, with one insert whose ids follow the order given.
 */
export async function appendAuditEventsOn(sql: SqlExecutor, events: readonly AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await sql.query(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await sql.query<{ hash: string | null }>('SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1');
  const rows = chained(events, last?.hash ?? null);
  await sql.query(INSERT_EVENTS, [
    rows.map((row) => row.occurredAt),
    rows.map((row) => row.action),
    rows.map((row) => row.actorOrganizationId),
    rows.map((row) => row.actorKeyId),
    rows.map((row) => row.passportId),
    rows.map((row) => row.revision),
    rows.map((row) => JSON.stringify(row.details)),
    rows.map((row) => row.draft),
    rows.map((row) => row.previousHash),
    rows.map((row) => row.hash),
  ]);
}

/** The events with their times and hashes, each linked to the one before, the first to `previousHash`. */
function chained(events: readonly AuditEventInput[], previousHash: string | null): (AuditEventContent & { hash: string })[] {
  return events.map((event) => {
    const content: AuditEventContent = {
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
    return { ...content, hash: previousHash };
  });
}
