import { Module } from '@nestjs/common';
import { PassportsModule } from '@registry/passports';
import { ImportController } from './import.controller';
import { ImportProcessor } from './import.processor';
import { ImportRepository } from './import.repository';
import { ImportResolver } from './import.resolver';
import { ImportService } from './import.service';
import { SheetStaging } from './sheet-staging';

/** Bulk onboarding: import runs of passports from GraphQL rows, NDJSON, CSV and XLSX files, processed in chunks. */
@Module({
  imports: [PassportsModule],
  controllers: [ImportController],
  providers: [ImportRepository, ImportProcessor, ImportService, ImportResolver, SheetStaging],
  exports: [ImportService],
})
export class ImportsModule {}
