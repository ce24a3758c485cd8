import { Injectable } from '@nestjs/common';
import { appendAuditEvent, PrismaService } from '@registry/core';
import type { Principal } from '@registry/auth';
import type { Organization, OrganizationKind } from '@registry/prisma-client';

@Injectable()
export class OrganizationRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { name: string; kind: OrganizationKind; corop: string | null; sbiCode: string | null }, actor: Principal): Promise<Organization> {
    // One transaction: an organization never exists without the audit event of its creation. The audit log is
    // append-only, appended by its one writer, and read through @registry/audit (which depends on this domain, so
    // it is not imported here).
    return this.prisma.$transaction(async (tx) => {
      const organization = await tx.organization.create({ data });
      await appendAuditEvent(tx, {
        action: 'organization.created',
        actorOrganizationId: actor.organizationId,
        actorKeyId: actor.apiKeyId,
        details: {
          ...(actor.platformAdmin ? { platformAdmin: true } : {}),
          organizationId: organization.id,
          name: organization.name,
          kind: organization.kind,
        },
      });
      return organization;
    });
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
}
