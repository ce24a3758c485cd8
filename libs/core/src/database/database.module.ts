import { type DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { repositoryRoot } from '../config/repository-root';
import { openDatabase } from './database';
import { applyMigrations } from './migrator';
import { DATABASE, PrismaService } from './prisma.service';

export const MIGRATIONS_DIR = join(repositoryRoot(), 'prisma', 'migrations');

/** Opens the database once per process and shares it (and Prisma) with every domain module. */
@Global()
@Module({})
export class DatabaseModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: DATABASE,
          useFactory: async () => {
            const logger = new Logger('Database');
            const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, template: config.embeddedTemplate });
            logger.log(db.kind === 'server' ? 'connected to the PostgreSQL server' : `embedded database in ${config.dataDir}`);
            // A server is migrated by `npm run db:migrate` (one step per deployment, not per instance);
            // the embedded database belongs to this process, so it migrates itself.
            if (db.kind === 'embedded' || config.migrateOnStart) {
              const { applied } = await applyMigrations(db, MIGRATIONS_DIR);
              if (applied.length > 0) logger.log(`applied migrations: ${applied.join(', ')}`);
            }
            return db;
          },
        },
        PrismaService,
      ],
      exports: [APP_CONFIG, DATABASE, PrismaService],
    };
  }
}
