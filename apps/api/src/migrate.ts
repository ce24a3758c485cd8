import 'reflect-metadata';
import { applyMigrations, loadConfig, MIGRATIONS_DIR, openDatabase } from '@registry/core';
import { recomputeElementRows } from '@registry/passports';
import { PrismaClient } from '@registry/prisma-client';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { applied, alreadyApplied } = await applyMigrations(db, MIGRATIONS_DIR);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : `up to date (${alreadyApplied} migrations applied before)`);
    // Derived rows of an older method version are recomputed right after the schema is current.
    const prisma = new PrismaClient({ adapter: db.adapter });
    try {
      const recomputed = await recomputeElementRows(prisma);
      if (recomputed > 0) console.log(`recomputed the element rows of ${recomputed} passports`);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await db.close();
  }
}

migrate().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
