import { Injectable } from '@nestjs/common';
import { PrismaService } from '@registry/core';
import { type AuditEvent, Prisma, type PassportRevision } from '@registry/prisma-client';

export interface AuditEventQuery {
  passportId: string | null;
  actorOrganizationId: string | null;
  action: string | null;
  since: Date | null;
  until: Date | null;
  /** Only events written by this organization or about its passports (a manufacturer's own view). */
  scopeOrganizationId: string | null;
  /** Leave out the events of never-published drafts (AuditEvent.draft): for callers other than their owner. */
  hideDrafts: boolean;
}

/** A page of one passport's revisions, newest first: the ones below `beforeRevision`. */
export interface RevisionPageKey {
  passportId: string;
  beforeRevision: number;
  /** Rows to fetch: the page size plus one, which tells whether another page follows. */
  take: number;
}

/** Reads of the audit log and of the revision history. The log is append-only: this class never updates or deletes it. */
@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Events newest first (by id), `take` of them, below the id `beforeId`. */
  findEvents(query: AuditEventQuery, take: number, beforeId: bigint | null): Promise<AuditEvent[]> {
    const conditions: Prisma.Sql[] = [];
    if (beforeId !== null) conditions.push(Prisma.sql`"id" < ${beforeId}`);
    if (query.passportId) conditions.push(Prisma.sql`"passportId" = ${query.passportId}::uuid`);
    if (query.actorOrganizationId) conditions.push(Prisma.sql`"actorOrganizationId" = ${query.actorOrganizationId}::uuid`);
    if (query.action) conditions.push(Prisma.sql`"action" = ${query.action}`);
    if (query.since) conditions.push(Prisma.sql`"occurredAt" >= ${query.since}`);
    if (query.until) conditions.push(Prisma.sql`"occurredAt" < ${query.until}`);
    if (query.scopeOrganizationId) {
      const organization = query.scopeOrganizationId;
      conditions.push(
        Prisma.sql`("actorOrganizationId" = ${organization}::uuid OR "passportId" IN (SELECT "id" FROM "Passport" WHERE "manufacturerId" = ${organization}::uuid))`,
      );
    }
    if (query.hideDrafts) conditions.push(Prisma.sql`NOT "draft"`);
    const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
    // Raw SQL for the manufacturer's scope: AuditEvent has no relation to Passport for Prisma to filter through.
    return this.prisma.$queryRaw<AuditEvent[]>`
      SELECT "id", "occurredAt", "action", "actorOrganizationId"::text AS "actorOrganizationId", "actorKeyId"::text AS "actorKeyId",
             "passportId"::text AS "passportId", "revision", "details", "draft", "previousHash", "hash"
      FROM "AuditEvent" ${where}
      ORDER BY "id" DESC
      LIMIT ${take}`;
  }

  /** The whole log in id order, `take` events after the id `afterId`, for checking its hash chain. */
  findChainPage(afterId: bigint | null, take: number): Promise<AuditEvent[]> {
    return this.prisma.auditEvent.findMany({ where: afterId === null ? {} : { id: { gt: afterId } }, orderBy: { id: 'asc' }, take });
  }

  findPassport(id: string) {
    return this.prisma.passport.findUnique({ where: { id }, select: { id: true, manufacturerId: true, status: true, revision: true } });
  }

  /**
   * Pages of revisions of several passports in one query. Revisions are numbered 1, 2, ... without gaps, so a page
   * below revision r is the range [r - take, r - 1].
   */
  findRevisionPages(keys: readonly RevisionPageKey[]): Promise<PassportRevision[]> {
    return this.prisma.passportRevision.findMany({
      where: {
        OR: keys.map((key) => ({ passportId: key.passportId, revision: { lt: key.beforeRevision, gte: key.beforeRevision - key.take } })),
      },
      orderBy: [{ passportId: 'asc' }, { revision: 'desc' }],
    });
  }

  findRevisions(passportId: string, revisions: number[]) {
    return this.prisma.passportRevision.findMany({
      where: { passportId, revision: { in: revisions } },
      select: { revision: true, productName: true, totalMassKg: true, composition: true },
    });
  }
}
