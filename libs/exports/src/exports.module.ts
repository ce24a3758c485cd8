import { Module } from '@nestjs/common';
import { AuditModule } from '@registry/audit';
import { MaterialsModule } from '@registry/materials';
import { PassportsModule } from '@registry/passports';
import { CredentialController } from './credential.controller';
import { CredentialRepository } from './credential.repository';
import { CredentialService } from './credential.service';
import { ExportController } from './export.controller';
import { ExportRepository } from './export.repository';
import { ExportService } from './export.service';
import { exportsSettingsProvider } from './exports.settings';

/** Streaming exports in open formats (NDJSON, CSV) with signed manifests, and passports as verifiable credentials. */
@Module({
  imports: [AuditModule, MaterialsModule, PassportsModule],
  controllers: [ExportController, CredentialController],
  providers: [exportsSettingsProvider, ExportRepository, ExportService, CredentialRepository, CredentialService],
})
export class ExportsModule {}
