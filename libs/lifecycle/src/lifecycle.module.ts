import { Module } from '@nestjs/common';
import { AuditModule } from '@registry/audit';
import { LifecycleEventPages } from './lifecycle-event-pages';
import { LifecycleRepository } from './lifecycle.repository';
import { LifecycleResolver } from './lifecycle.resolver';
import { LifecycleService } from './lifecycle.service';

@Module({
  imports: [AuditModule],
  providers: [LifecycleRepository, LifecycleService, LifecycleResolver, LifecycleEventPages],
  exports: [LifecycleEventPages],
})
export class LifecycleModule {}
