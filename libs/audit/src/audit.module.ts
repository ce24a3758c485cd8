import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, DATABASE } from '@registry/core';
import { AuditRepository } from './audit.repository';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { JwksController } from './jwks.controller';
import { RevisionPages } from './revision-pages.loader';
import { loadSigningKeys, SIGNING_KEYS } from './signing-keys';
import { SigningService } from './signing.service';

/**
 * Integrity of the registry: the signing key and its JWKS, the audit log and the revision history. The passports
 * write path and the exports sign with its SigningService; the API layer resolves Passport.revisions with RevisionPages.
 */
@Module({
  controllers: [JwksController],
  providers: [
    {
      provide: SIGNING_KEYS,
      // After DATABASE: the embedded database creates its data directory before the key is kept in it.
      inject: [APP_CONFIG, DATABASE],
      useFactory: (config: AppConfig) => loadSigningKeys(config, new Logger('Signing')),
    },
    SigningService,
    AuditRepository,
    AuditService,
    RevisionPages,
    AuditResolver,
  ],
  exports: [SigningService, RevisionPages],
})
export class AuditModule {}
