import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaClient } from '@registry/prisma-client';
import type { Database } from './database';

/** Injection token of the open Database (server pool or embedded PGlite). */
export const DATABASE = Symbol('DATABASE');

/** The Prisma client over whichever database the registry runs on. Repositories are its only users. */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  private readonly logger = new Logger(PrismaService.name);

  constructor(@Inject(DATABASE) private readonly database: Database) {
    super({ adapter: database.adapter });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.database.close();
    this.logger.log(`closed the ${this.database.kind} database`);
  }
}
