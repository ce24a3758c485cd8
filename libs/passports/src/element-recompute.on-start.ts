import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, DATABASE, type Database, PrismaService } from '@registry/core';
import { recomputeElementRows } from './element-recompute';

/** Right after the migrations this process applied at start, recomputes element rows of an older method version. */
@Injectable()
export class ElementRecomputeOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('ElementRows');

  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Same condition as the migrations at start (DatabaseModule): else `npm run db:migrate` does it.
    if (this.database.kind !== 'embedded' && !this.config.migrateOnStart) return;
    const recomputed = await recomputeElementRows(this.prisma);
    if (recomputed > 0) this.logger.log(`recomputed the element rows of ${recomputed} passports`);
  }
}
