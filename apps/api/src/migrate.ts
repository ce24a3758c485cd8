import 'reflect-metadata';
import { applyMigrations, loadConfig, MIGRATIONS_DIR, openDatabase } from '@registry/core';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { applied, alreadyApplied } = await applyMigrations(db, MIGRATIONS_DIR);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : `up to date (${alreadyApplied} migrations applied before)`);
  } finally {
    await db.close();
  }
}

migrate().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
