import { Injectable } from '@nestjs/common';
import { auditActorOf, PrismaService, recordAuditEvent } from '@registry/core';
import type { Principal } from '@registry/auth';
import type { Organization, OrganizationKind, Prisma } from '@registry/prisma-client';
import { leadingPrefixes, prefixesOverlap } from './gs1-company-prefix';

/** A prefix asked for that overlaps one another organization holds. */
export interface PrefixConflict {
  prefix: string;
  heldPrefix: string;
  organizationId: string;
  organizationName: string;
}

/** Serialises prefix changes (an arbitrary constant): the overlap check and the write must not interleave. */
const PREFIX_LOCK = 4711_0003;

@Injectable()
export class OrganizationRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(
    data: { name: string; kind: OrganizationKind; corop: string | null; sbiCode: string | null },
    prefixes: string[],
    actor: Principal,
  ): Promise<{ organization: Organization; conflict?: never } | { conflict: PrefixConflict; organization?: never }> {
    // One transaction: an organization never exists without the audit event of its creation, and its prefixes are
    // checked against other organizations' under the lock that every prefix change takes.
    return this.prisma.$transaction(async (tx) => {
      const conflict = prefixes.length > 0 ? await this.lockAndFindConflict(tx, null, prefixes) : null;
      if (conflict) return { conflict };
      const organization = await tx.organization.create({ data: { ...data, gs1CompanyPrefixes: { create: prefixes.map((prefix) => ({ prefix })) } } });
      await recordAuditEvent(tx, {
        action: 'organization.created',
        actor: auditActorOf(actor),
        details: {
          organizationId: organization.id,
          name: organization.name,
          kind: organization.kind,
          ...(prefixes.length > 0 ? { gs1CompanyPrefixes: prefixes } : {}),
        },
      });
      return { organization };
    });
  }

  /** Replaces the prefixes of an organization; null when it does not exist. */
  setPrefixes(
    organizationId: string,
    prefixes: string[],
    actor: Principal,
  ): Promise<{ organization: Organization; conflict?: never } | { conflict: PrefixConflict; organization?: never } | null> {
    // One transaction: the overlap check, the replacement and its audit event happen together under the prefix lock.
    return this.prisma.$transaction(async (tx) => {
      const conflict = await this.lockAndFindConflict(tx, organizationId, prefixes);
      const organization = await tx.organization.findUnique({ where: { id: organizationId }, include: { gs1CompanyPrefixes: true } });
      if (!organization) return null;
      if (conflict) return { conflict };
      const previous = organization.gs1CompanyPrefixes.map((p) => p.prefix).sort();
      await tx.gs1CompanyPrefix.deleteMany({ where: { organizationId } });
      if (prefixes.length > 0) await tx.gs1CompanyPrefix.createMany({ data: prefixes.map((prefix) => ({ prefix, organizationId })) });
      await recordAuditEvent(tx, {
        action: 'organization.gs1_company_prefixes_set',
        actor: auditActorOf(actor),
        details: { organizationId, gs1CompanyPrefixes: prefixes, previous },
      });
      return { organization };
    });
  }

  /** The prefixes of each organization, sorted, in one query. */
  async prefixesOf(organizationIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.prisma.gs1CompanyPrefix.findMany({
      where: { organizationId: { in: [...organizationIds] } },
      orderBy: { prefix: 'asc' },
      select: { organizationId: true, prefix: true },
    });
    const byOrganization = new Map<string, string[]>(organizationIds.map((id) => [id, []]));
    for (const row of rows) byOrganization.get(row.organizationId)?.push(row.prefix);
    return byOrganization;
  }

  findById(id: string): Promise<Organization | null> {
    return this.prisma.organization.findUnique({ where: { id } });
  }

  findByIds(ids: readonly string[]): Promise<Organization[]> {
    return this.prisma.organization.findMany({ where: { id: { in: [...ids] } } });
  }

  list(kind: OrganizationKind | null, first: number, after: string | null): Promise<Organization[]> {
    return this.prisma.organization.findMany({
      where: { ...(kind ? { kind } : {}), ...(after ? { name: { gt: after } } : {}) },
      orderBy: { name: 'asc' },
      take: first + 1,
    });
  }

  count(kind: OrganizationKind | null): Promise<number> {
    return this.prisma.organization.count({ where: kind ? { kind } : {} });
  }

  /** The first prefix asked for that overlaps one held by another organization than `organizationId`. */
  private async lockAndFindConflict(tx: Prisma.TransactionClient, organizationId: string | null, prefixes: string[]): Promise<PrefixConflict | null> {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PREFIX_LOCK})`);
    if (prefixes.length === 0) return null;
    const held = await tx.gs1CompanyPrefix.findMany({
      where: {
        ...(organizationId ? { organizationId: { not: organizationId } } : {}),
        OR: prefixes.flatMap((prefix) => [{ prefix: { startsWith: prefix } }, { prefix: { in: leadingPrefixes(prefix) } }]),
      },
      orderBy: { prefix: 'asc' },
      include: { organization: { select: { name: true } } },
    });
    for (const prefix of prefixes) {
      const other = held.find((row) => prefixesOverlap(prefix, row.prefix));
      if (other) return { prefix, heldPrefix: other.prefix, organizationId: other.organizationId, organizationName: other.organization.name };
    }
    return null;
  }
}
