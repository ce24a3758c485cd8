import { Injectable } from '@nestjs/common';
import { PrismaService } from '@registry/core';
import type { Organization, OrganizationKind } from '@registry/prisma-client';

@Injectable()
export class OrganizationRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { name: string; kind: OrganizationKind; corop: string | null; sbiCode: string | null }): Promise<Organization> {
    return this.prisma.organization.create({ data });
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
