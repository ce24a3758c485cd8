import { Global, Logger, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, DATABASE } from '@registry/core';
import { AuditRepository } from './audit.repository';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { JwksController } from './jwks.controller';
import { PassportHistoryResolver } from './passport-history.resolver';
import { RevisionPages } from './revision-pages.loader';
import { loadSigningKeys, SIGNING_KEYS } from './signing-keys';
import { SigningService } from './signing.service';

/**
 * Integrity of the registry: the signing key and its JWKS, the audit log and the revision history.
 * Global like the database: the passports write path (and the exports) sign with its SigningService, while its own
 * resolvers extend the Passport type, so it must not import the passports module in turn.
 */
@Global()
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
    PassportHistoryResolver,
  ],
  exports: [SigningService],
})
export class AuditModule {}
