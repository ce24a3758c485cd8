import { Module } from '@nestjs/common';
import { AuditModule } from '@registry/audit';
import { LifecycleModule } from '@registry/lifecycle';
import { ValueModule } from '@registry/value';
import { PassportLifecycleResolver } from './passport-lifecycle.resolver';
import { PassportRevisionsResolver } from './passport-revisions.resolver';
import { PassportValueResolver } from './passport-value.resolver';

/**
 * The fields other domains add to Passport (revisions, circularity, reuseValue, lifecycleEvents). They are resolved here, in the API
 * layer, which may import every library: the audit and value libraries stay below passports and never import it.
 * See docs/architecture.md.
 */
@Module({
  imports: [AuditModule, LifecycleModule, ValueModule],
  providers: [PassportRevisionsResolver, PassportValueResolver, PassportLifecycleResolver],
})
export class PassportFieldsModule {}
