// Relative imports: Jest's global setup runs outside the module mapper that resolves the @registry aliases.
/* eslint-disable no-restricted-imports */
import { openDatabase } from '../../libs/core/src/database/database';
import { applyMigrations } from '../../libs/core/src/database/migrator';
/* eslint-enable no-restricted-imports */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MIGRATIONS_DIR = join(process.cwd(), 'prisma', 'migrations');

/**
 * Once per test run: an embedded database with every migration applied, dumped to a file that each test file
 * starts its in-memory database from (a fresh initialisation per file would cost seconds each time).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS_DIR).sort()) {
    const file = join(MIGRATIONS_DIR, name, 'migration.sql');
    if (existsSync(file)) hash.update(name).update(readFileSync(file));
  }
  const template = join(tmpdir(), `registry-test-template-${hash.digest('hex').slice(0, 16)}.tar`);
  process.env.REGISTRY_TEST_TEMPLATE = template;
  if (existsSync(template)) return;
  const db = await openDatabase({ url: null, dataDir: 'memory://' });
  await applyMigrations(db, MIGRATIONS_DIR);
  const dump = await db.dump!();
  await db.close();
  // Written under another name first, so that a parallel run never reads a half-written file.
  const partial = `${template}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, template);
}
