import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database';

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

// Same table as Prisma Migrate keeps, so that a deployment with Prisma's native CLI can still run
// `prisma migrate status` or `deploy` against a database migrated here.
const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies the migrations of `migrationsDir` that the database has not seen, in name order, each in its own
 * transaction (the whole file as one simple query, so `$$` bodies and multi-statement files work).
 */
export async function applyMigrations(db: Database, migrationsDir: string): Promise<MigrationResult> {
  await db.exec(MIGRATIONS_TABLE);
  const rows = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
  );
  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new Error(`Migration ${failed.migration_name} failed earlier and was not resolved; fix the database first`);
  }
  const done = new Map(rows.filter((row) => row.finished_at).map((row) => [row.migration_name, row.checksum]));

  const names = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const applied: string[] = [];
  for (const name of names) {
    const sql = readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    const known = done.get(name);
    if (known !== undefined) {
      if (known !== checksum) throw new Error(`Migration ${name} was changed after it was applied (checksum differs)`);
      continue;
    }
    // One transaction per migration: a failing file leaves no half-applied schema behind.
    await db.transaction(async (tx) => {
      // Serialises concurrent instances that start at the same time against one server.
      await tx.query('SELECT pg_advisory_xact_lock(72707370)');
      const again = await tx.query('SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL', [name]);
      if (again.length > 0) return;
      await tx.exec(sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), checksum, name],
      );
    });
    applied.push(name);
  }
  return { applied, alreadyApplied: done.size };
}
