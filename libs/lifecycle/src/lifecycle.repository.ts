import { Injectable } from '@nestjs/common';
import { SigningService } from '@registry/audit';
import { type AuditActor, PrismaService, recordAuditEvent } from '@registry/core';
import type { LifecycleEvent, LifecycleEventType, Passport, Prisma } from '@registry/prisma-client';
import { hashLifecycleEvent, LIFECYCLE_EVENT_SIGNATURE_TYPE, type LifecycleEventContent } from '@registry/verification';
import { expectedEndOfLifeOf } from '@registry/passports';

export interface NewLifecycleEvent {
  passportId: string;
  type: LifecycleEventType;
  occurredAt: Date;
  corop: string | null;
  componentKeys: string[];
  note: string | null;
  evidenceUrl: string | null;
  fromOrganizationId: string | null;
  toOrganizationId: string | null;
  actorKeyId: string | null;
  actor: AuditActor;
}

/** A page of one passport's events: sequence in (afterSequence, afterSequence + take]. */
export interface EventPageKey {
  passportId: string;
  afterSequence: number;
  take: number;
}

@Injectable()
export class LifecycleRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly signing: SigningService,
  ) {}

  /**
   * Appends an event to a passport's chain and applies what it changes on the passport (location, end of life,
   * responsibility); null when the passport has ended or is a draft meanwhile.
   */
  append(event: NewLifecycleEvent): Promise<{ event: LifecycleEvent; passport: Passport } | null> {
    // One transaction: the event, the passport columns it sets and its audit event change together, and the
    // conditional increment of the passport's counter locks its row, so concurrent events chain one after the other.
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.passport.updateMany({
        where: { id: event.passportId, endedAt: null, status: { not: 'DRAFT' } },
        data: { lifecycleEventCount: { increment: 1 }, ...passportChanges(event) },
      });
      if (updated.count === 0) return null;
      let passport = await tx.passport.findUniqueOrThrow({ where: { id: event.passportId } });
      if (event.type === 'INSTALLED') {
        const expectedEndOfLife = expectedEndOfLifeOf(passport.installedAt ?? passport.createdAt, passport.lifetimeYears);
        passport = await tx.passport.update({ where: { id: passport.id }, data: { expectedEndOfLife } });
      }
      const sequence = passport.lifecycleEventCount;
      const previous =
        sequence > 1
          ? await tx.lifecycleEvent.findUniqueOrThrow({
              where: { passportId_sequence: { passportId: passport.id, sequence: sequence - 1 } },
              select: { contentHash: true },
            })
          : null;
      const recordedAt = new Date();
      const content: LifecycleEventContent = {
        passportId: passport.id,
        sequence,
        previousHash: previous?.contentHash ?? null,
        type: event.type,
        occurredAt: event.occurredAt.toISOString(),
        recordedAt: recordedAt.toISOString(),
        corop: event.corop,
        componentKeys: event.componentKeys,
        note: event.note,
        evidenceUrl: event.evidenceUrl,
        actorOrganizationId: event.actor.organizationId,
        fromOrganizationId: event.fromOrganizationId,
        toOrganizationId: event.toOrganizationId,
      };
      const contentHash = hashLifecycleEvent(content);
      const signature = await this.signing.sign({ passportId: passport.id, sequence, contentHash }, LIFECYCLE_EVENT_SIGNATURE_TYPE);
      const created = await tx.lifecycleEvent.create({
        data: {
          ...content,
          type: event.type,
          occurredAt: event.occurredAt,
          recordedAt,
          actorKeyId: event.actorKeyId,
          contentHash,
          signature,
          signingKeyId: this.signing.keyId,
        },
      });
      // Last: appending to the audit log holds the log's lock until the transaction ends.
      await recordAuditEvent(tx, auditEventOf(created, passport, event.actor));
      return { event: created, passport };
    });
  }

  findPassport(id: string): Promise<Passport | null> {
    return this.prisma.passport.findUnique({ where: { id } });
  }

  /** The keys of the components of a passport's current revision that are among `keys`. */
  async existingComponentKeys(passportId: string, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.prisma.passportComponent.findMany({ where: { passportId, key: { in: [...keys] } }, select: { key: true } });
    return new Set(rows.map((row) => row.key));
  }

  organizationExists(id: string): Promise<boolean> {
    return this.prisma.organization.count({ where: { id } }).then((count) => count > 0);
  }

  /** Several pages of events (one per passport), oldest first, in one query. */
  findEventPages(keys: readonly EventPageKey[]): Promise<LifecycleEvent[]> {
    return this.prisma.lifecycleEvent.findMany({
      where: { OR: keys.map((key) => ({ passportId: key.passportId, sequence: { gt: key.afterSequence, lte: key.afterSequence + key.take } })) },
      orderBy: [{ passportId: 'asc' }, { sequence: 'asc' }],
    });
  }
}

/** The passport columns an event sets. */
function passportChanges(event: NewLifecycleEvent): Prisma.PassportUncheckedUpdateManyInput {
  switch (event.type) {
    case 'INSTALLED':
      return { installedCorop: event.corop, installedAt: event.occurredAt };
    case 'RECYCLED':
      return { endedAt: event.occurredAt };
    case 'RESPONSIBILITY_TRANSFERRED':
      return { responsibleOrganizationId: event.toOrganizationId };
    default:
      return {};
  }
}

function auditEventOf(event: LifecycleEvent, passport: Passport, actor: AuditActor) {
  const common = { actor, passportId: passport.id, revision: passport.revision };
  const details = { type: event.type, sequence: event.sequence, contentHash: event.contentHash };
  if (event.type === 'RESPONSIBILITY_TRANSFERRED') {
    return {
      ...common,
      action: 'passport.responsibility_transferred' as const,
      details: { ...details, fromOrganizationId: event.fromOrganizationId, toOrganizationId: event.toOrganizationId },
    };
  }
  return { ...common, action: 'passport.lifecycle_event_recorded' as const, details };
}
