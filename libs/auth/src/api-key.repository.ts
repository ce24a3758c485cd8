import { Injectable } from '@nestjs/common';
import { auditActorOf, PrismaService, recordAuditEvent } from '@registry/core';
import type { ApiKey, ApiKeyRole, Organization } from '@registry/prisma-client';
import { API_KEY_REVOKED_CHANNEL } from './cache/revocation-listener';
import type { Principal } from './principal';

export type ApiKeyWithOrganization = ApiKey & { organization: Organization };

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly prisma: PrismaService) {}

  findBySecretHash(secretHash: string): Promise<ApiKeyWithOrganization | null> {
    return this.prisma.apiKey.findUnique({ where: { secretHash }, include: { organization: true } });
  }

  findById(id: string): Promise<ApiKey | null> {
    return this.prisma.apiKey.findUnique({ where: { id } });
  }

  findOrganization(id: string): Promise<Organization | null> {
    return this.prisma.organization.findUnique({ where: { id } });
  }

  create(
    data: { organizationId: string; role: ApiKeyRole; secretHash: string; secretPrefix: string; label: string | null; expiresAt: Date | null },
    actor: Principal,
  ): Promise<ApiKey> {
    // One transaction: a key never exists without the audit event of its creation.
    return this.prisma.$transaction(async (tx) => {
      const key = await tx.apiKey.create({ data });
      await recordAuditEvent(tx, {
        action: 'api_key.created',
        actor: auditActorOf(actor),
        details: { apiKeyId: key.id, organizationId: key.organizationId, role: key.role },
      });
      return key;
    });
  }

  listForOrganization(organizationId: string, first: number, after: { createdAt: Date; id: string } | null): Promise<ApiKey[]> {
    return this.prisma.apiKey.findMany({
      where: {
        organizationId,
        ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: first + 1,
    });
  }

  countForOrganization(organizationId: string): Promise<number> {
    return this.prisma.apiKey.count({ where: { organizationId } });
  }

  revoke(id: string, at: Date, actor: Principal): Promise<ApiKey> {
    // One transaction: the revocation and its audit event; a key already revoked is neither changed nor logged again.
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
      const key = await tx.apiKey.findUniqueOrThrow({ where: { id } });
      if (updated.count > 0) {
        // Delivered at commit to every instance listening (their principal caches drop the key).
        await tx.$executeRaw`SELECT pg_notify(${API_KEY_REVOKED_CHANNEL}, ${key.id})`;
        await recordAuditEvent(tx, {
          action: 'api_key.revoked',
          actor: auditActorOf(actor),
          details: { apiKeyId: key.id, organizationId: key.organizationId },
        });
      }
      return key;
    });
  }

  /** Touches lastUsedAt at most once a minute per key, also across instances (the service calls it once a minute at most). */
  async touch(id: string, now: Date): Promise<void> {
    await this.prisma.apiKey.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
      data: { lastUsedAt: now },
    });
  }
}
