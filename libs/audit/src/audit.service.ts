import { Injectable } from '@nestjs/common';
import { AccessTier, canAccess, type Principal } from '@registry/auth';
import type { CompositionDocument } from '@registry/composition';
import { AUDIT_ACTIONS, type ConnectionShape, cursorBigInt, RegistryError, readPage, toConnection, isUuid } from '@registry/core';
import { AUDIT_CHAIN_START, type AuditChainProblem, checkAuditChain } from '@registry/verification';
import type { AuditEvent } from '@registry/prisma-client';
import { AuditRepository } from './audit.repository';
import type { AuditEventFilter } from './dto/audit-events.args';
import type { AuditEventModel } from './models/audit-event.model';
import type { AuditLogVerificationModel } from './models/audit-log-verification.model';
import type { PassportDiffModel } from './models/passport-diff.model';
import { diffCompositions } from './passport-diff';

/** Events read per query when checking the chain: bounds memory whatever the size of the log. */
const CHAIN_PAGE = 1000;
/** Problems listed in a verification (all are counted): a log rewritten wholesale would otherwise answer megabytes. */
const MAX_LISTED_PROBLEMS = 100;

/** Reads of the audit log and of passport histories, with who may read them. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /**
   * Audit events, newest first. AUDITOR keys (auditor and authority organizations) see every event but those of
   * other organizations' drafts (AuditEvent.draft: written while the passport was a DRAFT never published), the
   * platform administrator every event; a manufacturer's keys see the events written by their organization or about
   * its passports, drafts included. The rule is part of the query, so pages stay full and cursors stay valid.
   */
  async events(
    caller: Principal,
    args: { filter?: AuditEventFilter | null; first?: number; after?: string | null },
  ): Promise<ConnectionShape<AuditEventModel>> {
    const scopeOrganizationId = this.eventScope(caller);
    const { first, after } = readPage(args);
    const beforeId = after ? this.eventCursor(after) : null;
    const filter = args.filter ?? {};
    if (filter.passportId && !isUuid(filter.passportId)) throw RegistryError.invalidField('filter.passportId', 'is not a passport id', 'uuid');
    if (filter.actorOrganizationId && !isUuid(filter.actorOrganizationId)) {
      throw RegistryError.invalidField('filter.actorOrganizationId', 'is not an organization id', 'uuid');
    }
    if (filter.action && !(AUDIT_ACTIONS as readonly string[]).includes(filter.action)) {
      throw RegistryError.invalidField('filter.action', `must be one of ${AUDIT_ACTIONS.join(', ')}`, 'enum');
    }
    if (filter.since && filter.until && filter.since > filter.until)
      throw RegistryError.invalidField('filter.until', 'must not be before filter.since', 'range');
    const rows = await this.audit.findEvents(
      {
        passportId: filter.passportId ?? null,
        actorOrganizationId: filter.actorOrganizationId ?? null,
        action: filter.action ?? null,
        since: filter.since ?? null,
        until: filter.until ?? null,
        scopeOrganizationId,
        // A manufacturer's scope holds only its own passports' events; auditors see no one's drafts.
        hideDrafts: !caller.platformAdmin && scopeOrganizationId === null,
      },
      first + 1,
      beforeId,
    );
    return toConnection(rows, first, (event) => [event.id.toString()], toAuditEventModel);
  }

  /**
   * Checks the whole audit log's hash chain in the database (see checkAuditChain): for AUDITOR keys and the
   * platform administrator, like the unrestricted log. `lastHash` is the head of the chain: kept elsewhere, it
   * shows later whether events were removed from the end.
   */
  async verifyChain(caller: Principal): Promise<AuditLogVerificationModel> {
    if (!caller.platformAdmin && caller.role !== 'AUDITOR') {
      throw RegistryError.forbidden('verifyAuditLog needs an AUDITOR key (of an auditor or authority organization) or the platform administrator', {
        requiredRoles: ['AUDITOR'],
      });
    }
    const problems: AuditChainProblem[] = [];
    let state = AUDIT_CHAIN_START;
    let lastEventId: bigint | null = null;
    for (;;) {
      const rows = await this.audit.findChainPage(lastEventId, CHAIN_PAGE);
      state = checkAuditChain(
        rows.map((row) => ({ ...row, id: row.id.toString(), occurredAt: row.occurredAt.toISOString() })),
        state,
        problems,
      );
      if (rows.length > 0) lastEventId = rows[rows.length - 1].id;
      if (rows.length < CHAIN_PAGE) break;
    }
    return {
      valid: problems.length === 0,
      checkedEvents: state.checked,
      unchainedEvents: state.unchained,
      lastEventId: lastEventId?.toString() ?? null,
      lastHash: state.lastHash,
      problemCount: problems.length,
      problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    };
  }

  /** What changed between two revisions of a passport; for the AUTHORITY tier and the owner. */
  async diff(caller: Principal, passportId: string, fromRevision: number, toRevision: number): Promise<PassportDiffModel> {
    const passport = isUuid(passportId) ? await this.audit.findPassport(passportId) : null;
    const isOwner = caller.organizationKind === 'MANUFACTURER' && caller.organizationId === passport?.manufacturerId;
    // Drafts stay invisible to all but their owner, as everywhere else.
    if (!passport || (passport.status === 'DRAFT' && !isOwner && !caller.platformAdmin)) throw RegistryError.notFound('Passport', passportId);
    if (!canAccess(caller, AccessTier.AUTHORITY, passport.manufacturerId)) {
      throw RegistryError.forbidden(`passportDiff needs access tier ${AccessTier.AUTHORITY} (an AUDITOR key) or the passport's owner`, {
        requiredTier: AccessTier.AUTHORITY,
      });
    }
    for (const [field, revision] of [
      ['fromRevision', fromRevision],
      ['toRevision', toRevision],
    ] as const) {
      if (revision < 1 || revision > passport.revision) {
        throw RegistryError.invalidField(field, `passport ${passportId} has revisions 1 to ${passport.revision}, not ${revision}`, 'range');
      }
    }
    const rows = await this.audit.findRevisions(passportId, [fromRevision, toRevision]);
    const from = rows.find((row) => row.revision === fromRevision);
    const to = rows.find((row) => row.revision === toRevision);
    if (!from || !to) throw RegistryError.notFound('PassportRevision', `${passportId}@${from ? toRevision : fromRevision}`);
    const changes = diffCompositions(from.composition as unknown as CompositionDocument, to.composition as unknown as CompositionDocument);
    return {
      passportId,
      fromRevision,
      toRevision,
      productName: from.productName === to.productName ? null : { from: from.productName, to: to.productName },
      // The stored totals, which are what the passport showed at each revision.
      totalMassKg: { from: from.totalMassKg, to: to.totalMassKg },
      documentFields: changes.documentFields,
      components: changes.components as PassportDiffModel['components'],
    };
  }

  /** null: every event; an organization id: only that organization's own events. */
  private eventScope(caller: Principal): string | null {
    if (caller.platformAdmin || caller.role === 'AUDITOR') return null;
    if (caller.organizationKind === 'MANUFACTURER' && caller.organizationId) return caller.organizationId;
    throw RegistryError.forbidden(
      'auditEvents needs an AUDITOR key (of an auditor or authority organization) or the platform administrator; a manufacturer sees its own events',
      { requiredRoles: ['AUDITOR'] },
    );
  }

  private eventCursor(after: unknown[]): bigint {
    return cursorBigInt(after[0]);
  }
}

function toAuditEventModel(event: AuditEvent): AuditEventModel {
  return {
    id: event.id.toString(),
    occurredAt: event.occurredAt,
    action: event.action,
    actorOrganizationId: event.actorOrganizationId,
    actorKeyId: event.actorKeyId,
    passportId: event.passportId,
    revision: event.revision,
    details: (event.details as Record<string, unknown> | null) ?? null,
    previousHash: event.previousHash,
    hash: event.hash,
  };
}
