import { Injectable } from '@nestjs/common';
import { type AuditActor, PrismaService, recordAuditEvent } from '@registry/core';
import type { Passport } from '@registry/prisma-client';

/** The grants of a restricted passport: the CompositionGrant rows, and their copy on the passport row. */
@Injectable()
export class CompositionAccessRepository {
  constructor(private readonly prisma: PrismaService) {}

  set(passportId: string, access: { restricted: boolean; organizationIds: string[] }, actor: AuditActor): Promise<Passport> {
    // The grant rows, the copy on the passport and the audit event change together or not at all.
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.passport.findUniqueOrThrow({ where: { id: passportId }, select: { compositionRestricted: true, compositionGrantees: true } });
      await tx.compositionGrant.deleteMany({ where: { passportId } });
      if (access.organizationIds.length > 0) {
        await tx.compositionGrant.createMany({ data: access.organizationIds.map((organizationId) => ({ passportId, organizationId })) });
      }
      const passport = await tx.passport.update({
        where: { id: passportId },
        data: { compositionRestricted: access.restricted, compositionGrantees: access.organizationIds },
      });
      await recordAuditEvent(tx, {
        action: 'passport.composition_access_set',
        actor,
        passportId,
        details: {
          before: { restricted: before.compositionRestricted, organizationIds: before.compositionGrantees },
          after: { restricted: access.restricted, organizationIds: access.organizationIds },
        },
      });
      return passport;
    });
  }
}
