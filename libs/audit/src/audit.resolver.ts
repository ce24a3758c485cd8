import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal, Roles } from '@registry/auth';
import { Connection } from '@registry/core';
import { AuditService } from './audit.service';
import { AuditEventsArgs } from './dto/audit-events.args';
import { PassportDiffArgs } from './dto/passport-diff.args';
import { AuditEventModel } from './models/audit-event.model';
import { AuditLogVerificationModel } from './models/audit-log-verification.model';
import { PassportDiffModel } from './models/passport-diff.model';

const AuditEventConnection = Connection(AuditEventModel, { name: 'AuditEvent', totalCount: false });

@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, {
    description: 'The audit log, newest first. AUDITOR keys and the platform administrator; a manufacturer sees its own events.',
  })
  @Roles('AUDITOR', 'MANUFACTURER', 'ADMIN')
  auditEvents(@CurrentPrincipal() caller: Principal, @Args() args: AuditEventsArgs) {
    return this.audit.events(caller, args);
  }

  @Query(() => AuditLogVerificationModel, {
    description: "Checks the audit log's hash chain (every event's hash and its link to the one before). AUDITOR keys and the platform administrator.",
  })
  @Roles('AUDITOR')
  verifyAuditLog(@CurrentPrincipal() caller: Principal) {
    return this.audit.verifyChain(caller);
  }

  @Query(() => PassportDiffModel, {
    description: 'What changed between two revisions, component by component and material by material. Tier: AUTHORITY (and the owner).',
  })
  passportDiff(@CurrentPrincipal() caller: Principal, @Args() args: PassportDiffArgs): Promise<PassportDiffModel> {
    return this.audit.diff(caller, args.passportId, args.fromRevision, args.toRevision);
  }
}
