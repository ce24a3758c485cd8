import { CompositionAccessRepository } from './composition-access.repository';
import { CompositionAccessResolver } from './composition-access.resolver';
import { CompositionAccessService } from './composition-access.service';
import { Module } from '@nestjs/common';
import { AuditModule } from '@registry/audit';
import { CompositionModule } from '@registry/composition';
import { MaterialsModule } from '@registry/materials';
import { OrganizationsModule } from '@registry/organizations';
import { ValueModule } from '@registry/value';
import { ElementRecomputeOnStart } from './element-recompute.on-start';
import { MaterialResolver } from './material.resolver';
import { PassportBatchService } from './passport-batch.service';
import { PassportBulkRepository } from './passport-bulk.repository';
import { PassportCriticalMaterials } from './passport-critical-materials';
import { PassportLinkLoaders } from './passport-link.loaders';
import { PassportLinkResolver, PassportLinksResolver } from './passport-link.resolver';
import { PassportLoaderFactory } from './passport.loaders';
import { PassportRepository } from './passport.repository';
import { PassportResolver } from './passport.resolver';
import { PassportService } from './passport.service';
import { PassportSectionsResolver } from './passport-sections.resolver';
import { PassportSectionsService } from './passport-sections.service';

@Module({
  imports: [AuditModule, CompositionModule, MaterialsModule, OrganizationsModule, ValueModule],
  providers: [
    ElementRecomputeOnStart,
    PassportRepository,
    PassportBulkRepository,
    PassportService,
    PassportBatchService,
    PassportCriticalMaterials,
    PassportLoaderFactory,
    PassportResolver,
    CompositionAccessRepository,
    CompositionAccessService,
    CompositionAccessResolver,
    PassportLinkLoaders,
    PassportLinksResolver,
    PassportLinkResolver,
    MaterialResolver,
    PassportSectionsService,
    PassportSectionsResolver,
  ],
  exports: [PassportService, PassportBatchService, PassportCriticalMaterials, PassportSectionsService],
})
export class PassportsModule {}
